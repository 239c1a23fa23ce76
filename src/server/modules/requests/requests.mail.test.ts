/**
 * What the requester receives, through a real SMTP listener: the acknowledgement with the number
 * and a private status link, replies, the clarification request, the resolution and the rejection
 * with its reason — in the requester's language. Also the service API of the public form and the
 * status page (consent, idempotency, status token, requester reply and attachments), and failed
 * deliveries shown on the request's timeline.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createWorld, TEST_PASSWORD, type TestWorld } from '../../../../tests/helpers/factories.ts';
import { startSmtpListener, type SmtpListener } from '../../../../tests/helpers/smtp.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import * as service from './requests.service.ts';
import { PDF, PNG } from './test-support.ts';

const clock = fixedClock('2026-03-02T07:00:00Z');
let t: TestApp;
let smtp: SmtpListener;
let world: TestWorld;
let consultant: Client;
const anonymous = (locale: 'ru' | 'en' = 'ru'): RequestContext => ({ actor: null, ip: '203.0.113.7', requestId: 'test', locale });

beforeAll(async () => {
  smtp = await startSmtpListener();
  t = await useTestApp({ clock, env: smtp.env() });
  world = await createWorld(t.db.db);
  consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
});
afterAll(() => smtp.close());

let keyCounter = 0;
function publicInput(overrides: Partial<service.PublicRequestInput> = {}): service.PublicRequestInput {
  keyCounter += 1;
  return {
    organizationId: world.school.id,
    subject: 'Не могу войти через Госуслуги',
    description: 'Пытаюсь зайти через Госуслуги, пишет, что учётная запись не найдена. Дочь учится в 5 «Б».',
    requester: { kind: 'parent', name: 'Петрова Анна Сергеевна', email: `petrova${keyCounter}@example.test` },
    childClass: '5 «Б»',
    consent: { given: true, version: '2026-01-15' },
    idempotencyKey: `form-${keyCounter}-${Date.now()}`,
    ...overrides,
  };
}

async function deliver(): Promise<void> {
  await t.runner.runDue();
}

async function mailTo(address: string, subjectStart: string): Promise<ParsedMail> {
  await deliver();
  return smtp.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '').includes(address) && (m.subject ?? '').startsWith(subjectStart));
}

const tokenIn = (text: string | undefined) => /http:\/\/opora\.test\/status\/([A-Za-z0-9_-]+)/.exec(text ?? '')?.[1] ?? '';

describe('the public web form (service API)', () => {
  it('registers with consent, acknowledges by e-mail with the number, the deadline and a private link', async () => {
    const input = publicInput();
    const result = await service.createPublicRequest(t.deps, anonymous(), input, [{ fileName: 'скрин.png', data: PNG }]);
    expect(result).toMatchObject({
      created: true,
      request: { status: 'new', dueAt: new Date('2026-03-10T20:59:59.999Z') },
      wordingHints: [],
    });
    expect(result.statusUrl).toBe(`http://opora.test/status/${result.statusToken}`);
    const mail = await mailTo(input.requester.email!, `Обращение ${result.request.number} зарегистрировано`);
    expect(mail.text).toContain('Здравствуйте, Петрова Анна Сергеевна!');
    expect(mail.text).toContain(`зарегистрировано 02.03.2026 10:00 под номером ${result.request.number}`);
    expect(mail.text).toContain('Срок рассмотрения — до 10.03.2026 23:59');
    expect(tokenIn(mail.text)).toBe(result.statusToken);

    const view = await service.resolveStatusToken(t.deps, anonymous(), result.statusToken!, {
      attachmentBase: '/api/public/status/x/attachments',
    });
    expect(view).toMatchObject({
      number: result.request.number,
      status: 'new',
      requester: { name: 'Петрова Анна Сергеевна', childClass: '5 «Б»' },
      allowedActions: ['requester_reply'],
    });
    const attachment = view.timeline[0]!.attachments[0]!;
    expect(attachment).toMatchObject({
      fileName: 'скрин.png',
      contentType: 'image/png',
      url: `/api/public/status/x/attachments/${attachment.id}`,
    });
    const file = await service.getRequesterAttachment(t.deps, anonymous(), { kind: 'token', token: result.statusToken! }, attachment.id);
    expect(file.content.equals(PNG)).toBe(true);

    const stored = (await consultant.get(`/api/requests/${result.request.id}`)).json();
    expect(stored).toMatchObject({
      channel: 'web',
      consent: { version: '2026-01-15', at: '2026-03-02T07:00:00.000Z' },
      requester: { userId: null },
    });

    // The outbox keeps the sent e-mail without the live link: a copy of the database opens no status page.
    const kept = await t.db.db
      .selectFrom('emailOutbox')
      .select(['status', 'textBody', 'htmlBody'])
      .where('relatedId', '=', result.request.id)
      .executeTakeFirstOrThrow();
    expect(kept.status).toBe('sent');
    expect(kept.textBody).toContain(result.request.number);
    expect(kept.textBody).toContain('http://opora.test/status/[…]');
    expect(`${kept.textBody}${kept.htmlBody ?? ''}`).not.toContain(result.statusToken!);
  });

  it('refuses without consent, and registers a double submission once', async () => {
    await expect(
      service.createPublicRequest(t.deps, anonymous(), publicInput({ consent: { given: false, version: '2026-01-15' } })),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
    const input = publicInput();
    const [first, second] = await Promise.all([
      service.createPublicRequest(t.deps, anonymous(), input),
      service.createPublicRequest(t.deps, anonymous(), input),
    ]);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(first.request.id).toBe(second.request.id);
    const again = await service.createPublicRequest(t.deps, anonymous(), input);
    // The submitter may have lost the first answer: a repeat gives a fresh link to the same request.
    expect(again).toMatchObject({ created: false, request: { id: first.request.id } });
    expect(again.statusToken).toEqual(expect.any(String));
    expect(again.statusUrl).toContain(again.statusToken!);
    const view = await service.resolveStatusToken(t.deps, anonymous(), again.statusToken!, { attachmentBase: '' });
    expect(view.number).toBe(first.request.number);
    const rows = await t.db.db.selectFrom('requests').select('id').where('idempotencyKey', '=', input.idempotencyKey!).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses unclear wording with field messages, and an unknown status link', async () => {
    const error = await service
      .createPublicRequest(t.deps, anonymous(), publicInput({ subject: 'Помогите', description: 'Ничего не работает, помогите срочно!!!' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'REQUEST_WORDING_UNCLEAR',
      options: { fields: { description: { key: 'requests.wording.vague' } } },
    });
    await expect(service.resolveStatusToken(t.deps, anonymous(), 'x'.repeat(43), { attachmentBase: '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('writes to an English-speaking requester in English', async () => {
    const input = publicInput();
    const result = await service.createPublicRequest(t.deps, anonymous('en'), input);
    const mail = await mailTo(input.requester.email!, `Request ${result.request.number} registered`);
    expect(mail.text).toContain('Hello, Петрова Анна Сергеевна!');
    expect(mail.text).toContain('It will be reviewed by 10.03.2026 23:59.');
  });
});

describe('the conversation by e-mail and on the status page', () => {
  it('sends the clarification request, the requester answers through the link, then the reply and the resolution', async () => {
    const input = publicInput();
    const created = await service.createPublicRequest(t.deps, anonymous(), input);
    const id = created.request.id;
    const email = input.requester.email!;

    await consultant.post(`/api/requests/${id}/transitions`, {
      action: 'request_clarification',
      body: 'Какой логин вы вводите на Госуслугах?',
    });
    const question = await mailTo(email, `Нужно уточнение по обращению ${created.request.number}`);
    expect(question.text).toContain('Какой логин вы вводите на Госуслугах?');
    expect(question.text).toContain('срок рассмотрения приостановлен');
    const freshToken = tokenIn(question.text);
    expect(freshToken).not.toBe(created.statusToken); // every e-mail carries its own link; all stay valid
    expect((await service.resolveStatusToken(t.deps, anonymous(), created.statusToken!, { attachmentBase: '' })).status).toBe(
      'waiting_for_requester',
    );

    const answered = await service.addRequesterReply(
      t.deps,
      anonymous(),
      { kind: 'token', token: freshToken },
      { body: 'Вхожу по номеру телефона.' },
      [{ fileName: 'ошибка.pdf', data: PDF }],
      { attachmentBase: '/s' },
    );
    expect(answered.status).toBe('in_progress');
    expect(answered.timeline.at(-1)).toMatchObject({
      type: 'requester_reply',
      actor: { kind: 'requester', name: 'Петрова Анна Сергеевна' },
      body: 'Вхожу по номеру телефона.',
    });
    expect(answered.timeline.at(-1)!.attachments[0]).toMatchObject({ fileName: 'ошибка.pdf', contentType: 'application/pdf' });
    const notice = await t.db.db
      .selectFrom('notifications')
      .select('title')
      .where('userId', '=', world.users.consultant.id)
      .where('kind', '=', 'request.requesterReply')
      .execute();
    expect(notice.map((n) => n.title)).toContain(`Заявитель ответил по обращению ${created.request.number}`);

    await consultant.post(`/api/requests/${id}/replies`, { body: 'Нужно входить по СНИЛС. Попробуйте, пожалуйста.' });
    const reply = await mailTo(email, `Ответ по обращению ${created.request.number}`);
    expect(reply.text).toContain('Нужно входить по СНИЛС. Попробуйте, пожалуйста.');
    await consultant.post(`/api/requests/${id}/notes`, { body: 'Внутреннее: не пересылать' });
    await consultant.post(`/api/requests/${id}/transitions`, { action: 'resolve', body: 'Вход по СНИЛС работает.' });
    const resolved = await mailTo(email, `Обращение ${created.request.number} решено`);
    expect(resolved.text).toContain('Вход по СНИЛС работает.');
    expect(resolved.text).toContain('в течение 30 дн.');
    expect(smtp.messages.some((m) => (m.text ?? '').includes('Внутреннее'))).toBe(false);

    const confirmed = await service.requesterAction(t.deps, anonymous(), { kind: 'token', token: freshToken }, { action: 'close' });
    expect(confirmed.status).toBe('closed');
    await expect(
      service.addRequesterReply(t.deps, anonymous(), { kind: 'token', token: freshToken }, { body: 'И ещё' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('sends the rejection with the reason in words and the comment', async () => {
    const input = publicInput();
    const created = await service.createPublicRequest(t.deps, anonymous(), input);
    await consultant.post(`/api/requests/${created.request.id}/transitions`, {
      action: 'reject',
      reason: 'incorrect_question',
      body: 'Оценку по существу выставляет учитель; обратитесь к администрации школы.',
    });
    const mail = await mailTo(input.requester.email!, `Обращение ${created.request.number} отклонено`);
    expect(mail.text).toContain('Причина: Вопрос поставлен некорректно.');
    expect(mail.text).toContain('обратитесь к администрации школы');
  });

  it('shows a failed delivery on the timeline of the request', async () => {
    const input = publicInput();
    smtp.failNext(1);
    const created = await service.createPublicRequest(t.deps, anonymous(), input);
    await deliver();
    const detail = (await consultant.get(`/api/requests/${created.request.id}`)).json();
    const ack = detail.timeline[0].deliveries[0];
    expect(ack).toMatchObject({ to: input.requester.email, template: 'requests.ack', status: 'pending', attempts: 1 });
    expect(ack.lastError).toMatch(/451/);
    expect(detail.emails).toHaveLength(1);
  });
});

describe('signed-in requesters', () => {
  it('get the acknowledgement too, and the link works for them', async () => {
    const parent = await login(t.app, world.users.parent.email, TEST_PASSWORD);
    const created = (
      await parent.post('/api/requests', {
        subject: 'Второй родитель',
        description: 'Мы с мужем оба хотим видеть оценки. Можно ли подключить второго родителя к дневнику?',
      })
    ).json();
    const mail = await mailTo(world.users.parent.email, `Обращение ${created.number} зарегистрировано`);
    const view = await service.resolveStatusToken(t.deps, anonymous(), tokenIn(mail.text), { attachmentBase: '' });
    expect(view.id).toBe(created.id);
  });
});
