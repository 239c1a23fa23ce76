import { Alert, Button, FileInput, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import type { MessageKey } from '../../i18n/locale.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useT } from '../../i18n/locale.tsx';
import { useImportCalendar, type ImportReport, type YearDiff } from './calendar-api.ts';
import { isoToRu } from './calendar-format.ts';
import './calendar.css';

/** The API accepts up to 500 000 characters; a year's calendar takes a few kilobytes. */
const MAX_CHARACTERS = 500_000;

interface ImportDialogProps {
  opened: boolean;
  onClose: () => void;
  /** After «Применить»: the imported year, to show it. */
  onImported: (year: number) => void;
}

/**
 * Import of a production-calendar year from a file (xmlcalendar XML or JSON): the file is read in
 * the browser, checked by a dry run that reports every change for both week kinds, and saved only
 * after «Применить».
 */
export function ImportDialog({ opened, onClose, onImported }: ImportDialogProps) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const check = useImportCalendar();
  const apply = useImportCalendar();

  const reset = () => {
    setFile(null);
    setContent(null);
    setReadError(null);
    check.reset();
    apply.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const choose = async (chosen: File | null) => {
    reset();
    setFile(chosen);
    if (!chosen) return;
    let text: string;
    try {
      text = await chosen.text();
    } catch {
      setReadError(t('calendar.import.readFailed'));
      return;
    }
    if (text.length > MAX_CHARACTERS) {
      setReadError(t('calendar.import.tooLarge'));
      return;
    }
    setContent(text);
    check.mutate({ content: text, dryRun: true });
  };

  const submit = () => {
    if (content === null) return;
    apply.mutate(
      { content, dryRun: false },
      {
        onSuccess: (report) => {
          notifications.show({
            color: 'green',
            message: t('calendar.import.done', { year: report.year, five: report.fiveDay.changed, six: report.sixDay.changed }),
          });
          reset();
          onImported(report.year);
          onClose();
        },
      },
    );
  };

  const report = check.data;
  return (
    <Modal opened={opened} onClose={close} title={t('calendar.import.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('calendar.import.intro')}</Text>
        <FileInput
          label={t('calendar.import.file')}
          description={t('calendar.import.fileHint')}
          placeholder={t('calendar.import.choose')}
          accept=".xml,.json,text/xml,application/xml,application/json"
          value={file}
          onChange={(chosen) => void choose(chosen)}
          clearable
          clearButtonProps={{ 'aria-label': t('calendar.import.clear') }}
          data-testid="calendar-import-file"
        />
        {readError ? (
          <Alert color="red" variant="light" role="alert">
            {readError}
          </Alert>
        ) : null}
        {check.isPending ? (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden="true" />
            <Text size="sm">{t('calendar.import.checking')}</Text>
          </Group>
        ) : null}
        <ErrorAlert error={check.error} title={t('calendar.import.rejected')} />
        {report ? <ImportReportView report={report} /> : null}
        <ErrorAlert error={apply.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('web.cancel')}
          </Button>
          <Button onClick={submit} disabled={!report || content === null} loading={apply.isPending}>
            {t('calendar.import.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const CATEGORIES: Array<{ field: Exclude<keyof YearDiff, 'changed'>; label: MessageKey }> = [
  { field: 'addedHolidays', label: 'calendar.diff.addedHolidays' },
  { field: 'removedHolidays', label: 'calendar.diff.removedHolidays' },
  { field: 'addedWorkingWeekends', label: 'calendar.diff.addedWorkingWeekends' },
  { field: 'removedWorkingWeekends', label: 'calendar.diff.removedWorkingWeekends' },
  { field: 'addedShortDays', label: 'calendar.diff.addedShortDays' },
  { field: 'removedShortDays', label: 'calendar.diff.removedShortDays' },
];

/** What the import would change, per week kind, with the dates as dd.MM.yyyy. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useT();
  return (
    <section aria-labelledby="calendar-import-report" data-testid="calendar-import-report">
      <Title order={3} size="h4" id="calendar-import-report" mb={4}>
        {t('calendar.import.reportTitle', { year: report.year })}
      </Title>
      <Text size="sm" mb="sm">
        {report.wasMissing ? t('calendar.import.newYear', { year: report.year }) : t('calendar.import.replaceYear', { year: report.year })}
      </Text>
      <Stack gap="sm">
        <DiffBlock title={t('calendar.weekKind.five_day')} diff={report.fiveDay} testId="calendar-import-five" />
        <DiffBlock
          title={t('calendar.weekKind.six_day')}
          diff={report.sixDay}
          testId="calendar-import-six"
          note={t('calendar.import.sixDayNote')}
        />
      </Stack>
    </section>
  );
}

function DiffBlock({ title, diff, testId, note }: { title: string; diff: YearDiff; testId: string; note?: string }) {
  const t = useT();
  const id = useId();
  return (
    <div
      data-testid={testId}
      aria-labelledby={id}
      role="group"
      style={{ borderLeft: '3px solid var(--mantine-color-opora-3)', paddingLeft: '0.75rem' }}
    >
      <Text id={id} fw={700}>
        {title}: {t('calendar.import.changes', { n: diff.changed })}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
      {diff.changed === 0 ? (
        <Text size="sm">{t('calendar.import.noChanges')}</Text>
      ) : (
        <dl className="cal-report-list">
          {CATEGORIES.filter(({ field }) => diff[field].length > 0).map(({ field, label }) => (
            <div key={field}>
              <dt>
                {t(label)} ({diff[field].length})
              </dt>
              <dd>{diff[field].map(isoToRu).join(', ')}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
