/**
 * The requests module's part of personal-data handling (152-FZ):
 * - the nightly housekeeping task that de-personalises finished requests once their desk's
 *   retention period has passed (domain/requests/retention.ts), one audited batch at a time, and
 *   the same for a person's finished requests at once, when they demand it;
 * - one person's requests, as the privacy module's export shows them to the person;
 * - the record of every destruction, from which the privacy module prints the act (RKN order 179).
 * Access checks are the calling use case's (privacy.service.ts).
 */
import { anonymizeFinishedBefore } from '../../../domain/requests/retention.ts';
import type { Executor } from '../../db/database.ts';
import { namesSomeone, type PersonCriteria } from '../../db/person-match.ts';
import { systemContext } from '../../http/actor.ts';
import { deleteInBatches, type HousekeepingTask } from '../../jobs/housekeeping.ts';
import { deleteEmailsRelatedTo } from '../../mail/outbox.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { RELATED_TYPE } from './request-notify.ts';
import * as repo from './requests-privacy.repository.ts';
import type { PersonalDataMessage } from '../../../shared/personal-data-document.ts';

/** Requests per statement and transaction: short locks, however many are due. */
export const ANONYMIZE_BATCH = 500;

/**
 * Housekeeping: every desk's finished requests past its retention period lose their personal
 * data. Each batch is one transaction with its e-mails deleted and one audit row that lists the
 * numbers — the record of what was destroyed and when.
 */
export const anonymizeRequestsTask: HousekeepingTask = {
  name: 'requestsAnonymized',
  run: async (deps, now) => {
    let total = 0;
    for (const policy of await repo.retentionPolicies(deps.db)) {
      const finishedBefore = anonymizeFinishedBefore(now, policy);
      total += await deleteInBatches(
        (limit) =>
          deps.db.transaction().execute(async (tx) => {
            const erased = await repo.anonymizeFinished(tx, policy.organizationId, finishedBefore, now, limit);
            if (erased.length === 0) return 0;
            const emails = await deleteEmailsOf(tx, erased);
            await repo.insertErasure(tx, {
              organizationId: policy.organizationId,
              erasedAt: now,
              reason: 'retention',
              actorUserId: null,
              actorRole: null,
              numbers: erased.map((r) => r.number),
              emailsDeleted: emails,
              retentionDays: policy.anonymizeAfterDays,
            });
            await recordAudit(tx, systemContext(), {
              organizationId: policy.organizationId,
              action: 'request.anonymize',
              entityType: 'request_desk',
              entityId: policy.organizationId,
              after: {
                requests: erased.length,
                numbers: erased.map((r) => r.number),
                emails,
                finishedBefore: finishedBefore.toISOString(),
                anonymizeAfterDays: policy.anonymizeAfterDays,
              },
            });
            return erased.length;
          }),
        ANONYMIZE_BATCH,
      );
    }
    return total;
  },
};

/** The e-mails about erased requests go with them (their addresses and texts are personal data). */
function deleteEmailsOf(tx: Executor, erased: ReadonlyArray<{ id: string }>): Promise<number> {
  return deleteEmailsRelatedTo(
    tx,
    RELATED_TYPE,
    erased.map((r) => r.id),
  );
}

/**
 * De-personalises these finished requests of a desk now, in the caller's transaction (a person's
 * demand, privacy.service.ts, which audits it), and records the destruction with who ran it;
 * returns the requests erased and the e-mails deleted.
 */
export async function anonymizeRequestsNow(
  tx: Executor,
  organizationId: string,
  requestIds: readonly string[],
  now: Date,
  actor: { userId: string; role: string | null },
) {
  if (requestIds.length === 0) return { erased: [], emails: 0 };
  const erased = await repo.anonymizeNow(tx, organizationId, requestIds, now);
  const emails = await deleteEmailsOf(tx, erased);
  if (erased.length > 0) {
    await repo.insertErasure(tx, {
      organizationId,
      erasedAt: now,
      reason: 'subject_request',
      actorUserId: actor.userId,
      actorRole: actor.role,
      numbers: erased.map((r) => r.number),
      emailsDeleted: emails,
      retentionDays: null,
    });
  }
  return { erased, emails };
}

/** The most destructions one act lists; a longer list asks for a shorter period. */
export const ERASURES_PER_ACT = 1000;

/** A desk's destructions of personal data made in [from, to), oldest first (at most ERASURES_PER_ACT + 1). */
export function erasuresBetween(db: Executor, organizationId: string, from: Date, to: Date) {
  return repo.erasuresBetween(db, organizationId, from, to, ERASURES_PER_ACT + 1);
}

/** The most requests one export lists (a person with more is an exceptional case to handle by hand). */
export const EXPORT_REQUEST_LIMIT = 1000;

/** One person's requests with what the requester could see of each: wording, answers, files' names. */
export async function requestsOfPerson(db: Executor, criteria: PersonCriteria) {
  if (!namesSomeone(criteria)) return [];
  const rows = await repo.requestsOfPerson(db, criteria, EXPORT_REQUEST_LIMIT);
  const events = await repo.publicTimelines(
    db,
    rows.map((r) => r.id),
  );
  const messagesOf = new Map<string, Array<PersonalDataMessage<Date>>>();
  for (const event of events) {
    const list = messagesOf.get(event.requestId) ?? [];
    list.push({
      at: event.createdAt,
      type: event.type,
      from: event.actorKind,
      authorName: event.actorName,
      body: event.body,
      attachments: event.attachments,
    });
    messagesOf.set(event.requestId, list);
  }
  return rows.map((row) => ({ row, messages: messagesOf.get(row.id) ?? [] }));
}
