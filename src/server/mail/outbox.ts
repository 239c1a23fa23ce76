/**
 * Outgoing e-mail goes through an outbox: the row is written in the same transaction as the
 * change that caused it, and the job runner sends it over SMTP after commit, with retries.
 */
import type { Executor } from '../db/database.ts';
import { enqueueJob } from '../jobs/jobs.repository.ts';

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
export async function enqueueEmailRow(db: Executor, email: OutgoingEmail) {
  const row = await db
    .insertInto('emailOutbox')
    .values({
      organizationId: email.organizationId,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html ?? null,
      template: email.template,
      relatedType: email.relatedType ?? null,
      relatedId: email.relatedId ?? null,
    })
    .returning(DELIVERY_COLUMNS)
    .executeTakeFirstOrThrow();
  await enqueueJob(db, {
    kind: SEND_EMAIL_JOB,
    payload: { outboxId: row.id },
    organizationId: email.organizationId,
    dedupeKey: `email:${row.id}`,
  });
  return row;
}

export type OutboxDelivery = Awaited<ReturnType<typeof enqueueEmailRow>>;

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
