/**
 * The regulation asks that "the wording of the difficulty be clear, specific and understandable
 * to the consultant" (§3, §4). This check turns that into rules a form can show while the person
 * types: structured wording (what I did / what I expected / what happened) plus free text.
 *
 * Errors block a submission from a requester; hints are shown but accepted. A consultant's quick
 * intake (phone, in person) only needs a subject. Personal data that a help desk should not hold
 * (SNILS, passport numbers — 152-FZ minimisation, DOMAIN §2.1) produce a hint.
 */

export interface Wording {
  readonly subject: string;
  readonly whatDid?: string | null | undefined;
  readonly expected?: string | null | undefined;
  readonly happened?: string | null | undefined;
  readonly description?: string | null | undefined;
}

export type WordingField = 'subject' | 'whatDid' | 'expected' | 'happened' | 'description';

export type WordingIssueCode =
  | 'subject_too_short'
  | 'no_letters'
  | 'empty'
  | 'too_short'
  | 'vague'
  | 'all_caps'
  | 'repeated_characters'
  | 'structure_incomplete'
  | 'sensitive_data';

export interface WordingIssue {
  readonly code: WordingIssueCode;
  readonly field: WordingField;
}

export interface WordingResult {
  readonly ok: boolean;
  readonly errors: readonly WordingIssue[];
  readonly hints: readonly WordingIssue[];
}

export type WordingMode = 'requester' | 'intake';

export const MIN_SUBJECT_LETTERS = 5;
export const MIN_INTAKE_SUBJECT_LETTERS = 3;
export const MIN_BODY_LETTERS = 20;
export const MIN_MEANINGFUL_WORDS = 3;

/** Words that say nothing about the problem itself. */
const GENERIC = new Set([
  'здравствуйте', 'добрый', 'день', 'вечер', 'утро', 'привет', 'помогите', 'помочь', 'помощь', 'пожалуйста', 'срочно',
  'очень', 'просто', 'вообще', 'работает', 'работают', 'ничего', 'ошибка', 'ошибки', 'проблема', 'проблемы', 'сломалось',
  'сломался', 'вопрос', 'спасибо', 'заранее', 'хелп', 'что', 'делать', 'как', 'почему', 'опять', 'снова', 'все', 'всё',
  'это', 'так', 'там', 'тут', 'где', 'уже', 'help', 'please', 'urgent', 'error', 'problem', 'not', 'working', 'does',
  'doesnt', 'work', 'broken', 'hello', 'thanks', 'the', 'and',
]);

const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/gu;
const SNILS = /\b\d{3}-\d{3}-\d{3}[\s-]\d{2}\b/;
const PASSPORT = /(паспорт|passport)\D{0,20}\d{2}\s?\d{2}\s?\d{6}\b/i;

function letters(text: string): number {
  return text.match(LETTER)?.length ?? 0;
}

function meaningfulWords(text: string): number {
  const words = text.toLowerCase().replace(/ё/g, 'е').match(/\p{L}{3,}/gu) ?? [];
  return new Set(words.filter((w) => !GENERIC.has(w))).size;
}

const clean = (value: string | null | undefined): string => (value ?? '').trim();

/** Checks the wording of a request; see the module comment for the rules. */
export function checkWording(wording: Wording, mode: WordingMode = 'requester'): WordingResult {
  const errors: WordingIssue[] = [];
  const hints: WordingIssue[] = [];
  const subject = clean(wording.subject);
  const parts: Array<[WordingField, string]> = [
    ['whatDid', clean(wording.whatDid)],
    ['expected', clean(wording.expected)],
    ['happened', clean(wording.happened)],
    ['description', clean(wording.description)],
  ];
  const body = parts.map(([, text]) => text).filter(Boolean).join('\n');
  const all = `${subject}\n${body}`;

  const minSubject = mode === 'intake' ? MIN_INTAKE_SUBJECT_LETTERS : MIN_SUBJECT_LETTERS;
  if (letters(subject) === 0) errors.push({ code: subject.length === 0 ? 'subject_too_short' : 'no_letters', field: 'subject' });
  else if (letters(subject) < minSubject) errors.push({ code: 'subject_too_short', field: 'subject' });

  if (mode === 'requester') {
    if (body.length === 0) errors.push({ code: 'empty', field: 'description' });
    else if (letters(body) === 0) errors.push({ code: 'no_letters', field: 'description' });
    else if (letters(body) < MIN_BODY_LETTERS) errors.push({ code: 'too_short', field: 'description' });
    else if (meaningfulWords(all) < MIN_MEANINGFUL_WORDS) errors.push({ code: 'vague', field: 'description' });

    const structured = parts.slice(0, 3);
    const given = structured.filter(([, text]) => text.length > 0);
    if (given.length > 0 && given.length < 3 && clean(wording.description).length === 0) {
      for (const [field, text] of structured) if (text.length === 0) hints.push({ code: 'structure_incomplete', field });
    }
    const allLetters = letters(all);
    if (allLetters >= 15 && (all.match(UPPER)?.length ?? 0) / allLetters > 0.7) hints.push({ code: 'all_caps', field: 'description' });
    if (/(.)\1{5,}/u.test(all)) hints.push({ code: 'repeated_characters', field: 'description' });
  }
  for (const [field, text] of [['subject', subject] as [WordingField, string], ...parts]) {
    if (SNILS.test(text) || PASSPORT.test(text)) {
      hints.push({ code: 'sensitive_data', field });
      break;
    }
  }
  return { ok: errors.length === 0, errors, hints };
}
