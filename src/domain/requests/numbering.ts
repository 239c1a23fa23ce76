/**
 * Request numbers: `PREFIX-YY-NNNNN`, e.g. `27-26-00042` — the desk's prefix, the two-digit year
 * of registration (in the desk's time zone) and a sequence that restarts every year per desk. The
 * sequence comes from a per-organisation-per-year counter row updated atomically in the creating
 * transaction, so concurrent registrations never share a number.
 */

/** A prefix: 1–10 letters (Latin or Cyrillic) or digits. */
export const NUMBER_PREFIX_PATTERN = '^[0-9A-Za-zА-ЯЁа-яё]{1,10}$';
const PREFIX = new RegExp(NUMBER_PREFIX_PATTERN);
const MIN_DIGITS = 5;

export function isValidNumberPrefix(prefix: string): boolean {
  return PREFIX.test(prefix);
}

/**
 * Formats a request number. The sequence is zero-padded to 5 digits and grows beyond 99 999
 * without truncation.
 * @throws RangeError for an invalid prefix, year or sequence.
 */
export function formatRequestNumber(prefix: string, year: number, sequence: number): string {
  if (!isValidNumberPrefix(prefix)) throw new RangeError(`Invalid number prefix "${prefix}"`);
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`Invalid year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Invalid sequence ${sequence}`);
  return `${prefix}-${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(MIN_DIGITS, '0')}`;
}

export interface ParsedNumber {
  prefix: string;
  yearTwoDigits: number;
  sequence: number;
}

/** Parses `27-26-00042` (also `27-26-42`, any case, spaces around dashes); null when not a number. */
export function parseRequestNumber(text: string): ParsedNumber | null {
  const match = /^\s*([0-9A-Za-zА-ЯЁа-яё]{1,10})\s*-\s*(\d{2})\s*-\s*(\d{1,9})\s*$/.exec(text);
  if (!match) return null;
  const sequence = Number(match[3]);
  if (sequence < 1) return null;
  return { prefix: match[1]!.toUpperCase(), yearTwoDigits: Number(match[2]), sequence };
}

/** The canonical form of a typed number (`27-26-42` → `27-26-00042`), for exact search; null when not a number. */
export function normalizeRequestNumber(text: string): string | null {
  const parsed = parseRequestNumber(text);
  if (!parsed) return null;
  return `${parsed.prefix}-${String(parsed.yearTwoDigits).padStart(2, '0')}-${String(parsed.sequence).padStart(MIN_DIGITS, '0')}`;
}
