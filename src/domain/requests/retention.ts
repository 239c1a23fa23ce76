/**
 * Retention of a request's personal data (152-FZ art. 5 part 7: kept no longer than its purpose
 * needs). A finished request — closed, or rejected — is de-personalised once the desk's retention
 * period has passed since it finished; a closed request that could still be reopened never is, so
 * the period is at least the reopen window. What goes and what stays is decided here; the
 * repository erases it.
 */
import type { RequestStatus } from './lifecycle.ts';

const DAY_MS = 24 * 3600_000;

/** Only requests in these statuses are de-personalised: the desk's work on them is over. */
export const ERASABLE_STATUSES = ['closed', 'rejected'] as const satisfies readonly RequestStatus[];

export function isErasable(status: RequestStatus): boolean {
  return (ERASABLE_STATUSES as readonly RequestStatus[]).includes(status);
}

export interface RetentionPolicy {
  /** Days after closing or rejection (the desk's setting, 30–3650). */
  readonly anonymizeAfterDays: number;
  /** Days after resolution the requester may still reopen (counted from the resolution). */
  readonly reopenWindowDays: number;
}

/** Requests finished before this instant are due for de-personalisation at `now`. */
export function anonymizeFinishedBefore(now: Date, policy: RetentionPolicy): Date {
  const days = Math.max(policy.anonymizeAfterDays, policy.reopenWindowDays);
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * What de-personalisation leaves of a request: its number, dates, channel, type, topic, statuses
 * and who on the staff worked on it — enough for the reports, nothing that names or reaches the
 * requester or tells their story. `ANONYMIZED_TEXT` stands in for the required text columns.
 */
export const ANONYMIZED_TEXT = '—';
