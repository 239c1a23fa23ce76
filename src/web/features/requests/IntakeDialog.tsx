import {
  Autocomplete,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useT } from '../../i18n/locale.tsx';
import { categoryOptions } from './QueueFilters.tsx';
import { useSignedIn } from '../../api/me.ts';
import {
  useAssignees,
  useCategories,
  useIntake,
  useRequesterSearch,
  type Channel,
  type RequesterKind,
  type RequesterMatch,
} from './requests-api.ts';

const INTAKE_CHANNELS: Channel[] = ['phone', 'in_person', 'parent_meeting'];

function newKey(): string {
  return `intake-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function matchLabel(match: RequesterMatch): string {
  return [match.fullName, match.email, match.phone].filter(Boolean).join(' · ');
}

/**
 * «Новое обращение»: the consultant registers what came in person, at a parent meeting or by
 * phone in a few keystrokes — find the person (or type a new contact), pick the channel and the
 * topic, write the subject and what was asked. The request opens right after.
 */
export function IntakeDialog({
  opened,
  organizationId,
  onClose,
  onCreated,
}: {
  opened: boolean;
  organizationId: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useT();
  return (
    <ResponsiveModal opened={opened} onClose={onClose} title={t('desk.intake.title')}>
      {opened ? <IntakeForm organizationId={organizationId} onCancel={onClose} onCreated={onCreated} /> : null}
    </ResponsiveModal>
  );
}

function IntakeForm({
  organizationId,
  onCancel,
  onCreated,
}: {
  organizationId: string;
  onCancel: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useT();
  const intake = useIntake();
  const categories = useCategories(organizationId);
  const categoryData = useMemo(() => categoryOptions(categories.data, t), [categories.data, t]);
  const [idempotencyKey] = useState(newKey);
  const [channel, setChannel] = useState<Channel>('phone');
  const [who, setWho] = useState('');
  const [known, setKnown] = useState<RequesterMatch | null>(null);
  const [kind, setKind] = useState<RequesterKind>('parent');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [childClass, setChildClass] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [assignToMe, setAssignToMe] = useState(true);
  // Only someone the desk can assign to may take it (an admin of the region registering at a school cannot).
  const me = useSignedIn();
  const canTake = useAssignees(organizationId).data?.some((a) => a.id === me.user.id) ?? false;
  const [receivedAt, setReceivedAt] = useState('');
  const [query] = useDebouncedValue(who.trim(), 250);
  const matches = useRequesterSearch(organizationId, known ? '' : query);
  const options = (matches.data ?? []).map((match) => ({ value: matchLabel(match), match }));
  const fields = fieldErrors(intake.error);

  const pick = (label: string) => {
    const option = options.find((o) => o.value === label);
    if (!option) return;
    setKnown(option.match);
    setKind(option.match.suggestedKind);
    setWho(option.match.fullName);
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    // A second Ctrl+Enter while the first is on its way would be refused (409) and hide the success.
    if (intake.isPending) return;
    intake.mutate(
      {
        input: {
          organizationId,
          channel,
          requester: known
            ? { kind, userId: known.id, phone: phone.trim() || null }
            : { kind, name: who.trim() || null, phone: phone.trim() || null, email: email.trim() || null },
          childClass: kind === 'parent' ? childClass.trim() || null : null,
          categoryId,
          subject: subject.trim(),
          description: description.trim() || null,
          assignToMe: canTake && assignToMe,
          ...(receivedAt ? { receivedAt: new Date(receivedAt).toISOString() } : {}),
          idempotencyKey,
        },
        files: [],
      },
      {
        onSuccess: (view) => {
          notifications.show({ color: 'green', message: t('desk.intake.created', { number: view.number }) });
          onCreated(view.id);
        },
      },
    );
  };

  const ctrlEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} noValidate onKeyDown={ctrlEnter} aria-describedby="intake-hint">
      <Stack gap="sm">
        <Text size="sm" c="dimmed" id="intake-hint">
          {t('desk.intake.hint')}
        </Text>
        <ErrorAlert error={intake.error} />
        <div>
          <Text component="div" size="sm" fw={500} id="intake-channel-label" mb={4}>
            {t('desk.intake.channel')}
          </Text>
          <SegmentedControl
            aria-labelledby="intake-channel-label"
            fullWidth
            data={INTAKE_CHANNELS.map((value) => ({ value, label: t(`requests.channel.${value}`) }))}
            value={channel}
            onChange={(value) => setChannel(value as Channel)}
            styles={{ label: { whiteSpace: 'normal' } }}
          />
        </div>
        {known ? (
          <Paper withBorder p="sm" data-testid="intake-known-requester">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} className="break-anywhere">
                  {known.fullName}
                </Text>
                <Text size="sm" c="dimmed" className="break-anywhere">
                  {[known.email, known.phone].filter(Boolean).join(' · ')}
                </Text>
              </div>
              <CloseButton
                aria-label={t('desk.intake.otherPerson')}
                onClick={() => {
                  setKnown(null);
                  setWho('');
                }}
              />
            </Group>
          </Paper>
        ) : (
          <Autocomplete
            label={t('desk.intake.requester')}
            description={t('desk.intake.requesterHint')}
            required
            data-autofocus
            value={who}
            onChange={setWho}
            onOptionSubmit={pick}
            data={options.map((o) => o.value)}
            filter={({ options: all }) => all}
            error={fields['requester.name'] ?? fields['requester.userId']}
            autoComplete="off"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <div>
          <Text component="div" size="sm" fw={500} id="intake-kind-label" mb={4}>
            {t('desk.intake.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="intake-kind-label"
            data={[
              { value: 'parent', label: t('desk.kind.parentShort') },
              { value: 'staff', label: t('desk.kind.staffShort') },
            ]}
            value={kind}
            onChange={(value) => setKind(value as RequesterKind)}
          />
        </div>
        <SimpleGrid cols={{ base: 1, xs: known ? 2 : 3 }} spacing="sm">
          <TextInput
            label={t('desk.intake.phone')}
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fields['requester.phone']}
            autoComplete="off"
          />
          {known ? null : (
            <TextInput
              label={t('desk.intake.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fields['requester.email']}
              autoComplete="off"
            />
          )}
          {kind === 'parent' ? (
            <TextInput
              label={t('desk.intake.childClass')}
              value={childClass}
              onChange={(e) => setChildClass(e.currentTarget.value)}
              error={fields.childClass}
              autoComplete="off"
            />
          ) : null}
        </SimpleGrid>
        <Select
          label={t('desk.intake.category')}
          placeholder={t('desk.intake.categoryPlaceholder')}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('desk.filter.clear') }}
          data={categoryData}
          value={categoryId}
          onChange={setCategoryId}
          error={fields.categoryId}
          nothingFoundMessage={t('desk.filter.nothingFound')}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('desk.intake.subject')}
          required
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={fields.subject}
          autoComplete="off"
          maxLength={200}
        />
        <Textarea
          label={t('desk.intake.description')}
          description={t('desk.intake.descriptionHint')}
          autosize
          minRows={3}
          maxRows={10}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fields.description}
        />
        <TextInput
          type="datetime-local"
          label={t('desk.intake.receivedAt')}
          description={t('desk.intake.receivedAtHint')}
          value={receivedAt}
          onChange={(e) => setReceivedAt(e.currentTarget.value)}
          error={fields.receivedAt}
          maw={260}
        />
        {canTake ? (
          <Checkbox
            label={t('desk.intake.assignToMe')}
            checked={assignToMe}
            onChange={(e) => setAssignToMe(e.currentTarget.checked)}
            error={fields.assigneeId}
          />
        ) : null}
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="xs" c="dimmed">
            {t('desk.composer.ctrlEnter')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('web.cancel')}
            </Button>
            <Button type="submit" loading={intake.isPending}>
              {t('desk.intake.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
