import { describe, expect, it } from 'vitest';
import { diffAudit, displayValue } from './audit-diff.ts';

const show = (value: unknown) => displayValue(value, (iso) => `date(${iso.slice(0, 10)})`, ['да', 'нет']);

describe('diffAudit', () => {
  it('lists the changed fields of an update, and every field of a creation', () => {
    expect(diffAudit({ role: 'staff', locale: 'ru' }, { role: 'head', locale: 'ru' })).toEqual([
      { field: 'role', before: 'staff', after: 'head', kind: 'changed' },
    ]);
    expect(diffAudit(null, { requests: 2, numbers: ['27-26-00001', '27-26-00007'] })).toEqual([
      { field: 'requests', before: undefined, after: 2, kind: 'added' },
      { field: 'numbers', before: undefined, after: ['27-26-00001', '27-26-00007'], kind: 'added' },
    ]);
    expect(diffAudit(null, null)).toEqual([]);
  });
});

describe('displayValue', () => {
  it('shows plain values, dates and lists for people', () => {
    expect(show(null)).toBe('—');
    expect(show(true)).toBe('да');
    expect(show(30)).toBe('30');
    expect(show('2026-11-27T00:30:00.000Z')).toBe('date(2026-11-27)');
    expect(show(['27-26-00001', '27-26-00007'])).toBe('27-26-00001, 27-26-00007');
    expect(show([])).toBe('—');
    expect(show({ jobs: 2 })).toBe('{"jobs":2}');
    expect(show([{ id: 1 }])).toBe('[{"id":1}]');
  });
});
