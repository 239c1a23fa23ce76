import { Alert, Box, Button, Checkbox, NativeSelect, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import type { MessageKey } from '../../i18n/locale.tsx';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../components/ErrorAlert.tsx';
import { ChosenFiles } from '../../components/ChosenFiles.tsx';
import { useT, type Translate } from '../../i18n/locale.tsx';
import { todayIn, zoneOf } from '../../i18n/time-zone.ts';
import type { WordingIssue } from '../../../domain/requests/wording.ts';
import { CHILD_AGES, DETAIL_FIELDS, GOSUSLUGI_STATES, type DetailField } from '../../../shared/intake-details.ts';
import {
  chosenCategory,
  currentTopic,
  detailId,
  EMPTY_FORM,
  FIELD_IDS,
  FIELD_ORDER,
  fieldId,
  toBody,
  validate,
  wordingHints,
  type FormState,
  type Problem,
} from './form-model.ts';
import { FilePicker } from './FilePicker.tsx';
import { solvePow } from './pow-client.ts';
import { errorReason, publicApi, type FormInfo, type SubmissionResult } from './public-api.ts';

type Phase = 'idle' | 'solving' | 'sending';

interface SolvedPow {
  challenge: string;
  nonce: string;
  expiresAt: number;
}

/** A solved challenge, solved ahead while the person fills in the form. */
function useProofOfWork(slug: string) {
  const current = useRef<{ promise: Promise<SolvedPow>; controller: AbortController } | null>(null);
  const start = useCallback(() => {
    current.current?.controller.abort();
    const controller = new AbortController();
    const promise = (async () => {
      const issued = await publicApi.challenge(slug);
      const nonce = await solvePow(issued.challenge, issued.difficulty, controller.signal);
      return { challenge: issued.challenge, nonce, expiresAt: Date.parse(issued.expiresAt) };
    })();
    promise.catch(() => undefined);
    current.current = { promise, controller };
    return promise;
  }, [slug]);
  /** A solution that stays valid for at least another minute. */
  const get = useCallback(async (): Promise<SolvedPow> => {
    const pending = current.current;
    if (pending) {
      try {
        const solved = await pending.promise;
        if (solved.expiresAt - Date.now() > 60_000) return solved;
      } catch {
        // solve a new one
      }
    }
    return start();
  }, [start]);
  useEffect(() => {
    void start();
    return () => current.current?.controller.abort();
  }, [start]);
  return { get, renew: start };
}

const ORDER_INDEX = new Map(FIELD_ORDER.map((name, index) => [name, index]));

const LABELS: Record<string, MessageKey> = {
  requesterKind: 'intake.form.who',
  name: 'intake.form.name',
  email: 'intake.form.email',
  phone: 'intake.form.phone',
  childClass: 'intake.form.childClass',
  topCategoryId: 'intake.form.category',
  categoryId: 'intake.form.subcategory',
  subject: 'intake.form.subject',
  whatDid: 'intake.form.whatDid',
  expected: 'intake.form.expected',
  happened: 'intake.form.happened',
  description: 'intake.form.description',
  files: 'intake.form.files',
  consent: 'intake.form.consentLegend',
};

/** The field's label, for the error list ("Класс ребёнка: укажите …"). */
function labelOf(name: string, t: Translate): string | null {
  if (name.startsWith('details.')) {
    const field = name.slice('details.'.length);
    return (DETAIL_FIELDS as readonly string[]).includes(field) ? t(`intake.details.${field as DetailField}`) : null;
  }
  const key = LABELS[name];
  return key ? t(key) : null;
}

/** "Заполните также «Что ожидали», «Что произошло» — …": the structured questions left empty, by name. */
function fillAlsoText(hints: readonly WordingIssue[], t: Translate): string {
  const names = hints
    .filter((hint) => hint.code === 'structure_incomplete')
    .map((hint) => labelOf(hint.field, t))
    .filter((label): label is string => label !== null)
    .map((label) => t('intake.form.fieldName', { label }));
  return names.length > 0 ? t('intake.form.fillAlso', { fields: names.join(', ') }) : t('requests.wording.structure_incomplete');
}

export function RequestForm({
  slug,
  info,
  onDone,
}: {
  slug: string;
  info: FormInfo;
  onDone: (result: SubmissionResult, email: string) => void;
}) {
  const t = useT();
  const [state, setState] = useState<FormState>(EMPTY_FORM);
  const [files, setFiles] = useState<File[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const summaryRef = useRef<HTMLDivElement>(null);
  const pow = useProofOfWork(slug);
  const consentId = useId();

  const topic = currentTopic(state, info.categories);
  // A lesson or absence date is at the latest today — the school's today, not the UTC one.
  const today = todayIn(zoneOf(info.school));
  const top = info.categories.find((c) => c.id === state.topCategoryId) ?? null;
  const hints = useMemo(() => wordingHints(state), [state]);

  const clientProblems = useMemo(() => (attempted ? validate(state, info, files) : {}), [attempted, state, info, files]);
  const messages: Record<string, string> = useMemo(() => {
    const own = Object.fromEntries(Object.entries(clientProblems).map(([name, p]: [string, Problem]) => [name, t(p.key, p.params)]));
    const all: Record<string, string> = { ...serverFields, ...own };
    // The wording check reports a too short or vague text on `description`; when the person has
    // written nothing there, the message belongs under the first of the three questions.
    if (all.description && !state.description.trim() && !all.whatDid) {
      all.whatDid = all.description;
      delete all.description;
    }
    return all;
  }, [clientProblems, serverFields, t, state.description]);
  const errorOf = (name: string): string | undefined => messages[name];
  // One line per message: "give an e-mail or a phone" is one problem of two fields.
  const summary = Object.entries(messages)
    .sort(([a], [b]) => (ORDER_INDEX.get(a) ?? 99) - (ORDER_INDEX.get(b) ?? 99))
    .filter(([, message], index, all) => all.findIndex(([, other]) => other === message) === index);

  const update = <K extends keyof FormState>(key: K, value: FormState[K], ...clears: string[]) => {
    setState((prev) => ({ ...prev, [key]: value }));
    setServerFields((prev) => {
      const next = { ...prev };
      for (const name of [key as string, ...clears]) delete next[name];
      return next;
    });
  };
  const updateDetail = (field: DetailField, value: string) => {
    setState((prev) => ({ ...prev, details: { ...prev.details, [field]: value } }));
    setServerFields((prev) => {
      const next = { ...prev };
      delete next[`details.${field}`];
      return next;
    });
  };
  const text = (key: keyof FormState) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    update(key, event.currentTarget.value as never, ...(key === 'email' || key === 'phone' ? ['email', 'phone'] : []));

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (phase !== 'idle') return;
    setAttempted(true);
    setFailure(null);
    setServerFields({});
    const problems = validate(state, info, files);
    if (Object.keys(problems).length > 0) {
      focusSummary();
      return;
    }
    try {
      setPhase('solving');
      let solved = await pow.get();
      setPhase('sending');
      let result: SubmissionResult;
      try {
        result = await publicApi.submit(slug, toBody(state, info, idempotencyKey, solved), files);
      } catch (error) {
        // An expired or refused challenge: solve a new one and send once more (same key).
        const reason = errorReason(error);
        if (!reason || !['pow_expired', 'pow_invalid', 'pow_unsolved', 'pow_wrong_school'].includes(reason)) throw error;
        setPhase('solving');
        solved = await pow.renew();
        setPhase('sending');
        result = await publicApi.submit(slug, toBody(state, info, idempotencyKey, solved), files);
      }
      onDone(result, state.email.trim());
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        const fields = { ...error.fields };
        // The category comes back as one field; the engine's `subject`-less names match the form.
        setServerFields(fields);
      } else {
        setFailure(error);
      }
      focusSummary();
    } finally {
      setPhase('idle');
    }
  };

  const addFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.currentTarget.files ?? []);
    event.currentTarget.value = '';
    setFiles((prev) => [...prev, ...chosen]);
    setServerFields((prev) => {
      const next = { ...prev };
      delete next.files;
      return next;
    });
  };

  const maxMb = Math.round(info.attachments.maxBytes / 1024 / 1024);
  const busy = phase !== 'idle';
  const hasSummary = summary.length > 0 || failure !== null;

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-describedby="rf-required-note">
      <Stack gap="lg">
        <Box ref={summaryRef} tabIndex={-1} aria-live="assertive" style={{ outline: hasSummary ? undefined : 'none' }}>
          {hasSummary ? (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={summary.length > 0 ? t('intake.form.errorSummary') : undefined}
              className="error-summary"
            >
              {summary.length > 0 ? (
                <Box component="ul" m={0} pl="md">
                  {summary.map(([name, message]) => (
                    <li key={name}>
                      <a
                        href={`#${fieldId(name)}`}
                        onClick={(event) => {
                          event.preventDefault();
                          document.getElementById(fieldId(name))?.focus();
                        }}
                      >
                        {labelOf(name, t) ? `${labelOf(name, t)}: ${message}` : message}
                      </a>
                    </li>
                  ))}
                </Box>
              ) : (
                <Text>{errorText(failure, t)}</Text>
              )}
            </Alert>
          ) : null}
        </Box>

        <Text id="rf-required-note" size="sm">
          {t('intake.page.required')}
        </Text>

        <Radio.Group
          size="md"
          id={FIELD_IDS.requesterKind}
          label={t('intake.form.who')}
          value={state.requesterKind}
          onChange={(value) => update('requesterKind', value as FormState['requesterKind'], 'childClass')}
          required
        >
          <Stack gap="xs" mt="xs">
            <Radio size="md" value="parent" label={t('intake.form.kind.parent')} />
            <Radio size="md" value="staff" label={t('intake.form.kind.staff')} />
          </Stack>
        </Radio.Group>

        <Box component="fieldset">
          <legend>{t('intake.form.contactLegend')}</legend>
          <Stack gap="md">
            <TextInput
              size="md"
              id={FIELD_IDS.name}
              label={t('intake.form.name')}
              description={t('intake.form.nameHelp')}
              autoComplete="name"
              required
              maxLength={200}
              value={state.name}
              onChange={text('name')}
              error={errorOf('name')}
            />
            <TextInput
              size="md"
              id={FIELD_IDS.email}
              label={t('intake.form.email')}
              description={t('intake.form.emailHelp')}
              type="email"
              autoComplete="email"
              inputMode="email"
              maxLength={254}
              value={state.email}
              onChange={text('email')}
              error={errorOf('email')}
            />
            <TextInput
              size="md"
              id={FIELD_IDS.phone}
              label={t('intake.form.phone')}
              description={t('intake.form.phoneHelp')}
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              maxLength={40}
              value={state.phone}
              onChange={text('phone')}
              error={errorOf('phone')}
            />
            {state.requesterKind === 'parent' ? (
              <TextInput
                size="md"
                id={FIELD_IDS.childClass}
                label={t('intake.form.childClass')}
                description={t('intake.form.childClassHelp')}
                required
                maxLength={20}
                value={state.childClass}
                onChange={text('childClass')}
                error={errorOf('childClass')}
              />
            ) : null}
          </Stack>
        </Box>

        <Box component="fieldset">
          <legend>{t('intake.form.topicLegend')}</legend>
          <Stack gap="md">
            <NativeSelect
              size="md"
              id={FIELD_IDS.topCategoryId}
              label={t('intake.form.category')}
              required
              value={state.topCategoryId}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setState((prev) => ({ ...prev, topCategoryId: value, subCategoryId: '' }));
                setServerFields((prev) => {
                  const next = { ...prev };
                  delete next.topCategoryId;
                  delete next.categoryId;
                  return next;
                });
              }}
              error={errorOf('topCategoryId')}
              data={[
                { value: '', label: t('intake.form.categoryPlaceholder'), disabled: true },
                ...info.categories.map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
            {top && top.children.length > 0 ? (
              <NativeSelect
                size="md"
                id={FIELD_IDS.categoryId}
                label={t('intake.form.subcategory')}
                required
                value={state.subCategoryId}
                onChange={(event) => update('subCategoryId', event.currentTarget.value, 'categoryId')}
                error={errorOf('categoryId')}
                data={[
                  { value: '', label: t('intake.form.subcategoryPlaceholder'), disabled: true },
                  ...top.children.map((c) => ({ value: c.id, label: c.name })),
                  { value: top.id, label: t('intake.form.subcategoryAll') },
                ]}
              />
            ) : null}
            {!top && errorOf('categoryId') ? <Text c="red.9">{errorOf('categoryId')}</Text> : null}
            {topic.hint && chosenCategory(state, info.categories).id ? (
              <Alert variant="light" color="opora" role="note" aria-live="polite">
                {t(topic.hint)}
              </Alert>
            ) : null}
            {topic.fields.length > 0 && chosenCategory(state, info.categories).id ? (
              <Box component="fieldset">
                <legend style={{ fontSize: 'var(--mantine-font-size-md)' }}>{t('intake.detailsLegend')}</legend>
                <Stack gap="md">
                  {topic.fields.map((field) => (
                    <DetailInput
                      key={field}
                      field={field}
                      value={state.details[field] ?? ''}
                      onChange={(value) => updateDetail(field, value)}
                      error={errorOf(`details.${field}`)}
                      today={today}
                    />
                  ))}
                </Stack>
              </Box>
            ) : null}
          </Stack>
        </Box>

        <Box component="fieldset" aria-describedby="rf-wording-help">
          <legend>{t('intake.form.wordingLegend')}</legend>
          <Text id="rf-wording-help" size="sm" c="dimmed" mb="sm">
            {t('intake.form.wordingHelp')}
          </Text>
          <Stack gap="md">
            <TextInput
              size="md"
              id={FIELD_IDS.subject}
              label={t('intake.form.subject')}
              description={t('intake.form.subjectHelp')}
              required
              maxLength={200}
              value={state.subject}
              onChange={text('subject')}
              error={errorOf('subject')}
            />
            <WordingArea
              id={FIELD_IDS.whatDid!}
              label={t('intake.form.whatDid')}
              help={t('intake.form.whatDidHelp')}
              value={state.whatDid}
              onChange={text('whatDid')}
              error={errorOf('whatDid')}
            />
            <WordingArea
              id={FIELD_IDS.expected!}
              label={t('intake.form.expected')}
              help={t('intake.form.expectedHelp')}
              value={state.expected}
              onChange={text('expected')}
              error={errorOf('expected')}
            />
            <WordingArea
              id={FIELD_IDS.happened!}
              label={t('intake.form.happened')}
              help={t('intake.form.happenedHelp')}
              value={state.happened}
              onChange={text('happened')}
              error={errorOf('happened')}
            />
            <WordingArea
              id={FIELD_IDS.description!}
              label={t('intake.form.description')}
              help={t('intake.form.descriptionHelp')}
              value={state.description}
              onChange={text('description')}
              error={errorOf('description')}
              maxLength={8000}
            />
            {hints.length > 0 ? (
              <Alert variant="light" color="yellow" title={t('intake.form.hints')} role="note" aria-live="polite">
                <Box component="ul" m={0} pl="md">
                  {[...new Set(hints.map((hint) => hint.code))].map((code) => (
                    <li key={code}>{code === 'structure_incomplete' ? fillAlsoText(hints, t) : t(`requests.wording.${code}`)}</li>
                  ))}
                </Box>
              </Alert>
            ) : null}
          </Stack>
        </Box>

        <Stack gap={6}>
          <Text component="label" htmlFor={FIELD_IDS.files} fw={500}>
            {t('intake.form.files')}
          </Text>
          <Text id="rf-files-help" size="sm" c="dimmed">
            {t('intake.form.filesHelp', { max: info.attachments.maxFiles, maxMb })}
          </Text>
          <FilePicker
            id={FIELD_IDS.files!}
            accept={[...info.attachments.types, '.png', '.jpg', '.jpeg', '.webp', '.gif', '.pdf'].join(',')}
            onChange={addFiles}
            describedBy={errorOf('files') ? 'rf-files-help rf-files-error' : 'rf-files-help'}
            invalid={Boolean(errorOf('files'))}
          />
          {errorOf('files') ? (
            <Text id="rf-files-error" c="red.9" size="sm">
              {errorOf('files')}
            </Text>
          ) : null}
          <ChosenFiles
            files={files}
            label={t('intake.form.filesChosen')}
            onRemove={(index) => setFiles((prev) => prev.filter((_, i) => i !== index))}
          />
        </Stack>

        <Box component="fieldset">
          <legend>{t('intake.form.consentLegend')}</legend>
          <Stack gap="sm">
            <Text id={`${consentId}-label`} size="sm" fw={500}>
              {t('intake.form.consentTextLabel', { version: info.consent.version })}
            </Text>
            <div className="consent-text" tabIndex={0} role="region" aria-labelledby={`${consentId}-label`} id={`${consentId}-text`}>
              {info.consent.text}
            </div>
            <Checkbox
              size="md"
              id={FIELD_IDS.consent}
              label={t('intake.form.consent')}
              checked={state.consent}
              onChange={(event) => update('consent', event.currentTarget.checked)}
              error={errorOf('consent')}
              required
            />
          </Stack>
        </Box>

        <div className="hp-field" aria-hidden="true">
          <label htmlFor="rf-website">{t('intake.form.honeypot')}</label>
          <input
            id="rf-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={state.website}
            onChange={(event) => update('website', event.currentTarget.value)}
          />
        </div>

        <Stack gap="xs">
          <Button type="submit" size="md" loading={busy} disabled={busy} style={{ alignSelf: 'flex-start' }}>
            {t('intake.form.submit')}
          </Button>
          <Text role="status" aria-live="polite" size="sm">
            {phase === 'solving' ? t('intake.form.solving') : phase === 'sending' ? t('intake.form.sending') : ''}
          </Text>
        </Stack>
      </Stack>
    </form>
  );
}

