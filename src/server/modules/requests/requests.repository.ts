/** Requests, their timeline, waiting periods, status links, attachments and alerts: Kysely only. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { anyOf, jsonRows } from '../../db/json-params.ts';
import type { DB } from '../../db/schema.ts';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { jobsInsert, wakeRunner, type NewJob } from '../../jobs/jobs.repository.ts';
import { outboxInsert, type OutboxDelivery, type OutgoingEmail } from '../../mail/outbox.ts';
import { auditInsert, type AuditEntry } from '../audit/audit.repository.ts';
import { NOTIFICATION_COLUMNS, type NewNotification } from './notifications.repository.ts';
import type { DeadlineKind } from '../../../domain/requests/deadlines.ts';
import type { RequestAttachmentsTable, RequestEventsTable, RequestsTable } from './requests.tables.ts';

export type RequestRow = Awaited<ReturnType<typeof findRequest>> & {};
export type NewRequestRow = Insertable<RequestsTable>;
export type RequestPatch = Updateable<RequestsTable>;

/**
 * Takes `count` numbers of each desk's yearly sequence in one statement; returns the last number
 * taken per `organizationId:year` (so `last - count + 1 … last` are the caller's). The counter rows
 * stay locked until commit, which serialises concurrent registrations of a desk; they are locked
 * in sorted order, so two groups never wait for each other in a cycle.
 */
export async function takeSequences(
  db: Executor,
  counts: ReadonlyArray<{ organizationId: string; year: number; count: number }>,
): Promise<Map<string, number>> {
  if (counts.length === 0) return new Map();
  const sorted = [...counts].sort((a, b) =>
    a.organizationId === b.organizationId ? a.year - b.year : a.organizationId < b.organizationId ? -1 : 1,
  );
  const rows = await db
    .insertInto('requestNumberCounters')
    .columns(['organizationId', 'year', 'lastValue'])
    .expression(
      jsonRows(
        'requestNumberCounters',
        ['organizationId', 'year', 'lastValue'],
        sorted.map((c) => ({ organizationId: c.organizationId, year: c.year, lastValue: c.count })),
      ),
    )
    .onConflict((oc) =>
      oc
        .columns(['organizationId', 'year'])
        .doUpdateSet({ lastValue: sql<number>`request_number_counters.last_value + excluded.last_value` }),
    )
    .returning(['organizationId', 'year', 'lastValue'])
    .execute();
  return new Map(rows.map((row) => [`${row.organizationId}:${row.year}`, row.lastValue]));
}

export type EventRow = Selectable<RequestEventsTable>;

