/** The sender without an SMTP server: the e-mail stays in the outbox, and the log gives nothing away. */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import { loadConfig } from '../config.ts';
import { newToken } from '../lib/tokens.ts';
import { enqueueEmail, findOutboxEmail } from './outbox.ts';
import { createEmailSender } from './sender.ts';

const db = await createTestDatabase();
afterAll(() => db.drop());

describe('sending without SMTP_HOST', () => {
  it('marks the outbox row failed with a catalogue key and logs neither the address nor the text', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'info' });
    expect(config.smtp).toBeNull();
    const secretLink = 'http://opora.test/status/PRIVATE-TOKEN-123';
    const id = await enqueueEmail(db.db, {
      organizationId: null,
      to: 'mother@example.test',
      subject: 'Ответ по обращению 27-26-00001',
      text: `Ваше обращение: ${secretLink}`,
      template: 'request.replied',
    });
    const send = createEmailSender(db.db, config, pino({ level: 'info' }, sink));
    const outcomes = await send([
      { id: 1, kind: 'email.send', payload: { outboxId: id }, organizationId: null, attempts: 1, maxAttempts: 5 },
      {
        id: 2,
        kind: 'email.send',
        payload: { outboxId: 'd6f1c0de-0000-4000-8000-000000000000' },
        organizationId: null,
        attempts: 1,
        maxAttempts: 5,
      },
    ]);
    expect(outcomes).toEqual([null, null]); // the second names no row: nothing to send, done

    const row = await findOutboxEmail(db.db, id);
    expect(row).toMatchObject({ status: 'failed', lastError: 'mail.error.notConfigured' });
    expect(logged).toContain('SMTP is not configured');
    expect(logged).toContain(id);
    expect(logged).not.toContain('mother@example.test');
    expect(logged).not.toContain('PRIVATE-TOKEN-123');
  });

  it('keeps no private link in the stored copy of an e-mail that will not be sent', async () => {
    const token = newToken();
    const id = await enqueueEmail(db.db, {
      organizationId: null,
      to: 'father@example.test',
      subject: 'Обращение 27-26-00002 зарегистрировано',
      text: `Статус: http://opora.test/status/${token}\nСброс: http://opora.test/reset-password?token=${newToken()}\nНомер 27-26-00002, id 2f1c0de0-0000-4000-8000-000000000000.`,
      html: `<a href="http://opora.test/status/${token}">статус</a>`,
      template: 'request.ack',
    });
    const send = createEmailSender(db.db, loadConfig({ NODE_ENV: 'production' }), pino({ level: 'silent' }));
    await send([{ id: 3, kind: 'email.send', payload: { outboxId: id }, organizationId: null, attempts: 1, maxAttempts: 5 }]);
    const row = (await findOutboxEmail(db.db, id))!;
    expect(row.textBody).toBe(
      'Статус: http://opora.test/status/[…]\nСброс: http://opora.test/reset-password?token=[…]\nНомер 27-26-00002, id 2f1c0de0-0000-4000-8000-000000000000.',
    );
    expect(row.htmlBody).toBe('<a href="http://opora.test/status/[…]">статус</a>');
  });
});
