/**
 * Topic-specific questions of the public form: which extra facts a consultant needs for a
 * category (DOMAIN §1.2 "escalation payload", §1.4 typical problems), the hint shown under the
 * topic, and how the answers are written into the request's text. Pure; shared by the server
 * and the form (src/web/features/public-request). Codes are those of the default taxonomy
 * (domain/requests/taxonomy.ts); a sub-category code wins over its category's code, and a
 * category the school added itself simply gets no extra questions.
 */
import { formatDate } from './i18n/format.ts';
import type { WebMessageKey as MessageKey } from './i18n/web-ru.ts';

export const GOSUSLUGI_STATES = ['confirmed', 'standard', 'simplified', 'none', 'unknown'] as const;
export type GosuslugiState = (typeof GOSUSLUGI_STATES)[number];
export const CHILD_AGES = ['under14', 'from14'] as const;
export type ChildAge = (typeof CHILD_AGES)[number];

export const DETAIL_FIELDS = [
  'className',
  'lessonSubject',
  'lessonDate',
  'absenceDate',
  'gosuslugi',
  'childAge',
  'device',
  'errorText',
  'program',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export interface Details {
  className?: string | null | undefined;
  lessonSubject?: string | null | undefined;
  lessonDate?: string | null | undefined;
  absenceDate?: string | null | undefined;
  gosuslugi?: GosuslugiState | null | undefined;
  childAge?: ChildAge | null | undefined;
  device?: string | null | undefined;
  errorText?: string | null | undefined;
  program?: string | null | undefined;
}

export interface Topic {
  hint: MessageKey | null;
  fields: readonly DetailField[];
}

const TOPICS: Record<string, Topic> = {
  'ACC.1': { hint: 'intake.topic.acc1', fields: ['gosuslugi', 'errorText'] },
  'ACC.2': { hint: 'intake.topic.acc2', fields: ['errorText'] },
  'ACC.3': { hint: 'intake.topic.acc3', fields: ['childAge', 'gosuslugi'] },
  'ACC.5': { hint: 'intake.topic.acc5', fields: ['device', 'errorText'] },
  ACC: { hint: 'intake.topic.acc', fields: ['errorText'] },
  FAM: { hint: 'intake.topic.fam', fields: [] },
  GRD: { hint: 'intake.topic.grd', fields: ['className', 'lessonSubject', 'lessonDate'] },
  ATT: { hint: 'intake.topic.att', fields: ['className', 'absenceDate', 'lessonSubject'] },
  'SCH.1': { hint: 'intake.topic.sch1', fields: ['program', 'errorText'] },
  SCH: { hint: 'intake.topic.sch', fields: ['className'] },
  HW: { hint: 'intake.topic.hw', fields: ['className', 'lessonSubject', 'lessonDate'] },
  MSG: { hint: 'intake.topic.msg', fields: ['device'] },
  REP: { hint: null, fields: ['className'] },
  TRN: { hint: 'intake.topic.trn', fields: [] },
  PD: { hint: 'intake.topic.pd', fields: [] },
  APL: { hint: 'intake.topic.apl', fields: [] },
  OUT: { hint: 'intake.topic.out', fields: [] },
};

const NO_TOPIC: Topic = { hint: null, fields: [] };

/**
 * The questions for a category. Parents give the class once (the child's class), so the
 * separate "class" question is for staff only.
 */
export function topicFor(code: string | null | undefined, parentCode: string | null | undefined, requesterKind: 'parent' | 'staff'): Topic {
  const topic =
    (code ? TOPICS[code] : undefined) ??
    (parentCode ? TOPICS[parentCode] : undefined) ??
    (code ? TOPICS[code.split('.')[0] ?? ''] : undefined) ??
    NO_TOPIC;
  return requesterKind === 'parent' ? { ...topic, fields: topic.fields.filter((f) => f !== 'className') } : topic;
}

const clean = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

/**
 * The answers as lines "Label: value" (only the questions of the topic that were answered), in the
 * language of `t` (the server's translation in the requester's locale).
 */
export function detailLines(details: Details, topic: Topic, t: (key: MessageKey) => string): string[] {
  const lines: string[] = [];
  for (const field of topic.fields) {
    const raw = details[field];
    if (raw === null || raw === undefined || clean(raw) === '') continue;
    let value: string;
    if (field === 'gosuslugi') value = t(`intake.gosuslugi.${raw as GosuslugiState}`);
    else if (field === 'childAge') value = t(`intake.childAge.${raw as ChildAge}`);
    else if (field === 'lessonDate' || field === 'absenceDate') value = formatDate(`${raw}T12:00:00Z`);
    else value = clean(raw);
    lines.push(`${t(`intake.details.${field}`)}: ${value}`);
  }
  return lines;
}

/** The free text with the topic's facts on top, as the consultant reads it. */
export function describeWithDetails(description: string | null | undefined, lines: readonly string[]): string | null {
  const text = (description ?? '').trim();
  if (lines.length === 0) return text.length > 0 ? text : null;
  return text.length > 0 ? `${lines.join('\n')}\n\n${text}` : lines.join('\n');
}
