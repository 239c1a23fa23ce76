/**
 * Outgoing e-mail goes through an outbox: the row is written in the same transaction as the
 * change that caused it, and the job runner sends it over SMTP after commit, with retries.
 */
import type { Executor } from '../db/database.ts';
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { EmailOutboxTable } from '../db/schema.ts';
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
  return (await enqueueEmailRows(db, [email]))[0]!;
}

/**
 * Several e-mails in one statement and their send jobs in another; returns the rows' delivery
 * columns in the order given (the ids are made here, so the order needs no guessing).
 */
export async function enqueueEmailRows(db: Executor, emails: readonly OutgoingEmail[]): Promise<OutboxDelivery[]> {
  if (emails.length === 0) return [];
  const ids = emails.map(() => randomUUID());
  const rows = await db
    .insertInto('emailOutbox')
    .values(
      emails.map((email, index) => ({
        id: ids[index]!,
        organizationId: email.organizationId,
        toAddress: email.to,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html ?? null,
        template: email.template,
        relatedType: email.relatedType ?? null,
        relatedId: email.relatedId ?? null,
      })),
    )
    .returning(DELIVERY_COLUMNS)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  await enqueueJobs(db, emails.map((email, index) => sendJob(ids[index]!, email.organizationId)));
  return ids.map((id) => byId.get(id)!);
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

export async function markOutbox(
  db: Executor,
  id: string,
  patch: { status: 'sent' | 'failed' | 'pending'; messageId?: string | null; lastError?: string | null; sentAt?: Date | null },
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
