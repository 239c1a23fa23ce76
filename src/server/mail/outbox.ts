/**
 * Outgoing e-mail goes through an outbox: the row is written in the same transaction as the
 * change that caused it, and the job runner sends it over SMTP after commit, with retries.
 */
import type { Executor } from '../db/database.ts';
import { anyOf, jsonRows } from '../db/json-params.ts';
import { randomUUID } from 'node:crypto';
import { sql, type QueryCreator, type Selectable } from 'kysely';
import type { DB, EmailOutboxTable } from '../db/schema.ts';
import { enqueueJobs, type NewJob } from '../jobs/jobs.repository.ts';

export interface OutgoingEmail {
  organizationId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  template: string;
  relatedType?: string | null;
  relatedId?: string | null;
}

export const SEND_EMAIL_JOB = 'email.send';

export async function enqueueEmail(db: Executor, email: OutgoingEmail): Promise<string> {
  return (await enqueueEmailRow(db, email)).id;
}

/** The delivery columns of an outbox row (what `emailsRelatedTo` lists). */
const DELIVERY_COLUMNS = ['id', 'toAddress', 'subject', 'template', 'status', 'attempts', 'lastError', 'createdAt', 'sentAt'] as const;

/** Like `enqueueEmail`, returning the stored row's delivery columns (so a caller need not read it back). */
export async function enqueueEmailRow(db: Executor, email: OutgoingEmail): Promise<OutboxDelivery> {
  const id = newOutboxId();
  const [row] = await insertOutboxRows(db, [{ ...email, id }]);
  await enqueueJobs(db, [sendJob(id, email.organizationId)]);
  return row!;
}

const OUTBOX_COLUMNS = [
  'id',
  'organizationId',
  'toAddress',
  'subject',
  'textBody',
  'htmlBody',
  'template',
  'relatedType',
  'relatedId',
] as const satisfies ReadonlyArray<keyof EmailOutboxTable>;

/** An id for an outbox row, made before the row is written (so other rows can name it). */
export const newOutboxId = (): string => randomUUID();

/**
 * Outbox rows with ids made by `newOutboxId`, WITHOUT their send jobs: the caller enqueues
 * `sendJob(id, organizationId)` for each in the same transaction. Returns the delivery columns in
 * the order given.
 */
export async function insertOutboxRows(db: Executor, emails: ReadonlyArray<OutgoingEmail & { id: string }>): Promise<OutboxDelivery[]> {
  if (emails.length === 0) return [];
  const rows = await db
    .with('o', (qb) => outboxInsert(qb, emails))
    .selectFrom('o')
    .select(DELIVERY_COLUMNS)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return emails.map((email) => byId.get(email.id)!);
}

/**
 * The insert of `insertOutboxRows`, for a `with` clause of a statement that writes e-mails along
 * with other rows; it returns the delivery columns and `relatedId`.
 */
export function outboxInsert<D extends DB>(qc: QueryCreator<D>, emails: ReadonlyArray<OutgoingEmail & { id: string }>) {
  return qc
    .insertInto('emailOutbox')
    .columns(OUTBOX_COLUMNS)
    .expression(
      jsonRows(
        'emailOutbox',
        OUTBOX_COLUMNS,
        emails.map((email) => ({
          id: email.id,
          organizationId: email.organizationId,
          toAddress: email.to,
          subject: email.subject,
          textBody: email.text,
          htmlBody: email.html ?? null,
          template: email.template,
          relatedType: email.relatedType ?? null,
          relatedId: email.relatedId ?? null,
        })),
      ),
    )
    .returning([...DELIVERY_COLUMNS, 'relatedId']);
}

/** The job that sends outbox row `outboxId`. */
export function sendJob(outboxId: string, organizationId: string | null): NewJob {
  return { kind: SEND_EMAIL_JOB, payload: { outboxId }, organizationId, dedupeKey: `email:${outboxId}` };
}

/** What `emailsRelatedTo` and the enqueue functions give of an outbox row. */
export type OutboxDelivery = Pick<Selectable<EmailOutboxTable>, (typeof DELIVERY_COLUMNS)[number]>;

export function findOutboxEmail(db: Executor, id: string) {
  return db.selectFrom('emailOutbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Outbox rows by id, in one statement (the e-mails of a batch of send jobs). */
export function findOutboxEmails(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('emailOutbox').selectAll().where('id', '=', anyOf(ids)).execute();
}

/** Marks several outbox rows at once (one attempt each, with the bodies to keep), in one statement. */
export async function markOutboxRows(
  db: Executor,
  rows: ReadonlyArray<{
    id: string;
    status: 'sent' | 'failed' | 'pending';
    lastError: string | null;
    textBody: string;
    htmlBody: string | null;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update email_outbox as o
    set status = x.status, last_error = x.last_error, attempts = o.attempts + 1, text_body = x.text_body, html_body = x.html_body
    from (${jsonRows('emailOutbox', ['id', 'status', 'lastError', 'textBody', 'htmlBody'], rows)}) as x
    where o.id = x.id`.execute(db);
}

export async function markOutbox(
  db: Executor,
  id: string,
  patch: {
    status: 'sent' | 'failed' | 'pending';
    messageId?: string | null;
    lastError?: string | null;
    sentAt?: Date | null;
    textBody?: string;
    htmlBody?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('emailOutbox')
    .set((eb) => ({ ...patch, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export function emailsRelatedTo(db: Executor, relatedType: string, relatedId: string) {
  return db
    .selectFrom('emailOutbox')
    .select(DELIVERY_COLUMNS)
    .where('relatedType', '=', relatedType)
    .where('relatedId', '=', relatedId)
    .orderBy('createdAt')
    .execute();
}

/**
 * Deletes the e-mails about these entities (their addresses and texts are personal data); a send
 * job whose row is gone finds nothing to send. Returns how many rows went.
 */
export async function deleteEmailsRelatedTo(db: Executor, relatedType: string, relatedIds: readonly string[]): Promise<number> {
  if (relatedIds.length === 0) return 0;
  const result = await db
    .deleteFrom('emailOutbox')
    .where('relatedType', '=', relatedType)
    .where('relatedId', '=', anyOf(relatedIds, 'text'))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes up to `limit` e-mails about entities of `relatedType` made from `template` before
 * `before`, whatever their state (a module's housekeeping, for e-mails that outlived their use);
 * returns how many went.
 */
export async function deleteEmailsMadeBefore(
  db: Executor,
  relatedType: string,
  template: string,
  before: Date,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('emailOutbox')
    .where('id', 'in', (qb) =>
      qb
        .selectFrom('emailOutbox')
        .select('id')
        .where('relatedType', '=', relatedType)
        .where('template', '=', template)
        .where('createdAt', '<', before)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
