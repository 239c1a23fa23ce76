/**
 * A real SMTP server on loopback for the journeys: the global setup starts it and points Opora's
 * SMTP_HOST/SMTP_PORT at it; every message it receives is parsed and written as JSON into a
 * folder (the journeys run in other processes), where `waitForMail` finds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Set by the global setup for the journeys: the folder the received e-mails are written to. */
export const MAILBOX_ENV = 'OPORA_E2E_MAILBOX';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

export async function startMailbox(dir: string): Promise<{ port: number; env: Record<string, string>; close(): Promise<void> }> {
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
            a.value.map((v) => (v.address ?? '').toLowerCase()),
          );
          const stored: ReceivedMail = { to, subject: mail.subject ?? '', text: mail.text ?? '', receivedAt: new Date().toISOString() };
          count += 1;
          const file = path.join(dir, `${String(count).padStart(5, '0')}.json`);
          fs.writeFileSync(`${file}.tmp`, JSON.stringify(stored));
          fs.renameSync(`${file}.tmp`, file);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_FROM: 'Опора <opora@school27.demo>' },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readMailbox(): ReceivedMail[] {
  const dir = process.env[MAILBOX_ENV];
  if (!dir) throw new Error(`${MAILBOX_ENV} is not set: the e2e global setup starts the mailbox`);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as ReceivedMail);
}

/** The first received e-mail matching `predicate`, waiting up to `timeoutMs`. */
export async function waitForMail(predicate: (mail: ReceivedMail) => boolean, timeoutMs = 30_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = readMailbox().find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching e-mail within ${timeoutMs} ms (the mailbox holds ${readMailbox().length})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
