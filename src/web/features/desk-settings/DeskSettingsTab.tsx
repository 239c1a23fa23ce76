import { Alert, Button, Group, NumberInput, Paper, Radio, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import { CategoryEditor } from './CategoryEditor.tsx';
import { useDeskPolicy, useSaveDeskPolicy, type DeskPatch, type DeskPolicy } from './desk-settings-api.ts';
import { useWorkspaceFormat } from '../../api/me.ts';

/** The regulation's review term (§3–4: "reviewed within 7 days"). */
const REGULATION_DAYS = 7;

/**
 * Settings → «Обращения»: the desk's deadline policy (with the retention term of personal data)
 * and its topics. For the head and admins (the API checks `settings.manage`); mounted as a tab
 * of the settings page.
 */
export default function DeskSettingsTab({ organizationId }: { organizationId: string }) {
  const policy = useDeskPolicy(organizationId);
  if (policy.isPending) return <PageLoader />;
  if (!policy.data) return <ErrorAlert error={policy.error} />;
  return (
    <Stack gap="lg">
      <PolicyForm key={policy.data.updatedAt} policy={policy.data} />
      <CategoryEditor organizationId={organizationId} />
    </Stack>
  );
}

type Editable = Required<DeskPatch>;

function editable(policy: DeskPolicy): Editable {
  const {
    numberPrefix,
    termUnit,
    reviewTermDays,
    moveToNextWorkingDay,
    pauseWhileWaiting,
    autoCloseDays,
    reopenWindowDays,
    reminderLeadHours,
    anonymizeAfterDays,
  } = policy;
  return {
    numberPrefix,
    termUnit,
    reviewTermDays,
    moveToNextWorkingDay,
    pauseWhileWaiting,
    autoCloseDays,
    reopenWindowDays,
    reminderLeadHours,
    anonymizeAfterDays,
  };
}

function PolicyForm({ policy }: { policy: DeskPolicy }) {
  const format = useWorkspaceFormat();
  const t = useT();
  const save = useSaveDeskPolicy(policy.organizationId);
  const initial = editable(policy);
  const [values, setValues] = useState<Editable>(initial);
  const fields = fieldErrors(save.error);
  const changed = (Object.keys(values) as Array<keyof Editable>).filter((key) => values[key] !== initial[key]);
  const set = <K extends keyof Editable>(key: K, value: Editable[K]) => setValues((current) => ({ ...current, [key]: value }));
  const number =
    (key: 'reviewTermDays' | 'autoCloseDays' | 'reopenWindowDays' | 'reminderLeadHours' | 'anonymizeAfterDays') =>
    (value: string | number) =>
      set(key, typeof value === 'number' ? value : Number.parseInt(value, 10) || 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = Object.fromEntries(
      changed.map((key) => [key, key === 'numberPrefix' ? values.numberPrefix.trim() : values[key]]),
    ) as DeskPatch;
    save.mutate(patch, { onSuccess: () => notifications.show({ color: 'green', message: t('desk.settings.saved') }) });
  };

  const year = new Date().getFullYear() % 100;
  const example = `${values.numberPrefix.trim().toUpperCase() || '…'}-${String(year).padStart(2, '0')}-00042`;

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="desk-policy-title">
      <Title order={2} size="h4" id="desk-policy-title" mb={4}>
        {t('desk.settings.policyTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('desk.settings.policyLead')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label={t('desk.settings.reviewTermDays')}
              description={t('desk.settings.reviewTermDaysHint')}
              min={1}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              value={values.reviewTermDays}
              onChange={number('reviewTermDays')}
              error={fields.reviewTermDays}
            />
            <Radio.Group
              label={t('desk.settings.termUnit')}
              value={values.termUnit}
              onChange={(value) => set('termUnit', value as Editable['termUnit'])}
              error={fields.termUnit}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="calendar_days" label={t('desk.settings.termUnit.calendar_days')} />
                <Radio value="working_days" label={t('desk.settings.termUnit.working_days')} />
              </Stack>
            </Radio.Group>
          </SimpleGrid>
          {values.reviewTermDays > REGULATION_DAYS ? (
            <Alert color="orange" variant="light">
              {t('desk.settings.longerThanRegulation', { days: REGULATION_DAYS })}
            </Alert>
          ) : null}
          <Switch
            label={t('desk.settings.moveToNextWorkingDay')}
            description={t('desk.settings.moveToNextWorkingDayHint')}
            checked={values.moveToNextWorkingDay}
            disabled={values.termUnit === 'working_days'}
            onChange={(event) => set('moveToNextWorkingDay', event.currentTarget.checked)}
          />
          <Switch
            label={t('desk.settings.pauseWhileWaiting')}
            description={t('desk.settings.pauseWhileWaitingHint')}
            checked={values.pauseWhileWaiting}
            onChange={(event) => set('pauseWhileWaiting', event.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              label={t('desk.settings.reminderLeadHours')}
              description={t('desk.settings.reminderLeadHoursHint')}
              min={1}
              max={240}
              allowDecimal={false}
              allowNegative={false}
              value={values.reminderLeadHours}
              onChange={number('reminderLeadHours')}
              error={fields.reminderLeadHours}
            />
            <NumberInput
              label={t('desk.settings.autoCloseDays')}
              description={t('desk.settings.autoCloseDaysHint')}
              min={1}
              max={90}
              allowDecimal={false}
              allowNegative={false}
              value={values.autoCloseDays}
              onChange={number('autoCloseDays')}
              error={fields.autoCloseDays}
            />
            <NumberInput
              label={t('desk.settings.reopenWindowDays')}
              description={t('desk.settings.reopenWindowDaysHint')}
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              value={values.reopenWindowDays}
              onChange={number('reopenWindowDays')}
              error={fields.reopenWindowDays}
            />
          </SimpleGrid>
          <NumberInput
            label={t('desk.settings.anonymizeAfterDays')}
            description={t('desk.settings.anonymizeAfterDaysHint')}
            min={30}
            max={3650}
            allowDecimal={false}
            allowNegative={false}
            value={values.anonymizeAfterDays}
            onChange={number('anonymizeAfterDays')}
            error={fields.anonymizeAfterDays}
            maw={720}
            styles={{ wrapper: { maxWidth: '12rem' } }}
          />
          <TextInput
            label={t('desk.settings.numberPrefix')}
            description={t('desk.settings.numberPrefixHint', { example })}
            value={values.numberPrefix}
            onChange={(event) => set('numberPrefix', event.currentTarget.value)}
            error={fields.numberPrefix}
            maxLength={10}
            maw={320}
            autoComplete="off"
          />
          <Text size="sm" c="dimmed">
            {t('desk.settings.appliesTo')}
          </Text>
          <Group justify="space-between" gap="sm">
            <Text size="xs" c="dimmed">
              {t('desk.settings.updatedAt', { date: format.dateTime(policy.updatedAt) })}
            </Text>
            <Group gap="sm">
              <Button variant="default" disabled={changed.length === 0} onClick={() => setValues(initial)}>
                {t('web.cancel')}
              </Button>
              <Button type="submit" disabled={changed.length === 0} loading={save.isPending}>
                {t('web.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
