import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useSignedIn } from '../api/me.ts';
import { featuresFor } from '../features/registry.ts';
import { useT } from '../i18n/locale.tsx';

/** The section menu: home plus the registered features this role may open. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const t = useT();
  const me = useSignedIn();
  const { pathname } = useLocation();
  const items = [
    { section: 'home', to: '/', label: t('web.nav.home'), active: pathname === '/' },
    ...featuresFor(me.navigation).map((feature) => ({
      section: feature.section,
      to: `/${feature.path}`,
      label: t(feature.labelKey),
      active: pathname === `/${feature.path}` || pathname.startsWith(`/${feature.path}/`),
    })),
  ];
  return (
    <nav aria-label={t('web.shell.mainNav')}>
      <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li key={item.section}>
            <NavLink
              component={Link}
              to={item.to}
              label={item.label}
              active={item.active}
              aria-current={item.active ? 'page' : undefined}
              data-section={item.section}
              onClick={onNavigate}
              variant="filled"
              styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontSize: 'var(--mantine-font-size-md)' } }}
            />
          </li>
        ))}
      </Stack>
    </nav>
  );
}
