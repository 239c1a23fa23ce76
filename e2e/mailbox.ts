/**
 * A real SMTP server on loopback for the journeys: the global setup starts it and points Opora's
 * SMTP_HOST/SMTP_PORT at it; every message it receives is parsed and written as JSON into a
 * folder (the journeys run in other processes), where `waitForMail` finds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startSmtpListener } from '../tests/helpers/smtp.ts';

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
  const listener = await startSmtpListener({
    onMessage(mail) {
      const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
        a.value.map((v) => (v.address ?? '').toLowerCase()),
      );
      const stored: ReceivedMail = { to, subject: mail.subject ?? '', text: mail.text ?? '', receivedAt: new Date().toISOString() };
      count += 1;
      const file = path.join(dir, `${String(count).padStart(5, '0')}.json`);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(stored));
      fs.renameSync(`${file}.tmp`, file);
    },
  });
  return {
    port: listener.port,
    env: { ...listener.env(), SMTP_FROM: 'Опора <opora@school27.demo>' },
    close: () => listener.close(),
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