function WordingArea(props: {
  id: string;
  label: string;
  help: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  error?: string | undefined;
  maxLength?: number;
}) {
  return (
    <Textarea
      size="md"
      id={props.id}
      label={props.label}
      description={props.help}
      autosize
      minRows={2}
      maxRows={10}
      maxLength={props.maxLength ?? 4000}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    />
  );
}

function DetailInput({
  field,
  value,
  onChange,
  error,
  today,
}: {
  field: DetailField;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** yyyy-MM-dd, the latest date a date field takes. */
  today: string;
}) {
  const t = useT();
  const common = { id: detailId(field), label: t(`intake.details.${field}`), description: t(`intake.detailsHelp.${field}`), error, value };
  if (field === 'gosuslugi' || field === 'childAge') {
    return (
      <NativeSelect
        size="md"
        {...common}
        onChange={(event) => onChange(event.currentTarget.value)}
        data={[
          { value: '', label: t('intake.form.gosuslugiPlaceholder') },
          ...(field === 'gosuslugi'
            ? GOSUSLUGI_STATES.map((v) => ({ value: v, label: t(`intake.gosuslugi.${v}`) }))
            : CHILD_AGES.map((v) => ({ value: v, label: t(`intake.childAge.${v}`) }))),
        ]}
      />
    );
  }
  if (field === 'lessonDate' || field === 'absenceDate') {
    return <TextInput size="md" {...common} type="date" max={today} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
  if (field === 'errorText') {
    return (
      <Textarea
        size="md"
        {...common}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={1000}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  }
  const maxLength = field === 'className' ? 20 : field === 'device' ? 200 : 100;
  return <TextInput size="md" {...common} maxLength={maxLength} onChange={(event) => onChange(event.currentTarget.value)} />;
}

/** Title of the form page: h1 + the school, and the review term. */
export function FormIntro({ info, children }: { info: FormInfo; children?: ReactNode }) {
  const t = useT();
  const lead = info.review.termUnit === 'working_days' ? 'intake.page.leadWorking' : 'intake.page.lead';
  return (
    <Stack gap="xs" mb="lg">
      <Title order={1} size="h2">
        {t('intake.page.title')}
      </Title>
      <Text fw={600}>{info.school.name}</Text>
      <Text>{t(lead, { days: info.review.termDays })}</Text>
      {children}
    </Stack>
  );
}
