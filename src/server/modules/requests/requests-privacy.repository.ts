/**
 * Personal data in requests (152-FZ): the nightly de-personalisation of finished requests and the
 * look-ups of one person's requests for an export. Kysely only.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { matchesPerson, type PersonCriteria } from '../../db/person-match.ts';
import { anyOf } from '../../db/json-params.ts';
import { ANONYMIZED_TEXT } from '../../../domain/requests/retention.ts';
import { workspacePath } from './request-notify.ts';

/** Every desk's retention setting (and its reopen window, which the period never undercuts). */
export function retentionPolicies(db: Executor) {
  return db
    .selectFrom('requestDesks')
    .select(['organizationId', 'anonymizeAfterDays', 'reopenWindowDays'])
    .orderBy('organizationId')
    .execute();
}

/** Why a request lost its personal data (the `anonymized` event's metadata). */
export type AnonymizeReason = 'retention' | 'subject_request';

/**
 * De-personalises the requests `picked` selects (and locks), in ONE statement: the requester's
 * name, contacts, account link and child's class, the subject and the wording, the resolution and
 * the rejection comment, the form key and e-mail Message-ID; on the timeline every text, the
 * requester's name and the subject and class in classification changes; the attachments, the
 * private status links and the staff's in-app notices about the request. A timeline event
 * `anonymized` records it with the reason. Returns the requests changed, by number.
 */
async function anonymize(db: Executor, picked: RawBuilder<unknown>, now: Date, reason: AnonymizeReason) {
  const result = await sql<{ id: string; number: string }>`
    with picked as (${picked}),
    erased as (
      update requests r set
        requester_name = ${ANONYMIZED_TEXT}, requester_user_id = null, requester_email = null, requester_phone = null,
        child_class = null, subject = ${ANONYMIZED_TEXT}, what_did = null, expected = null, happened = null,
        description = null, resolution = null, reject_comment = null, idempotency_key = null,
        source_message_id = null, anonymized_at = ${now}, updated_at = ${now}
      from picked
      where r.id = picked.id
      returning r.id, r.organization_id, r.number
    ),
    timeline as (
      update request_events e set
        body = null,
        actor_name = case when e.actor_kind = 'requester' then null else e.actor_name end,
        metadata = e.metadata #- '{before,subject}' #- '{after,subject}' #- '{before,childClass}' #- '{after,childClass}'
      from erased
      where e.request_id = erased.id
    ),
    files as (delete from request_attachments a using erased where a.request_id = erased.id),
    links as (delete from request_status_tokens t using erased where t.request_id = erased.id),
    notices as (
      delete from notifications n
      where n.link = any(array(select ${workspacePath('')} || erased.id::text from erased))
    ),
    marked as (
      insert into request_events (request_id, organization_id, type, actor_kind, visibility, metadata, created_at)
      select id, organization_id, 'anonymized', 'system', 'public', jsonb_build_object('reason', ${reason}::text), ${now}::timestamptz
      from erased
    )
    select id, number from erased order by number`.execute(db);
  return result.rows;
}

/**
 * De-personalises up to `limit` of a desk's requests closed or rejected before `finishedBefore`,
 * oldest first. Requests another transaction holds are skipped (the next run takes them).
 */
export function anonymizeFinished(db: Executor, organizationId: string, finishedBefore: Date, now: Date, limit: number) {
  // The statuses are literals so that the plan can use the partial index requests_retention_idx.
  const picked = sql`
    select id from requests
    where organization_id = ${organizationId}
      and anonymized_at is null
      and status in ('closed', 'rejected')
      and coalesce(closed_at, rejected_at) < ${finishedBefore}
    order by coalesce(closed_at, rejected_at)
    limit ${limit}
    for update skip locked`;
  return anonymize(db, picked, now, 'retention');
}

/**
 * De-personalises these requests of a desk now (a person's demand under 152-FZ art. 21), those
 * of them that are finished and still hold personal data; waits for a transaction that holds one.
 */
export function anonymizeNow(db: Executor, organizationId: string, requestIds: readonly string[], now: Date) {
  const picked = sql`
    select id from requests
    where organization_id = ${organizationId}
      and id = ${anyOf(requestIds)}
      and anonymized_at is null
      and status in ('closed', 'rejected')
    order by id
    for update`;
  return anonymize(db, picked, now, 'subject_request');
}

export interface ErasureRecord {
  organizationId: string;
  erasedAt: Date;
  reason: AnonymizeReason;
  actorUserId: string | null;
  actorRole: string | null;
  numbers: string[];
  emailsDeleted: number;
  retentionDays: number | null;
}

/** Records one destruction (a batch or a person's demand), in the transaction that made it. */
export async function insertErasure(db: Executor, record: ErasureRecord): Promise<void> {
  await db.insertInto('requestErasures').values(record).execute();
}

/** A desk's destructions made in [from, to), oldest first. */
export function erasuresBetween(db: Executor, organizationId: string, from: Date, to: Date, limit: number) {
  return db
    .selectFrom('requestErasures')
    .select(['id', 'erasedAt', 'reason', 'actorUserId', 'actorRole', 'numbers', 'emailsDeleted', 'retentionDays'])
    .where('organizationId', '=', organizationId)
    .where('erasedAt', '>=', from)
    .where('erasedAt', '<', to)
    .orderBy('erasedAt')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Requests of one organisation (or of any, when null) filed by a person, newest first. */
export function requestsOfPerson(db: Executor, criteria: PersonCriteria, limit: number) {
  let query = db
    .selectFrom('requests as r')
    .innerJoin('organizations as o', 'o.id', 'r.organizationId')
    .leftJoin('requestCategories as c', 'c.id', 'r.categoryId')
    .selectAll('r')
    .select(['o.shortName as organizationName', 'c.name as categoryName'])
    .where((eb) =>
      matchesPerson(
        eb,
        { email: 'r.requesterEmail', userId: 'r.requesterUserId', phone: 'r.requesterPhone', organizationId: 'r.organizationId' },
        criteria,
      ),
    );
  if (criteria.organizationId) query = query.where('r.organizationId', '=', criteria.organizationId);
  return query.orderBy('r.registeredAt', 'desc').orderBy('r.id').limit(limit).execute();
}

/** The requester-visible timeline of these requests, with each event's attachments (no content). */
export function publicTimelines(db: Executor, requestIds: readonly string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('requestEvents as e')
    .select(['e.id', 'e.requestId', 'e.type', 'e.actorKind', 'e.actorName', 'e.body', 'e.createdAt'])
    .select((eb) =>
      sql<Array<{ fileName: string; contentType: string; sizeBytes: number }>>`coalesce((
        select json_agg(json_build_object('fileName', a.file_name, 'contentType', a.content_type, 'sizeBytes', a.size_bytes) order by a.created_at)
        from request_attachments a where a.event_id = ${eb.ref('e.id')}), '[]'::json)`.as('attachments'),
    )
    .where('e.requestId', '=', anyOf(requestIds))
    .where('e.visibility', '=', 'public')
    .orderBy('e.requestId')
    .orderBy('e.id')
    .execute();
}
