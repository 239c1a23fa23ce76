import { describe, expect, it } from 'vitest';
import { STATUSES } from './lifecycle.ts';
import { anonymizeFinishedBefore, isErasable } from './retention.ts';

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 10, 27, 0, 30));

describe('anonymizeFinishedBefore', () => {
  it('is the retention period before now', () => {
    expect(anonymizeFinishedBefore(NOW, { anonymizeAfterDays: 1825, reopenWindowDays: 30 })).toEqual(new Date(NOW.getTime() - 1825 * DAY));
    expect(anonymizeFinishedBefore(NOW, { anonymizeAfterDays: 30, reopenWindowDays: 0 })).toEqual(new Date(Date.UTC(2026, 9, 28, 0, 30)));
  });

  it('never comes before a closed request could last be reopened', () => {
    expect(anonymizeFinishedBefore(NOW, { anonymizeAfterDays: 30, reopenWindowDays: 365 })).toEqual(new Date(NOW.getTime() - 365 * DAY));
  });
});

describe('isErasable', () => {
  it('takes closed and rejected requests only: the desk’s work on them is over', () => {
    expect(STATUSES.filter(isErasable)).toEqual(['closed', 'rejected']);
  });
});
