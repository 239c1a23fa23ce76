import { describe, expect, it } from 'vitest';
import { msk, shippedClock, showMsk } from '../working-time/test-support.ts';
import {
  computeDeadlines,
  deadlineBadge,
  DEFAULT_DEADLINE_POLICY,
  effectiveDueAt,
  legalExtensionBlock,
  legalExtensionFor,
  legalTermsFor,
  reminderAt,
  runningDeadlines,
  runningDueAt,
  type DeadlinePolicy,
} from './deadlines.ts';
import { REQUEST_TYPES, type RequestType } from './taxonomy.ts';

const clock = shippedClock();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function deadlines(
  type: RequestType,
  registered: number,
  extra: {
    policy?: Partial<DeadlinePolicy>;
    received?: number;
    pauses?: Array<{ from: number; to: number }>;
    reviewStart?: number;
    extended?: boolean;
  } = {},
) {
  return computeDeadlines({
    type,
    policy: { ...DEFAULT_DEADLINE_POLICY, ...extra.policy },
    receivedAt: extra.received ?? registered,
    registeredAt: registered,
    reviewStartAt: extra.reviewStart ?? registered,
    pauses: extra.pauses ?? [],
    clock,
    legalTermExtended: extra.extended ?? false,
  });
}

describe('deadline policy per request type', () => {
  it('consultation and incident: 7 calendar days, no legal deadline', () => {
    for (const type of ['consultation', 'incident', 'data_change', 'training', 'out_of_scope'] as RequestType[]) {
      const d = deadlines(type, msk('2026-11-26', '15:20'));
      expect(showMsk(d.reviewDueAt)).toBe('2026-12-03 23:59:59.999');
      expect(d.legalDueAt).toBeNull();
      expect(d.registrationDueAt).toBeNull();
      expect(d.dueAt).toBe(d.reviewDueAt);
    }
  });

  it('59-FZ appeal: registered within 3 days of receipt, answered within 30 days of registration; the 7-day review still comes first', () => {
    const d = deadlines('appeal_59fz', msk('2026-03-02', '10:00'), { received: msk('2026-02-27', '18:00') });
    expect(showMsk(d.registrationDueAt!)).toBe('2026-03-02 23:59:59.999'); // 27 Feb + 3 = 2 Mar (Monday)
    expect(showMsk(d.legalDueAt!)).toBe('2026-04-01 23:59:59.999');
    expect(d.legalBasis).toBe('59-FZ');
    expect(showMsk(d.reviewDueAt)).toBe('2026-03-10 23:59:59.999'); // 9 Mar is the moved 8 March holiday → 10 Mar
    expect(d.dueAt).toBe(d.reviewDueAt);
  });

  it('152-FZ subject request: 10 working days from receipt, earlier than a 14-working-day review', () => {
    const d = deadlines('pd_request_152fz', msk('2026-04-29', '16:00'), { policy: { termUnit: 'working_days', reviewTermDays: 14 } });
    expect(showMsk(d.legalDueAt!)).toBe('2026-05-15 23:59:59.999');
    expect(showMsk(d.reviewDueAt)).toBe('2026-05-21 23:59:59.999');
    expect(d.dueAt).toBe(d.legalDueAt); // earliest wins
  });

  it('210-FZ complaint: 15 working days', () => {
    const d = deadlines('complaint_210fz', msk('2026-03-02', '10:00'));
    // 3–6 Mar, 10–13 Mar (9 Mar is the moved 8 March holiday), 16–20 Mar, 23, 24 Mar
    expect(showMsk(d.legalDueAt!)).toBe('2026-03-24 23:59:59.999');
    expect(d.legalBasis).toBe('210-FZ');
  });

  it('59-FZ extension: 30 more days, the last day moved off a holiday; the review deadline stays', () => {
    const registered = msk('2026-03-02', '10:00');
    const extended = deadlines('appeal_59fz', registered, { extended: true });
    // 2 Mar + 60 days = 1 May (holiday), then the weekend → 4 May
    expect(showMsk(extended.legalDueAt!)).toBe('2026-05-04 23:59:59.999');
    expect(extended.reviewDueAt).toBe(deadlines('appeal_59fz', registered).reviewDueAt);
    expect(legalExtensionFor('appeal_59fz')).toEqual({ amount: 30, unit: 'calendar_days' });
  });

  it('152-FZ extension: 5 more working days', () => {
    const d = deadlines('pd_request_152fz', msk('2026-04-29', '16:00'), { extended: true });
    expect(showMsk(d.legalDueAt!)).toBe('2026-05-22 23:59:59.999'); // 15 May + 18–22 May
    expect(legalExtensionFor('pd_request_152fz')).toEqual({ amount: 5, unit: 'working_days' });
  });

  it('no extension for a 210-FZ complaint or a request without a legal term', () => {
    expect(legalExtensionFor('complaint_210fz')).toBeNull();
    expect(legalExtensionFor('consultation')).toBeNull();
    const registered = msk('2026-03-02', '10:00');
    expect(deadlines('complaint_210fz', registered, { extended: true }).legalDueAt).toBe(
      deadlines('complaint_210fz', registered).legalDueAt,
    );
  });

  it('has a legal basis for exactly three types', () => {
    expect(REQUEST_TYPES.filter((t) => legalTermsFor(t) !== null)).toEqual(['appeal_59fz', 'complaint_210fz', 'pd_request_152fz']);
  });
});

