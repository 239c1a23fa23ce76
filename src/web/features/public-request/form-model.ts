/**
 * The public form's state and its checks in the browser — the same rules the server applies
 * (server/modules/intake/intake.service.ts and the shared wording check of domain/requests), so a
 * person learns what is missing before sending, with the same words.
 */
import { isEmailAddress, isPhoneNumber, isSchoolClass } from '../../../domain/contacts.ts';
import { checkWording, type WordingIssue } from '../../../domain/requests/wording.ts';
import type { MessageParams } from '../../../shared/i18n/format.ts';
import type { MessageKey } from '../../i18n/locale.tsx';
import { topicFor, type DetailField, type Topic } from '../../../shared/intake-details.ts';
import type { FormInfo, PublicCategory, SubmissionBody } from './public-api.ts';

export interface FormState {
  requesterKind: 'parent' | 'staff';
  name: string;
  email: string;
  phone: string;
  childClass: string;
  topCategoryId: string;
  subCategoryId: string;
  subject: string;
  whatDid: string;
  expected: string;
  happened: string;
  description: string;
  details: Partial<Record<DetailField, string>>;
  consent: boolean;
  website: string;
}

export const EMPTY_FORM: FormState = {
  requesterKind: 'parent',
  name: '',
  email: '',
  phone: '',
  childClass: '',
  topCategoryId: '',
  subCategoryId: '',
  subject: '',
  whatDid: '',
  expected: '',
  happened: '',
  description: '',
  details: {},
  consent: false,
  website: '',
};

export interface Problem {
  key: MessageKey;
  params?: MessageParams;
}

/** Form field → the id of its input (error summary links, focus). */
export const FIELD_IDS: Record<string, string> = {
  requesterKind: 'rf-kind',
  name: 'rf-name',
  email: 'rf-email',
  phone: 'rf-phone',
  childClass: 'rf-class',
  topCategoryId: 'rf-area',
  categoryId: 'rf-topic',
  subject: 'rf-subject',
  whatDid: 'rf-what-did',
  expected: 'rf-expected',
  happened: 'rf-happened',
  description: 'rf-description',
  files: 'rf-files',
  consent: 'rf-consent',
};

export const detailId = (field: DetailField): string => `rf-detail-${field}`;

export function fieldId(name: string): string {
  if (name.startsWith('details.')) return detailId(name.slice('details.'.length) as DetailField);
  return FIELD_IDS[name] ?? FIELD_IDS.subject!;
}

/** The order in which problems are listed (the order of the form). */
export const FIELD_ORDER = [
  'requesterKind',
  'name',
  'email',
  'phone',
  'childClass',
  'topCategoryId',
  'categoryId',
  'details.className',
  'details.lessonSubject',
  'details.lessonDate',
  'details.absenceDate',
  'details.gosuslugi',
  'details.childAge',
  'details.device',
  'details.errorText',
  'details.program',
  'subject',
  'whatDid',
  'expected',
  'happened',
  'description',
  'files',
  'consent',
];

const ALLOWED_EXTENSIONS = /\.(png|jpe?g|webp|gif|pdf)$/i;

/** The chosen category: the topic, or the area itself ("something else in this area", or an area without topics). */
export function chosenCategory(
  state: FormState,
  categories: readonly PublicCategory[],
): { id: string | null; code: string | null; parentCode: string | null } {
  const top = categories.find((c) => c.id === state.topCategoryId);
  if (!top) return { id: null, code: null, parentCode: null };
  if (top.children.length === 0) return { id: top.id, code: top.code, parentCode: null };
  if (state.subCategoryId === top.id) return { id: top.id, code: top.code, parentCode: null };
  const child = top.children.find((c) => c.id === state.subCategoryId);
  return child ? { id: child.id, code: child.code, parentCode: top.code } : { id: null, code: null, parentCode: top.code };
}

export function currentTopic(state: FormState, categories: readonly PublicCategory[]): Topic {
  const chosen = chosenCategory(state, categories);
  if (!chosen.code && chosen.parentCode) return topicFor(chosen.parentCode, null, state.requesterKind);
  return topicFor(chosen.code, chosen.parentCode, state.requesterKind);
}

export function wordingOf(state: FormState) {
  return {
    subject: state.subject,
    whatDid: state.whatDid,
    expected: state.expected,
    happened: state.happened,
    description: state.description,
  };
}

export function wordingHints(state: FormState): readonly WordingIssue[] {
  return checkWording(wordingOf(state), 'requester').hints;
}

/** Every problem of the form, by field. */
export function validate(state: FormState, info: FormInfo, files: readonly File[]): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  const name = state.name.trim();
  if (!name) problems.name = { key: 'field.required' };
  else if (name.length < 2) problems.name = { key: 'field.tooShort', params: { min: 2 } };
  const email = state.email.trim();
  const phone = state.phone.trim();
  if (!email && !phone) {
    problems.email = { key: 'intake.field.contactRequired' };
    problems.phone = { key: 'intake.field.contactRequired' };
  }
  if (email && !isEmailAddress(email)) problems.email = { key: 'field.email' };
  if (phone && !isPhoneNumber(phone)) problems.phone = { key: 'intake.field.phoneInvalid' };
  if (state.requesterKind === 'parent') {
    const childClass = state.childClass.trim();
    if (!childClass) problems.childClass = { key: 'intake.field.childClassRequired' };
    else if (!isSchoolClass(childClass)) problems.childClass = { key: 'intake.field.childClassInvalid' };
  }
  if (!state.topCategoryId) problems.topCategoryId = { key: 'intake.field.categoryRequired' };
  else if (!chosenCategory(state, info.categories).id) problems.categoryId = { key: 'intake.field.categoryRequired' };
  for (const issue of checkWording(wordingOf(state), 'requester').errors) {
    problems[issue.field] ??= { key: `requests.wording.${issue.code}` };
  }
  const maxMb = Math.round(info.attachments.maxBytes / 1024 / 1024);
  if (files.length > info.attachments.maxFiles)
    problems.files = { key: 'intake.field.tooManyFiles', params: { max: info.attachments.maxFiles } };
  for (const file of files) {
    if (problems.files) break;
    if (file.size > info.attachments.maxBytes) problems.files = { key: 'intake.field.fileTooLarge', params: { name: file.name, maxMb } };
    else if (!info.attachments.types.includes(file.type) && !ALLOWED_EXTENSIONS.test(file.name))
      problems.files = { key: 'intake.field.fileType', params: { name: file.name } };
  }
  if (!state.consent) problems.consent = { key: 'requests.field.consentRequired' };
  return problems;
}

export function toBody(
  state: FormState,
  info: FormInfo,
  idempotencyKey: string,
  pow: { challenge: string; nonce: string },
): SubmissionBody {
  const topic = currentTopic(state, info.categories);
  const details: SubmissionBody['details'] = {};
  for (const field of topic.fields) {
    const value = state.details[field]?.trim();
    if (value) (details as Record<string, string>)[field] = value;
  }
  return {
    requesterKind: state.requesterKind,
    name: state.name.trim(),
    email: state.email.trim(),
    phone: state.phone.trim(),
    childClass: state.requesterKind === 'parent' ? state.childClass.trim() : null,
    categoryId: chosenCategory(state, info.categories).id,
    subject: state.subject.trim(),
    whatDid: state.whatDid.trim(),
    expected: state.expected.trim(),
    happened: state.happened.trim(),
    description: state.description.trim(),
    details,
    consent: state.consent,
    consentVersion: info.consent.version,
    idempotencyKey,
    pow: { challenge: pow.challenge, nonce: pow.nonce },
    website: state.website,
  };
}
