import { Anchor, Box, Button, Container, Group, Stack, Text } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useT } from '../../i18n/locale.tsx';
import { useHighContrast } from './contrast.ts';
import type { SchoolInfo } from './public-api.ts';
import './public-request.css';

/**
 * The accessibility toggle and the language switch: at the right of the school's name, or on a
 * line of their own under it on a phone (`justify` says where they go then).
 */
function DisplayToolbar({ justify }: { justify: 'flex-start' | 'flex-end' }) {
  const t = useT();
  const [high, setHigh] = useHighContrast();
  return (
    <Group className="opora-display-toolbar" gap="xs" role="group" aria-label={t('intake.a11y.toolbar')} wrap="wrap" justify={justify}>
      <Button variant="default" size="sm" aria-pressed={high} onClick={() => setHigh(!high)}>
        {high ? t('intake.a11y.toggleOff') : t('intake.a11y.toggle')}
      </Button>
      <LanguageSwitch />
    </Group>
  );
}

function SchoolContacts({ school }: { school: SchoolInfo }) {
  const t = useT();
  return (
    <Stack gap={4}>
      <Text fw={600} component="h2" size="md" m={0}>
        {t('intake.page.contacts')}
      </Text>
      <Text size="sm">{school.name}</Text>
      {school.phone ? <Text size="sm">{t('intake.page.phone', { phone: school.phone })}</Text> : null}
      {school.email ? (
        <Text size="sm">
          {t('intake.page.email', { email: '' })}
          <Anchor href={`mailto:${school.email}`}>{school.email}</Anchor>
        </Text>
      ) : null}
      {school.website ? (
        <Anchor href={school.website} size="sm" target="_top">
          {t('intake.page.site')}
        </Anchor>
      ) : null}
    </Stack>
  );
}

/**
 * Inside an iframe, tells the embedding page the height of the content
 * (`{ type: 'opora:height', height }`), so a site that wants to can size the iframe to fit.
 */
function useEmbedHeight(embed: boolean) {
  useEffect(() => {
    if (!embed || window.parent === window) return;
    const post = () => window.parent.postMessage({ type: 'opora:height', height: document.documentElement.scrollHeight }, '*');
    const observer = new ResizeObserver(post);
    observer.observe(document.body);
    post();
    return () => observer.disconnect();
  }, [embed]);
}

/**
 * The frame of the public pages: skip link, header with the school and the display settings,
 * the page, the school's contacts. `embed` (the form inside the school's own site, `?embed=1`)
 * leaves out header and footer and keeps only the display settings.
 */
export function PublicFrame({ school, embed = false, children }: { school?: SchoolInfo | null; embed?: boolean; children: ReactNode }) {
  const t = useT();
  useEmbedHeight(embed);
  return (
    <Box className="opora-public" data-embed={embed || undefined}>
      <a className="skip-link" href="#main">
        {t('web.skipToContent')}
      </a>
      {embed ? (
        <Container size={760} px="md" pt="sm">
          <DisplayToolbar justify="flex-end" />
        </Container>
      ) : (
        <Box component="header" className="opora-public-header" py="sm">
          <Container size={760} px="md">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
                <Text fw={700} size="lg" c="opora.8" component="p" m={0}>
                  {school?.shortName ?? t('app.name')}
                </Text>
                <Text size="sm" c="dimmed" component="p" m={0}>
                  {t('intake.page.service')}
                </Text>
              </div>
              <DisplayToolbar justify="flex-start" />
            </Group>
          </Container>
        </Box>
      )}
      <Container component="main" id="main" tabIndex={-1} size={760} px="md" py={embed ? 'sm' : 'lg'}>
        {children}
      </Container>
      {!embed && school ? (
        <Box component="footer" className="opora-public-footer" py="md">
          <Container size={760} px="md">
            <SchoolContacts school={school} />
          </Container>
        </Box>
      ) : null}
    </Box>
  );
}