describe('desk options', () => {
  it('art. 14 move on (default) and off for a term ending on 1 May', () => {
    expect(showMsk(deadlines('consultation', msk('2026-04-24', '10:00')).reviewDueAt)).toBe('2026-05-04 23:59:59.999');
    expect(showMsk(deadlines('consultation', msk('2026-04-24', '10:00'), { policy: { moveToNextWorkingDay: false } }).reviewDueAt)).toBe(
      '2026-05-01 23:59:59.999',
    );
  });

  it('working days as the unit: 7 working days from Friday 24 April 2026 skip the May holidays', () => {
    // 27, 28, 29, 30 Apr, 4, 5, 6 May
    expect(showMsk(deadlines('consultation', msk('2026-04-24', '10:00'), { policy: { termUnit: 'working_days' } }).reviewDueAt)).toBe(
      '2026-05-06 23:59:59.999',
    );
  });

  it('a legal term moves to the next working day even when the desk keeps non-working last days', () => {
    // 59-FZ: registered 2026-04-01 + 30 days = 1 May (holiday) → 4 May
    const d = deadlines('appeal_59fz', msk('2026-04-01', '10:00'), { policy: { moveToNextWorkingDay: false } });
    expect(showMsk(d.legalDueAt!)).toBe('2026-05-04 23:59:59.999');
  });
});

