import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ClaimedJob } from '../jobs/jobs.repository.ts';
import type { BatchHandler } from '../jobs/runner.ts';
import { redactTokens } from '../lib/tokens.ts';
import { findOutboxEmails, markOutbox, markOutboxRows } from './outbox.ts';

/** Stored as the outbox row's last error: a catalogue key the workspace shows in the reader's language. */
const NOT_CONFIGURED = 'mail.error.notConfigured';

/**
 * The bodies an outbox row keeps once it will not be sent again (sent, or failed for good): without
 * the private links' tokens, so the stored copy of years of e-mails opens no status page.
 */
const finished = (email: { textBody: string; htmlBody: string | null }) => ({
  textBody: redactTokens(email.textBody),
  htmlBody: email.htmlBody === null ? null : redactTokens(email.htmlBody),
});

/**
 * The handler of the e-mail jobs claimed together: one read of their outbox rows, then each e-mail
 * over SMTP, its row marked right after it went (so a crash repeats at most the e-mail in flight).
 * Without SMTP every row of the batch is marked failed in one statement. A failed send fails its
 * job, and the runner retries it with backoff.
 */
export function createEmailSender(db: Database, config: Config, log: Logger): BatchHandler {
  // nodemailer is loaded on the first e-mail, not at start: it is ~25 MB of an idle server's memory.
  let transport: Promise<Transporter> | null = null;
  const getTransport = (smtp: NonNullable<Config['smtp']>): Promise<Transporter> =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    ));

  return async function sendEmailJobs(jobs: readonly ClaimedJob[]): Promise<Array<Error | null>> {
    const ids = jobs.map((job) => String(job.payload.outboxId));
    const found = new Map((await findOutboxEmails(db, ids)).map((email) => [email.id, email]));
    /** The row a job is to send: none when it is gone or was sent already (the job is then done). */
    const toSend = (id: string) => {
      const email = found.get(id);
      return email && email.status !== 'sent' ? email : undefined;
    };
    const smtp = config.smtp;
    if (!smtp) {
      const unsent = ids.flatMap((id) => toSend(id) ?? []);
      // Neither the address nor the text: a body may hold a private status link or a password-reset link.
      for (const email of unsent) log.info({ outboxId: email.id, template: email.template }, 'SMTP is not configured; e-mail not sent');
      await markOutboxRows(
        db,
        unsent.map((email) => ({ id: email.id, status: 'failed', lastError: NOT_CONFIGURED, ...finished(email) })),
      );
      return jobs.map(() => null);
    }
    const outcomes: Array<Error | null> = [];
    for (const [index, job] of jobs.entries()) {
      const id = ids[index]!;
      const email = toSend(id);
      if (!email) {
        outcomes.push(null);
        continue;
      }
      try {
        const info = await (
          await getTransport(smtp)
        ).sendMail({
          from: smtp.from,
          to: email.toAddress,
          subject: email.subject,
          text: email.textBody,
          ...(email.htmlBody ? { html: email.htmlBody } : {}),
          headers: { 'X-Opora-Outbox-Id': id },
        });
        await markOutbox(db, id, { status: 'sent', messageId: info.messageId, lastError: null, sentAt: new Date(), ...finished(email) });
        outcomes.push(null);
      } catch (error) {
        const message = (error as Error).message;
        const final = job.attempts >= job.maxAttempts;
        await markOutbox(db, id, { status: final ? 'failed' : 'pending', lastError: message, ...(final ? finished(email) : {}) });
        outcomes.push(error as Error);
      }
    }
    return outcomes;
  };
}
