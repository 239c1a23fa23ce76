import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ClaimedJob } from '../jobs/jobs.repository.ts';
import { findOutboxEmail, markOutbox } from './outbox.ts';

/** Stored as the outbox row's last error: a catalogue key the workspace shows in the reader's language. */
const NOT_CONFIGURED = 'mail.error.notConfigured';

/** A job handler that sends one outbox e-mail over SMTP; the runner retries it with backoff. */
export function createEmailSender(db: Database, config: Config, log: Logger) {
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

  return async function sendEmailJob(job: ClaimedJob): Promise<void> {
    const id = String(job.payload.outboxId);
    const email = await findOutboxEmail(db, id);
    if (!email || email.status === 'sent') return;
    if (!config.smtp) {
      // Neither the address nor the text: a body may hold a private status link or a password-reset link.
      log.info({ outboxId: id, template: email.template }, 'SMTP is not configured; e-mail not sent');
      await markOutbox(db, id, { status: 'failed', lastError: NOT_CONFIGURED });
      return;
    }
    try {
      const info = await (
        await getTransport(config.smtp)
      ).sendMail({
        from: config.smtp.from,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        ...(email.htmlBody ? { html: email.htmlBody } : {}),
        headers: { 'X-Opora-Outbox-Id': id },
      });
      await markOutbox(db, id, { status: 'sent', messageId: info.messageId, lastError: null, sentAt: new Date() });
    } catch (error) {
      const message = (error as Error).message;
      const final = job.attempts >= job.maxAttempts;
      await markOutbox(db, id, { status: final ? 'failed' : 'pending', lastError: message });
      throw error;
    }
  };
}