describe('pausing while waiting for the requester', () => {
  const registered = msk('2026-03-02', '10:00'); // Monday; 7 days → Mon 9 Mar (holiday) → Tue 10 Mar

  it('calendar days: a 2-day wait extends the review deadline by 2 days; the legal deadline never moves', () => {
    const pause = { from: msk('2026-03-03', '12:00'), to: msk('2026-03-05', '12:00') };
    const plain = deadlines('appeal_59fz', registered);
    const paused = deadlines('appeal_59fz', registered, { pauses: [pause] });
    expect(showMsk(plain.reviewDueAt)).toBe('2026-03-10 23:59:59.999');
    // 2026-03-09 23:59:59.999 + 2 days → 11 Mar
    expect(showMsk(paused.reviewDueAt)).toBe('2026-03-11 23:59:59.999');
    expect(paused.legalDueAt).toBe(plain.legalDueAt);
  });

  it('working days: a wait over the weekend costs nothing', () => {
    const policy = { termUnit: 'working_days' as const };
    const pause = { from: msk('2026-03-06', '18:00') + 6 * HOUR, to: msk('2026-03-08', '20:00') }; // Saturday 00:00 → Sunday 20:00
    expect(deadlines('consultation', registered, { policy, pauses: [pause] }).reviewDueAt).toBe(
      deadlines('consultation', registered, { policy }).reviewDueAt,
    );
  });

  it('no extension when the desk does not pause the clock', () => {
    const pause = { from: msk('2026-03-03', '12:00'), to: msk('2026-03-05', '12:00') };
    expect(deadlines('consultation', registered, { policy: { pauseWhileWaiting: false }, pauses: [pause] }).reviewDueAt).toBe(
      deadlines('consultation', registered).reviewDueAt,
    );
  });

  it('a reopened request gets a fresh review term from the reopening', () => {
    const d = deadlines('consultation', registered, { reviewStart: msk('2026-03-20', '09:00') });
    expect(showMsk(d.reviewDueAt)).toBe('2026-03-27 23:59:59.999');
  });

  it('while paused only the legal deadline counts', () => {
    expect(effectiveDueAt({ reviewDueAt: 10, legalDueAt: 20, pausedSince: 5, legalMetAt: null })).toBe(20);
    expect(effectiveDueAt({ reviewDueAt: 10, legalDueAt: null, pausedSince: 5, legalMetAt: null })).toBeNull();
    expect(effectiveDueAt({ reviewDueAt: 10, legalDueAt: 20, pausedSince: null, legalMetAt: null })).toBe(10);
    expect(effectiveDueAt({ reviewDueAt: 30, legalDueAt: 20, pausedSince: null, legalMetAt: null })).toBe(20);
  });

  it('review and legal deadlines run side by side, each to be reminded of and escalated', () => {
    expect(runningDeadlines({ reviewDueAt: 10, legalDueAt: 20, pausedSince: null, legalMetAt: null })).toEqual([
      { deadline: 'review', dueAt: 10 },
      { deadline: 'legal', dueAt: 20 },
    ]);
    expect(runningDeadlines({ reviewDueAt: 30, legalDueAt: 20, pausedSince: null, legalMetAt: null })).toEqual([
      { deadline: 'legal', dueAt: 20 },
      { deadline: 'review', dueAt: 30 },
    ]);
    expect(runningDeadlines({ reviewDueAt: 10, legalDueAt: 20, pausedSince: 5, legalMetAt: null })).toEqual([
      { deadline: 'legal', dueAt: 20 },
    ]);
    expect(runningDeadlines({ reviewDueAt: 10, legalDueAt: null, pausedSince: null, legalMetAt: null })).toEqual([
      { deadline: 'review', dueAt: 10 },
    ]);
    // The same instant: one alert, for the legal deadline.
    expect(runningDeadlines({ reviewDueAt: 20, legalDueAt: 20, pausedSince: null, legalMetAt: null })).toEqual([
      { deadline: 'legal', dueAt: 20 },
    ]);
    expect(runningDueAt({ reviewDueAt: 10, legalDueAt: 20, pausedSince: null, legalMetAt: null }, 'legal')).toBe(20);
    expect(runningDueAt({ reviewDueAt: 10, legalDueAt: 20, pausedSince: 5, legalMetAt: null }, 'review')).toBeNull();
  });

  it('a legal deadline met by an answer in time runs no more', () => {
    expect(runningDeadlines({ reviewDueAt: 30, legalDueAt: 20, pausedSince: null, legalMetAt: 5 })).toEqual([
      { deadline: 'review', dueAt: 30 },
    ]);
    expect(effectiveDueAt({ reviewDueAt: 30, legalDueAt: 20, pausedSince: 25, legalMetAt: 5 })).toBeNull();
    expect(effectiveDueAt({ reviewDueAt: 30, legalDueAt: 20, pausedSince: null, legalMetAt: null })).toBe(20);
  });

  it('a reopened appeal whose legal deadline was met: the current deadline is the fresh review term', () => {
    const registered = msk('2026-03-02', '10:00');
    const reopenedAt = msk('2026-04-03', '10:00');
    const met = computeDeadlines({
      type: 'appeal_59fz',
      policy: DEFAULT_DEADLINE_POLICY,
      receivedAt: registered,
      registeredAt: registered,
      reviewStartAt: reopenedAt,
      pauses: [],
      clock,
      legalMetAt: msk('2026-03-05', '10:00'),
    });
    expect([showMsk(met.legalDueAt!), showMsk(met.reviewDueAt), showMsk(met.dueAt)]).toEqual([
      '2026-04-01 23:59:59.999',
      '2026-04-10 23:59:59.999',
      '2026-04-10 23:59:59.999',
    ]);
    expect(deadlines('appeal_59fz', registered, { reviewStart: reopenedAt }).dueAt).toBe(met.legalDueAt);
  });

  it('no extension of a legal term already met', () => {
    const open = { type: 'appeal_59fz' as const, status: 'in_progress' as const, legalDueAt: 1, legalExtendedAt: null };
    expect(legalExtensionBlock(open)).toBeNull();
    expect(legalExtensionBlock({ ...open, legalMetAt: null })).toBeNull();
    expect(legalExtensionBlock({ ...open, legalMetAt: 1 })).toBe('finished');
  });
});

