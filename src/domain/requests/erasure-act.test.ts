import { describe, expect, it } from 'vitest';
import { timeZone } from '../working-time/time-zone.ts';
import { actPeriod, erasureActFileName, isActPeriodProblem, summarizeErasures, thisMonth } from './erasure-act.ts';

const MOSCOW = timeZone('Europe/Moscow');
const YEKATERINBURG = timeZone('Asia/Yekaterinburg');

describe('actPeriod', () => {
  it('covers the picked days whole, from midnight to midnight where the school is', () => {
    expect(actPeriod('2026-11-01', '2026-11-30', MOSCOW)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      fromMs: Date.UTC(2026, 9, 31, 21),
      toMs: Date.UTC(2026, 10, 30, 21),
    });
    const oneDay = actPeriod('2026-11-27', '2026-11-27', YEKATERINBURG);
    expect(isActPeriodProblem(oneDay)).toBe(false);
    if (!isActPeriodProblem(oneDay)) {
      expect(new Date(oneDay.fromMs).toISOString()).toBe('2026-11-26T19:00:00.000Z');
      expect(oneDay.toMs - oneDay.fromMs).toBe(86_400_000);
    }
  });

  it('refuses a date that does not exist, a period that ends before it starts and one longer than a year', () => {
    expect(actPeriod('2026-02-30', '2026-03-01', MOSCOW)).toEqual({ field: 'from', code: 'invalidDate' });
    expect(actPeriod('2026-03-01', '01.04.2026', MOSCOW)).toEqual({ field: 'to', code: 'invalidDate' });
    expect(actPeriod('2026-03-02', '2026-03-01', MOSCOW)).toEqual({ field: 'to', code: 'reversed' });
    expect(actPeriod('2024-01-01', '2024-12-31', MOSCOW)).not.toHaveProperty('code');
    expect(actPeriod('2025-01-01', '2026-01-01', MOSCOW)).not.toHaveProperty('code');
    expect(actPeriod('2025-01-01', '2026-01-02', MOSCOW)).toEqual({ field: 'to', code: 'tooLong' });
  });
});

describe('thisMonth', () => {
  it('runs from the first of the month to today where the school is, which may already be tomorrow in UTC', () => {
    expect(thisMonth(Date.UTC(2026, 10, 27, 12), MOSCOW)).toEqual({ from: '2026-11-01', to: '2026-11-27' });
    expect(thisMonth(Date.UTC(2026, 10, 30, 21, 30), MOSCOW)).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(thisMonth(Date.UTC(2026, 11, 31, 18, 59), YEKATERINBURG)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('summarizeErasures', () => {
  it('counts the requests and names each reason once, with every retention period in force', () => {
    expect(
      summarizeErasures([
        { reason: 'retention', numbers: ['1', '2'], retentionDays: 1825 },
        { reason: 'subject_request', numbers: ['3'], retentionDays: null },
        { reason: 'retention', numbers: ['4'], retentionDays: 365 },
        { reason: 'retention', numbers: ['5'], retentionDays: 1825 },
      ]),
    ).toEqual({ requests: 5, retention: true, retentionDays: [365, 1825], subjectRequest: true });
    expect(summarizeErasures([])).toEqual({ requests: 0, retention: false, retentionDays: [], subjectRequest: false });
  });
});

describe('erasureActFileName', () => {
  it('names the period', () => {
    expect(erasureActFileName({ from: '2026-11-01', to: '2026-11-30' })).toBe('personal-data-destruction-act-2026-11-01-2026-11-30.pdf');
  });
});