/** The columns a new request is written with; the others (status, pauses, outcomes) take their defaults. */
const NEW_REQUEST_COLUMNS = [
  'id',
  'organizationId',
  'number',
  'year',
  'sequence',
  'channel',
  'type',
  'categoryId',
  'subject',
  'whatDid',
  'expected',
  'happened',
  'description',
  'requesterKind',
  'requesterUserId',
  'requesterName',
  'requesterEmail',
  'requesterPhone',
  'requesterLocale',
  'childClass',
  'assigneeUserId',
  'receivedAt',
  'registeredAt',
  'reviewStartAt',
  'reviewDueAt',
  'legalDueAt',
  'legalBasis',
  'registrationDueAt',
  'dueAt',
  'consentAt',
  'consentVersion',
  'idempotencyKey',
  'sourceMessageId',
  'createdByUserId',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof RequestsTable>;

/** A new request: every column of NEW_REQUEST_COLUMNS, null where it has no value. */
export type NewRequest = { [K in (typeof NEW_REQUEST_COLUMNS)[number]]-?: Exclude<NewRequestRow[K], undefined> } & { id: string };

const EVENT_COLUMNS = [
  'requestId',
  'organizationId',
  'type',
  'actorKind',
  'actorUserId',
  'actorName',
  'body',
  'visibility',
  'metadata',
  'createdAt',
] as const satisfies ReadonlyArray<keyof RequestEventsTable>;

/** What `insertNewRequests` writes: requests (ids made by the caller) with their first status link, events and notices. */
export interface NewRequests {
  requests: readonly NewRequest[];
  statusTokens: ReadonlyArray<{ tokenHash: string; requestId: string; organizationId: string }>;
  /** At most one event of a type per request. */
  events: ReadonlyArray<NewEvent & { createdAt: Date }>;
  notifications: readonly NewNotification[];
  /** Rows of the foundation's tables that go with the requests: their jobs, e-mails and audit rows. */
  jobs: readonly NewJob[];
  /** At most one e-mail per request, related to it (`relatedId` = the request's id). */
  emails: ReadonlyArray<OutgoingEmail & { id: string }>;
  audits: readonly AuditEntry[];
}

export interface NewRequestWritten {
  request: RequestRow;
  events: EventRow[];
  email: OutboxDelivery | null;
}

/**
 * New requests with their private status links, their first timeline events, the staff's notices
 * (notifications.repository.ts), their jobs, e-mails and audit rows (through the insert builders
 * of jobs, mail and audit), all in ONE statement: it is atomic without a transaction, and a group
 * of registrations costs one round trip to write. Returns the requests in the order given, each
 * with its events in the order given and its e-mail.
 */
export async function insertNewRequests(db: Executor, rows: NewRequests): Promise<NewRequestWritten[]> {
  if (rows.requests.length === 0) return [];
  // Each table's rows travel as one JSON parameter, so the statement's text is the same for any
  // number of requests and stays prepared (src/server/db/json-params.ts).
  const inserted = await db
    .with('j', (qb) => jobsInsert(qb, rows.jobs))
    .with('r', (qb) =>
      qb
        .insertInto('requests')
        .columns(NEW_REQUEST_COLUMNS)
        .expression(jsonRows('requests', NEW_REQUEST_COLUMNS, rows.requests))
        .returningAll(),
    )
    .with('t', (qb) =>
      qb
        .insertInto('requestStatusTokens')
        .columns(['tokenHash', 'requestId', 'organizationId'])
        .expression(jsonRows('requestStatusTokens', ['tokenHash', 'requestId', 'organizationId'], rows.statusTokens)),
    )
    .with('e', (qb) =>
      qb
        .insertInto('requestEvents')
        .columns(EVENT_COLUMNS)
        .expression(
          jsonRows(
            'requestEvents',
            EVENT_COLUMNS,
            rows.events.map((event) => ({
              ...event,
              actorUserId: event.actorUserId ?? null,
              actorName: event.actorName ?? null,
              body: event.body ?? null,
              metadata: event.metadata ?? {},
            })),
          ),
        )
        .returning(['id', 'requestId', 'type']),
    )
    .with('n', (qb) =>
      qb
        .insertInto('notifications')
        .columns(NOTIFICATION_COLUMNS)
        .expression(jsonRows('notifications', NOTIFICATION_COLUMNS, rows.notifications)),
    )
    .with('o', (qb) => outboxInsert(qb, rows.emails))
    .with('a', (qb) => auditInsert(qb, rows.audits))
    .selectFrom('r')
    // At most one e-mail per request: its delivery columns as the database wrote them.
    .leftJoin('o', (join) => join.on('o.relatedId', '=', sql<string>`r.id::text`))
    .selectAll('r')
    .select((eb) => [
      eb
        .selectFrom('e')
        .select(sql<Array<{ id: number; type: string }>>`coalesce(json_agg(json_build_object('id', e.id, 'type', e.type)), '[]')`.as('ids'))
        .whereRef('e.requestId', '=', 'r.id')
        .as('eventIds'),
      'o.id as emailId',
      'o.toAddress as emailToAddress',
      'o.subject as emailSubject',
      'o.template as emailTemplate',
      'o.status as emailStatus',
      'o.attempts as emailAttempts',
      'o.lastError as emailLastError',
      'o.createdAt as emailCreatedAt',
      'o.sentAt as emailSentAt',
      wakeRunner('j'),
    ])
    .execute();
  const byId = new Map(
    inserted.map((written) => {
      const {
        eventIds,
        emailId,
        emailToAddress,
        emailSubject,
        emailTemplate,
        emailStatus,
        emailAttempts,
        emailLastError,
        emailCreatedAt,
        emailSentAt,
        woke: _woke,
        ...request
      } = written;
      const email: OutboxDelivery | null =
        emailId === null
          ? null
          : {
              id: emailId,
              toAddress: emailToAddress!,
              subject: emailSubject!,
              template: emailTemplate!,
              status: emailStatus!,
              attempts: emailAttempts!,
              lastError: emailLastError,
              createdAt: emailCreatedAt!,
              sentAt: emailSentAt,
            };
      return [request.id, { request, eventIds: eventIds ?? [], email }];
    }),
  );
  return rows.requests.map((row) => {
    const { request, eventIds, email } = byId.get(row.id)!;
    const events = rows.events
      .filter((event) => event.requestId === row.id)
      .map((event) => ({
        ...event,
        id: eventIds.find((e) => e.type === event.type)!.id,
        actorUserId: event.actorUserId ?? null,
        actorName: event.actorName ?? null,
        body: event.body ?? null,
        metadata: event.metadata ?? {},
      }));
    return { request, events, email };
  });
}

export function findRequest(db: Executor, id: string) {
  return db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The request row locked for the rest of the transaction (transitions are serialised). */
export function lockRequest(db: Executor, id: string) {
  return db.selectFrom('requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Requests already registered under any of these form keys or e-mail Message-IDs (per
 * organisation), in one read; the caller matches the pairs.
 */
export function findByKeys(
  db: Executor,
  keys: ReadonlyArray<{ organizationId: string; idempotencyKey?: string | null | undefined; sourceMessageId?: string | null | undefined }>,
) {
  const orgs = [...new Set(keys.map((k) => k.organizationId))];
  const forms = [...new Set(keys.flatMap((k) => (k.idempotencyKey ? [k.idempotencyKey] : [])))];
  const messages = [...new Set(keys.flatMap((k) => (k.sourceMessageId ? [k.sourceMessageId] : [])))];
  if (forms.length === 0 && messages.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('requests')
    .selectAll()
    .where('organizationId', '=', anyOf(orgs))
    .where((eb) =>
      eb.or([
        ...(forms.length > 0 ? [eb('idempotencyKey', '=', anyOf(forms, 'text'))] : []),
        ...(messages.length > 0 ? [eb('sourceMessageId', '=', anyOf(messages, 'text'))] : []),
      ]),
    )
    .execute();
}

export function updateRequest(db: Executor, id: string, patch: RequestPatch) {
  return db.updateTable('requests').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

// ---- status links ----

export async function insertStatusToken(
  db: Executor,
  row: { tokenHash: string; requestId: string; organizationId: string },
): Promise<void> {
  await db.insertInto('requestStatusTokens').values(row).execute();
}

export async function requestIdByTokenHash(db: Executor, tokenHash: string): Promise<string | null> {
  const row = await db.selectFrom('requestStatusTokens').select('requestId').where('tokenHash', '=', tokenHash).executeTakeFirst();
  return row?.requestId ?? null;
}

// ---- timeline ----

export type NewEvent = Omit<Insertable<RequestEventsTable>, 'metadata'> & { metadata?: Record<string, unknown> };

export function insertEvent(db: Executor, event: NewEvent) {
  return db
    .insertInto('requestEvents')
    .values({ ...event, metadata: JSON.stringify(event.metadata ?? {}) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listEvents(db: Executor, requestId: string, publicOnly: boolean) {
  let query = db.selectFrom('requestEvents').selectAll().where('requestId', '=', requestId);
  if (publicOnly) query = query.where('visibility', '=', 'public');
  return query.orderBy('id').execute();
}

// ---- waiting periods ----

export async function openPause(db: Executor, row: { requestId: string; organizationId: string; startedAt: Date }): Promise<void> {
  await db.insertInto('requestPauses').values(row).execute();
}

export async function closePause(db: Executor, requestId: string, endedAt: Date): Promise<void> {
  await db.updateTable('requestPauses').set({ endedAt }).where('requestId', '=', requestId).where('endedAt', 'is', null).execute();
}

export function closedPauses(db: Executor, requestId: string) {
  return db
    .selectFrom('requestPauses')
    .select(['startedAt', 'endedAt'])
    .where('requestId', '=', requestId)
    .where('endedAt', 'is not', null)
    .orderBy('startedAt')
    .execute();
}

// ---- attachments ----

export function insertAttachment(db: Executor, row: Insertable<RequestAttachmentsTable>) {
  return db
    .insertInto('requestAttachments')
    .values(row)
    .returning(['id', 'eventId', 'fileName', 'contentType', 'sizeBytes', 'createdAt'])
    .executeTakeFirstOrThrow();
}

export function listAttachments(db: Executor, requestId: string) {
  return db
    .selectFrom('requestAttachments')
    .select(['id', 'eventId', 'fileName', 'contentType', 'sizeBytes', 'createdAt'])
    .where('requestId', '=', requestId)
    .orderBy('createdAt')
    .execute();
}

export function findAttachment(db: Executor, requestId: string, attachmentId: string) {
  return db
    .selectFrom('requestAttachments as a')
    .innerJoin('requestEvents as e', 'e.id', 'a.eventId')
    .select(['a.id', 'a.fileName', 'a.contentType', 'a.sizeBytes', 'a.content', 'e.visibility'])
    .where('a.requestId', '=', requestId)
    .where('a.id', '=', attachmentId)
    .executeTakeFirst();
}

// ---- deadline alerts ----

/** Records an alert; false when it was already sent for this deadline (review or legal) and instant. */
export async function insertAlert(
  db: Executor,
  row: { requestId: string; organizationId: string; kind: 'reminder' | 'escalation'; deadline: DeadlineKind; dueAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('requestDeadlineAlerts')
    .values(row)
    .onConflict((oc) => oc.columns(['requestId', 'deadline', 'kind', 'dueAt']).doNothing())
    .returning('requestId')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function openRequestsOf(db: Executor, organizationId: string) {
  return db
    .selectFrom('requests')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('status', 'in', ['new', 'in_progress', 'waiting_for_requester'])
    .execute();
}

// ---- queues ----

export type QueueView = 'mine' | 'unassigned' | 'open' | 'overdue' | 'waiting' | 'all';
const OPEN = ['new', 'in_progress', 'waiting_for_requester'] as const;

type RequestsEb = ExpressionBuilder<DB & { r: RequestsTable }, 'r'>;

/**
 * The open statuses as literals, not parameters: a prepared statement's generic plan can then look
 * them up in the index. With `in ($2, $3, $4)` the generic plan of the "mine" count filtered every
 * request a consultant was ever assigned (19 ms at 1,000,000 requests, against 0.4 ms).
 */
const OPEN_LITERALS = OPEN.map((status) => sql.lit(status));

/** The condition of a view; `now` comes from the application clock. */
export function viewCondition(eb: RequestsEb, view: QueueView, userId: string, now: Date): Expression<SqlBool> {
  const open = eb('r.status', 'in', OPEN_LITERALS);
  switch (view) {
    case 'mine':
      return eb.and([open, eb('r.assigneeUserId', '=', userId)]);
    case 'unassigned':
      return eb.and([open, eb('r.assigneeUserId', 'is', null)]);
    case 'open':
      return open;
    case 'waiting':
      return eb('r.status', '=', sql.lit('waiting_for_requester'));
    case 'overdue':
      // While the review clock is paused only the legal deadline counts, and only until it is met
      // (a request reopened after answering in time: its due_at is then the review deadline).
      return eb.and([
        open,
        eb.or([
          eb.and([eb('r.pausedSince', 'is', null), eb('r.dueAt', '<', now)]),
          eb.and([eb('r.legalMetAt', 'is', null), eb('r.legalDueAt', '<', now)]),
        ]),
      ]);
    case 'all':
      return eb.val(true);
  }
}

export interface QueueFilter {
  organizationId: string;
  view: QueueView;
  userId: string;
  now: Date;
  status?: string[] | undefined;
  categoryId?: string | undefined;
  channel?: string | undefined;
  requesterKind?: string | undefined;
  assigneeId?: string | undefined;
  type?: string | undefined;
  /** A normalised request number, matched exactly. */
  number?: string | null | undefined;
  /** Free text: requester name, e-mail, subject or number (ILIKE). */
  text?: string | undefined;
  /** Digits of a phone number typed as the search: requester phones containing them, however written. */
  phoneDigits?: string | null | undefined;
  requesterUserId?: string | undefined;
}

function filtered(db: Executor, filter: QueueFilter) {
  return db
    .selectFrom('requests as r')
    .where('r.organizationId', '=', filter.organizationId)
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [viewCondition(eb, filter.view, filter.userId, filter.now)];
      if (filter.status && filter.status.length > 0)
        conditions.push(eb('r.status', 'in', filter.status as RequestsTable['status']['__select__'][]));
      if (filter.categoryId) {
        conditions.push(
          eb.or([
            eb('r.categoryId', '=', filter.categoryId),
            eb('r.categoryId', 'in', eb.selectFrom('requestCategories').select('id').where('parentId', '=', filter.categoryId)),
          ]),
        );
      }
      if (filter.channel) conditions.push(eb('r.channel', '=', filter.channel as RequestsTable['channel']));
      if (filter.requesterKind) conditions.push(eb('r.requesterKind', '=', filter.requesterKind as RequestsTable['requesterKind']));
      if (filter.assigneeId) conditions.push(eb('r.assigneeUserId', '=', filter.assigneeId));
      if (filter.type) conditions.push(eb('r.type', '=', filter.type as RequestsTable['type']));
      if (filter.requesterUserId) conditions.push(eb('r.requesterUserId', '=', filter.requesterUserId));
      // «111-22-33» reads as a request number and as a phone: either may be meant.
      const phone = filter.phoneDigits
        ? [eb(sql<string>`regexp_replace(${sql.ref('r.requesterPhone')}, '[^0-9]', '', 'g')`, 'like', `%${filter.phoneDigits}%`)]
        : [];
      if (filter.number) conditions.push(eb.or([eb(eb.fn('upper', ['r.number']), '=', filter.number), ...phone]));
      else if (filter.text) {
        const pattern = `%${filter.text.replace(/[%_\\]/g, '\\$&')}%`;
        conditions.push(
          eb.or([
            eb('r.requesterName', 'ilike', pattern),
            eb('r.requesterEmail', 'ilike', pattern),
            eb('r.subject', 'ilike', pattern),
            eb('r.number', 'ilike', pattern),
            ...phone,
          ]),
        );
      }
      return eb.and(conditions);
    });
}

export type QueueSort = 'due' | 'created' | '-created';

/**
 * One page of a queue. The page is cut from the requests alone, then joined with the topics and
 * the assignees: a join before the sort would join every matching request (all of a consultant's
 * hundreds, with a hash of every topic of the region) to keep 25 of them.
 */
export function listQueue(db: Executor, filter: QueueFilter, sort: QueueSort, limit: number, offset: number) {
  return listQueueQuery(db, filter, sort, limit, offset).execute();
}

/** The statement of `listQueue` (tests read its text). */
export function listQueueQuery(db: Executor, filter: QueueFilter, sort: QueueSort, limit: number, offset: number) {
  const order = QUEUE_ORDER[sort];
  let page = filtered(db, filter).select(QUEUE_COLUMNS);
  for (const [column, direction] of order) page = page.orderBy(column, direction);
  let query = db
    .selectFrom(page.limit(limit).offset(offset).as('r'))
    .leftJoin('requestCategories as c', 'c.id', 'r.categoryId')
    .leftJoin('users as a', 'a.id', 'r.assigneeUserId')
    .selectAll('r')
    .select(['c.code as categoryCode', 'c.name as categoryName', 'a.fullName as assigneeName']);
  for (const [column, direction] of order) query = query.orderBy(column, direction);
  return query;
}

/** What a queue shows of a request (request-views.ts `presentQueueItem`): not its texts. */
const QUEUE_COLUMNS = [
  'r.id',
  'r.number',
  'r.subject',
  'r.status',
  'r.channel',
  'r.type',
  'r.categoryId',
  'r.requesterKind',
  'r.requesterName',
  'r.requesterEmail',
  'r.childClass',
  'r.assigneeUserId',
  'r.registeredAt',
  'r.dueAt',
  'r.reviewDueAt',
  'r.legalDueAt',
  'r.legalMetAt',
  'r.pausedSince',
  'r.resolvedAt',
  'r.rejectedAt',
  'r.anonymizedAt',
  'r.updatedAt',
] as const;

/** The order of a queue's pages: by deadline or by registration, then by id, so pages never overlap. */
const QUEUE_ORDER: Record<QueueSort, ReadonlyArray<readonly ['r.dueAt' | 'r.registeredAt' | 'r.id', 'asc' | 'desc']>> = {
  due: [
    ['r.dueAt', 'asc'],
    ['r.registeredAt', 'asc'],
    ['r.id', 'asc'],
  ],
  created: [
    ['r.registeredAt', 'asc'],
    ['r.id', 'asc'],
  ],
  '-created': [
    ['r.registeredAt', 'desc'],
    ['r.id', 'asc'],
  ],
};

export async function countQueue(db: Executor, filter: QueueFilter): Promise<number> {
  const row = await countQueueQuery(db, filter).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The statement of `countQueue` (tests read its text). */
export function countQueueQuery(db: Executor, filter: QueueFilter) {
  return filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n'));
}

/** Counts of every view for one desk and user, in one scan. */
export async function countViews(db: Executor, organizationId: string, userId: string, now: Date): Promise<Record<QueueView, number>> {
  const views: QueueView[] = ['mine', 'unassigned', 'open', 'overdue', 'waiting', 'all'];
  const row = await db
    .selectFrom('requests as r')
    .where('r.organizationId', '=', organizationId)
    .select((eb) =>
      views.map((view) =>
        eb.fn
          .countAll<number>()
          .filterWhere(viewCondition(eb, view, userId, now))
          .as(view),
      ),
    )
    .executeTakeFirstOrThrow();
  return Object.fromEntries(views.map((view) => [view, Number((row as Record<string, unknown>)[view] ?? 0)])) as Record<QueueView, number>;
}

export function listOwn(db: Executor, organizationId: string, userId: string, limit: number, offset: number) {
  return db
    .selectFrom('requests as r')
    .leftJoin('requestCategories as c', 'c.id', 'r.categoryId')
    .leftJoin('users as a', 'a.id', 'r.assigneeUserId')
    .selectAll('r')
    .select(['c.code as categoryCode', 'c.name as categoryName', 'a.fullName as assigneeName'])
    .where('r.organizationId', '=', organizationId)
    .where('r.requesterUserId', '=', userId)
    .orderBy('r.registeredAt', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countOwn(db: Executor, organizationId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organizationId', '=', organizationId)
    .where('requesterUserId', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