describe('deadline badge', () => {
  const due = msk('2026-03-10', '23:59') + 59_999;
  const base = { reviewDueAt: due, legalDueAt: null, legalMetAt: null, pausedSince: null, finishedAt: null, dueSoonMs: 24 * HOUR };

  it.each([
    ['new', msk('2026-03-05', '10:00'), 'on_track'],
    ['in_progress', msk('2026-03-10', '00:00'), 'due_soon'],
    ['in_progress', due - 24 * HOUR, 'due_soon'],
    ['in_progress', due - 24 * HOUR - 1, 'on_track'],
    ['new', due, 'due_soon'],
    ['new', due + 1, 'overdue'],
  ] as const)('%s at %s → %s', (status, now, state) => {
    expect(deadlineBadge({ ...base, status, now }).state).toBe(state);
  });

  it('is paused while waiting, unless a legal deadline is near or passed', () => {
    const waiting = { ...base, status: 'waiting_for_requester' as const, pausedSince: msk('2026-03-04') };
    expect(deadlineBadge({ ...waiting, now: due + DAY })).toEqual({ state: 'paused', dueAt: null, remainingMs: null });
    const legal = msk('2026-04-01', '23:59');
    expect(deadlineBadge({ ...waiting, legalDueAt: legal, now: msk('2026-03-20') }).state).toBe('paused');
    expect(deadlineBadge({ ...waiting, legalDueAt: legal, now: legal - HOUR }).state).toBe('due_soon');
    expect(deadlineBadge({ ...waiting, legalDueAt: legal, now: legal + 1 }).state).toBe('overdue');
  });

  it('shows met / missed once finished, against the earliest deadline', () => {
    expect(deadlineBadge({ ...base, status: 'resolved', finishedAt: due - 1, now: due + 10 * DAY }).state).toBe('met');
    expect(deadlineBadge({ ...base, status: 'closed', finishedAt: due + 1, now: due + 10 * DAY }).state).toBe('missed');
    expect(deadlineBadge({ ...base, status: 'rejected', legalDueAt: due - DAY, finishedAt: due - 1, now: due }).state).toBe('missed');
  });

  it('leaves out a legal deadline met by an earlier answer (a reopened appeal), open or finished again', () => {
    // 59-FZ appeal registered 2 March: legal answer due 1 April, answered 5 March, reopened 3 April.
    const legal = msk('2026-04-01', '23:59') + 59_999;
    const review = msk('2026-04-10', '23:59') + 59_999;
    const reopened = { ...base, reviewDueAt: review, legalDueAt: legal, legalMetAt: msk('2026-03-05', '10:00') };
    expect(deadlineBadge({ ...reopened, status: 'in_progress', now: msk('2026-04-03', '10:00') })).toMatchObject({
      state: 'on_track',
      dueAt: review,
    });
    expect(deadlineBadge({ ...reopened, status: 'resolved', finishedAt: msk('2026-04-08'), now: msk('2026-04-08') }).state).toBe('met');
    // Not met (answered late): the legal deadline still counts.
    const late = { ...reopened, legalMetAt: null };
    expect(deadlineBadge({ ...late, status: 'in_progress', now: msk('2026-04-03', '10:00') }).state).toBe('overdue');
    expect(deadlineBadge({ ...late, status: 'resolved', finishedAt: msk('2026-04-08'), now: msk('2026-04-08') }).state).toBe('missed');
  });

  it('reminds `lead` hours before the deadline', () => {
    expect(reminderAt(due, 24)).toBe(due - DAY);
  });
});
