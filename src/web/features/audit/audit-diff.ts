/** Turns an audit row's before/after JSON into rows of "field: was → now" for people to read. */

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  /** 'added' when there was no "before" object, 'removed' when there is no "after". */
  kind: 'changed' | 'added' | 'removed';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields that differ; a created object lists all its fields, a deleted one all it had. */
export function diffAudit(before: unknown, after: unknown): DiffRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    return before === null && after === null ? [] : [{ field: '', before, after, kind: 'changed' }];
  }
  const was = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const kind: DiffRow['kind'] = !isRecord(before) ? 'added' : !isRecord(after) ? 'removed' : 'changed';
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields
    .filter((field) => kind !== 'changed' || JSON.stringify(was[field]) !== JSON.stringify(now[field]))
    .map((field) => ({ field, before: was[field], after: now[field], kind }));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as short text; dates through the given formatter, lists of plain values joined, other nested data as compact JSON. */
export function displayValue(value: unknown, formatInstant: (iso: string) => string, yesNo: [string, string]): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yesNo[0] : yesNo[1];
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? formatInstant(value) : value;
  if (typeof value === 'number') return String(value);
  // A list of plain values (e.g. the numbers of the requests a night de-personalised) reads as a list.
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return value.length > 0 ? value.join(', ') : '—';
  return JSON.stringify(value);
}
