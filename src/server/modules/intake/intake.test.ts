/**
 * The public intake endpoints end to end on a real database: the form's data, the proof of work,
 * the honeypot, the per-IP limit, consent, idempotency, the acknowledgement e-mail through a real
 * SMTP listener, the status page with replies and attachments, and the consent-text settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createOrganization, createWorld, TEST_PASSWORD, type TestWorld } from '../../../../tests/helpers/factories.ts';
import { startSmtpListener, type SmtpListener } from '../../../../tests/helpers/smtp.ts';
import * as repo from './intake.repository.ts';
import { issueChallenge, POW_DIFFICULTY, solveChallenge } from './pow.ts';

let t: TestApp;
let smtp: SmtpListener;
let world: TestWorld;
let consultant: Client;
let head: Client;
let categoryId: string;
let gradesCategoryId: string;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);

beforeAll(async () => {
  smtp = await startSmtpListener();
  t = await useTestApp({ env: smtp.env() });
  world = await createWorld(t.db.db);
  consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
  head = await login(t.app, world.users.head.email, TEST_PASSWORD);
  const form = (await get(`/api/public/schools/${world.school.slug}/form`)).json() as FormInfo;
  const acc = form.categories.find((c) => c.code === 'ACC')!;
  categoryId = acc.children.find((c) => c.code === 'ACC.1')!.id;
  gradesCategoryId = form.categories.find((c) => c.code === 'GRD')!.children.find((c) => c.code === 'GRD.3')!.id;
});

afterAll(async () => {
  await smtp.close();
});

interface FormInfo {
  school: { slug: string; name: string };
  categories: { id: string; code: string; name: string; children: { id: string; code: string; name: string }[] }[];
  consent: { version: string; text: string; custom: boolean };
  pow: { difficulty: number };
  review: { termDays: number };
}

let ipCounter = 0;
/** Each test sends from its own address, so the per-IP limits of one test do not touch another. */
const newIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
let ip = newIp();

function get(url: string, remoteAddress = ip): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, remoteAddress });
}

function post(url: string, payload: unknown, remoteAddress = ip, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, remoteAddress, headers });
}

async function solvedPow(slug = world.school.slug) {
  const response = await post(`/api/public/schools/${slug}/challenge`, {});
  expect(response.statusCode).toBe(200);
  const { challenge, difficulty } = response.json() as { challenge: string; difficulty: number };
  return { challenge, nonce: solveChallenge(challenge, difficulty) };
}

function submission(overrides: Record<string, unknown> = {}) {
  return {
    requesterKind: 'parent',
    name: 'Иванова Мария Петровна',
    email: `parent-${randomBytes(3).toString('hex')}@example.test`,
    phone: '',
    childClass: '5 Б',
    categoryId,
    subject: 'Не могу войти через Госуслуги',
    whatDid: 'Нажала «Войти через Госуслуги» на странице дневника, ввела логин и пароль.',
    expected: 'Открыть дневник дочери и посмотреть оценки за неделю.',
    happened: 'Появляется сообщение «Учётная запись не найдена», вход не выполняется.',
    description: '',
    details: { gosuslugi: 'confirmed', errorText: 'Учётная запись не найдена' },
    consent: true,
    consentVersion: 'default-1',
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

async function submit(overrides: Record<string, unknown> = {}, remoteAddress = ip) {
  const body = { ...submission(overrides), pow: 'pow' in overrides ? overrides.pow : await solvedPow() };
  return post(`/api/public/schools/${world.school.slug}/requests`, body, remoteAddress);
}

async function queueTotal(): Promise<number> {
  const response = await consultant.get('/api/requests?view=all');
  expect(response.statusCode).toBe(200);
  return (response.json() as { total: number }).total;
}

/** A multipart body: the JSON in `data`, plus files. */
function multipart(
  data: unknown,
  files: { name: string; type: string; content: Buffer }[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----opora${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`)];
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('the form page data', () => {
  it('gives the school, its two-level topics, the consent text with its version and the proof-of-work difficulty', async () => {
    const response = await get(`/api/public/schools/${world.school.slug}/form`);
    expect(response.statusCode).toBe(200);
    const form = response.json() as FormInfo;
    expect(form.school).toMatchObject({ slug: world.school.slug, name: world.school.name });
    expect(form.categories.map((c) => c.code)).toEqual(expect.arrayContaining(['ACC', 'GRD', 'ATT', 'SCH', 'HW', 'PD']));
    expect(form.categories.find((c) => c.code === 'GRD')!.children.length).toBeGreaterThan(2);
    expect(form.consent).toMatchObject({ version: 'default-1', custom: false });
    expect(form.consent.text).toContain(world.school.name);
    expect(form.pow.difficulty).toBe(POW_DIFFICULTY);
    expect(form.review.termDays).toBe(7);
  });

  it('answers 404 with a clear message for an unknown school or an organisation without a desk, 400 for a malformed slug', async () => {
    const unknown = await get('/api/public/schools/no-such-school/form');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/Такой школы нет/);
    const region = await get(`/api/public/schools/${world.region.slug}/form`);
    expect(region.statusCode).toBe(404);
    const malformed = await get('/api/public/schools/Bad_Slug!/form');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().fields).toHaveProperty('slug');
    expect((await post('/api/public/schools/no-such-school/challenge', {})).statusCode).toBe(404);
    const english = await t.app.inject({
      method: 'GET',
      url: '/api/public/schools/no-such-school/form',
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().message).toMatch(/There is no such school/);
  });
});

describe('submitting the form', () => {
  it('registers the request, returns its number and private status link, and e-mails the acknowledgement', async () => {
    ip = newIp();
    const email = `ack-${randomBytes(3).toString('hex')}@example.test`;
    const response = await submit({ email });
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ created: true, status: 'new', emailed: true });
    expect(result.number).toMatch(/^[\dA-ZА-Я]+-\d{2}-\d{5}$/);
    expect(result.statusPath).toBe(`/status/${result.statusToken}`);
    expect(result.statusUrl).toBe(`http://opora.test/status/${result.statusToken}`);

    await t.runner.runDue();
    const mail = await smtp.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes(email));
    expect(mail.subject).toContain(result.number);
    expect(mail.text).toContain(result.number);
    expect(mail.text).toContain(result.statusUrl);

    const status = await get(result.statusPath.replace('/status/', '/api/public/status/'));
    expect(status.statusCode).toBe(200);
    const view = status.json();
    expect(view).toMatchObject({ number: result.number, status: 'new', subject: 'Не могу войти через Госуслуги' });
    // The topic's answers are written into the text the consultant reads.
    expect(view.wording.description).toContain('Учётная запись на Госуслугах: подтверждённая');
    expect(view.wording.description).toContain('Текст ошибки: Учётная запись не найдена');
    expect(view.school).toMatchObject({ slug: world.school.slug });

    const detail = await consultant.get(`/api/requests/${view.id}`);
    expect(detail.json()).toMatchObject({
      channel: 'web',
      consent: { version: 'default-1' },
      requester: { kind: 'parent', childClass: '5 Б' },
    });
  });

  it('accepts a phone number instead of an e-mail address, and then sends no e-mail', async () => {
    ip = newIp();
    const response = await submit({ email: '', phone: '+7 (916) 123-45-67' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ emailed: false, created: true });
    expect(response.json().statusToken).toEqual(expect.any(String));
  });

  it('writes the grade questions for staff (class, subject, lesson date) into the request', async () => {
    ip = newIp();
    const response = await submit({
      requesterKind: 'staff',
      childClass: null,
      categoryId: gradesCategoryId,
      subject: 'Отметка не видна ученику',
      details: { className: '7 А', lessonSubject: 'Физика', lessonDate: '2026-11-12', gosuslugi: 'none' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const view = (await get(`/api/public/status/${response.json().statusToken}`)).json();
    expect(view.wording.description).toContain('Класс: 7 А');
    expect(view.wording.description).toContain('Предмет: Физика');
    expect(view.wording.description).toContain('Дата урока: 12.11.2026');
    // A question that does not belong to the topic is ignored.
    expect(view.wording.description).not.toContain('Госуслугах');
  });

  it('rejects bad input with field messages, before spending the proof of work', async () => {
    ip = newIp();
    const before = await queueTotal();
    const url = `/api/public/schools/${world.school.slug}/requests`;

    const empty = await post(url, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toBe('VALIDATION');
    expect(Object.keys(empty.json().fields)).toEqual(
      expect.arrayContaining(['requesterKind', 'name', 'subject', 'consent', 'idempotencyKey', 'pow']),
    );

    const notJson = await t.app.inject({
      method: 'POST',
      url,
      payload: '{oops',
      headers: { 'content-type': 'application/json' },
      remoteAddress: ip,
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error).toBe('INVALID_JSON');

    const pow = await solvedPow();
    const problems = await post(url, { ...submission({ name: ' ', email: 'not-an-address', childClass: '', categoryId: null }), pow });
    expect(problems.statusCode).toBe(400);
    expect(problems.json().fields).toMatchObject({
      name: 'Обязательное поле.',
      email: 'Введите адрес электронной почты.',
      childClass: 'Укажите класс ребёнка, например «5 Б».',
      categoryId: 'Выберите тему обращения.',
    });

    const noContact = await post(url, { ...submission({ email: null, phone: null }), pow });
    expect(noContact.json().fields).toMatchObject({
      email: expect.stringMatching(/e-mail или телефон/),
      phone: expect.stringMatching(/e-mail или телефон/),
    });
    const badPhone = await post(url, { ...submission({ phone: '12-34' }), pow });
    expect(badPhone.json().fields.phone).toMatch(/10–15 цифр/);
    const badClass = await post(url, { ...submission({ childClass: '15 Я' }), pow });
    expect(badClass.json().fields.childClass).toMatch(/от 1 до 11/);

    const vague = await post(url, {
      ...submission({ subject: 'Ой!', whatDid: '', expected: '', happened: '', description: 'не работает!!!' }),
      pow,
    });
    expect(vague.statusCode).toBe(400);
    expect(vague.json().error).toBe('REQUEST_WORDING_UNCLEAR');
    expect(Object.keys(vague.json().fields)).toEqual(expect.arrayContaining(['subject', 'description']));

    const badDetails = await post(url, { ...submission({ details: { gosuslugi: 'maybe', lessonDate: '12.11.2026' } }), pow });
    expect(badDetails.statusCode).toBe(400);
    expect(Object.keys(badDetails.json().fields)).toEqual(expect.arrayContaining(['details.gosuslugi', 'details.lessonDate']));

    const unknownCategory = await post(url, { ...submission({ categoryId: randomUUID() }), pow });
    expect(unknownCategory.statusCode).toBe(400);
    expect(unknownCategory.json().fields.categoryId).toMatch(/категории нет/);

    const notAKey = await post(url, { ...submission({ idempotencyKey: 'abc' }), pow });
    expect(notAKey.json().fields).toHaveProperty('idempotencyKey');

    expect(await queueTotal()).toBe(before);
    // The challenge was spent by the last, otherwise valid, submission only under its own key.
  });

  it('refuses a submission without consent (400, nothing stored)', async () => {
    ip = newIp();
    const before = await queueTotal();
    const response = await submit({ consent: false });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'CONSENT_REQUIRED',
      fields: { consent: 'Подтвердите согласие на обработку персональных данных.' },
    });
    expect(await queueTotal()).toBe(before);
    const missing = await submit({ consent: undefined });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toHaveProperty('consent');
  });

  it('drops a submission whose honeypot is filled, storing nothing', async () => {
    ip = newIp();
    const before = await queueTotal();
    const response = await submit({ website: 'http://spam.example' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/не принято/);
    expect(response.json().fields).toBeUndefined();
    expect(await queueTotal()).toBe(before);
  });

  it('rejects a wrong, forged, foreign, expired or replayed proof of work', async () => {
    ip = newIp();
    const before = await queueTotal();
    const reasons = async (pow: unknown, overrides: Record<string, unknown> = {}) => {
      const response = await submit({ ...overrides, pow });
      expect(response.statusCode, response.body).toBe(400);
      return (response.json() as { details: { reason: string }; message: string }).details.reason;
    };
    const { challenge, nonce } = await solvedPow();
    const wrongNonce = ['0', '1', '2', '3', 'a', 'b'].find((n) => n !== nonce)!;
    expect(await reasons({ challenge, nonce: wrongNonce })).toBe('pow_unsolved');
    expect(await reasons({ challenge: challenge.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), nonce })).toBe('pow_invalid');
    expect(await reasons({ challenge: 'v1.x.y', nonce })).toBe('pow_invalid');

    const other = await createOrganization(t.db.db, 'school', world.municipality);
    expect(await reasons(await solvedPow(other.slug))).toBe('pow_wrong_school');

    const secret = await repo.powSecret(t.db.db, randomBytes(32));
    const expired = issueChallenge(secret, world.school.id, new Date(Date.now() - 31 * 60_000));
    expect(await reasons({ challenge: expired.challenge, nonce: solveChallenge(expired.challenge, expired.difficulty) })).toBe(
      'pow_expired',
    );
    const easy = issueChallenge(secret, world.school.id, new Date(), 4);
    expect(await reasons({ challenge: easy.challenge, nonce: solveChallenge(easy.challenge, 4) })).toBe('pow_invalid');

    const pow = await solvedPow();
    expect((await submit({ pow })).statusCode).toBe(201);
    const replay = await submit({ pow }); // a new submission key with a spent challenge
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ details: { reason: 'pow_replayed' } });
    expect(replay.json().message).toMatch(/уже была отправлена/);
    expect(await queueTotal()).toBe(before + 1);
  });

  it('stores a double submit once and answers both with the same number', async () => {
    ip = newIp();
    const before = await queueTotal();
    const pow = await solvedPow();
    const idempotencyKey = randomUUID();
    const first = await submit({ pow, idempotencyKey });
    const second = await submit({ pow, idempotencyKey });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ created: false, number: first.json().number });
    expect(second.json().statusToken).toEqual(expect.any(String));

    // Two submissions at the same moment (a double click racing itself).
    const racePow = await solvedPow();
    const raceKey = randomUUID();
    const body = { ...submission({ idempotencyKey: raceKey }), pow: racePow };
    const url = `/api/public/schools/${world.school.slug}/requests`;
    const [a, b] = await Promise.all([post(url, body), post(url, body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().number).toBe(b.json().number);
    expect(await queueTotal()).toBe(before + 2);
  });

  it('limits submissions per IP address (429), other addresses go on', async () => {
    const flood = newIp();
    const url = `/api/public/schools/${world.school.slug}/requests`;
    const codes: number[] = [];
    for (let i = 0; i < 21; i += 1) codes.push((await post(url, {}, flood)).statusCode);
    expect(codes.slice(0, 20).every((code) => code === 400)).toBe(true);
    const limited = await post(url, {}, flood);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'RATE_LIMITED' });
    expect(limited.json().message).toMatch(/Слишком много запросов/);
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await post(url, {}, newIp())).statusCode).toBe(400);

    const challengeFlood = newIp();
    const challengeCodes: number[] = [];
    for (let i = 0; i < 31; i += 1)
      challengeCodes.push((await post(`/api/public/schools/${world.school.slug}/challenge`, {}, challengeFlood)).statusCode);
    expect(challengeCodes.at(-1)).toBe(429);
  });

  it('takes screenshots as multipart uploads and refuses files that are not images or PDF', async () => {
    ip = newIp();
    const url = `/api/public/schools/${world.school.slug}/requests`;
    const good = multipart({ ...submission(), pow: await solvedPow() }, [{ name: 'экран.png', type: 'image/png', content: PNG }]);
    const response = await t.app.inject({ method: 'POST', url, payload: good.payload, headers: good.headers, remoteAddress: ip });
    expect(response.statusCode, response.body).toBe(201);
    const token = response.json().statusToken as string;
    const view = (await get(`/api/public/status/${token}`)).json();
    const attachment = view.timeline[0].attachments[0];
    expect(attachment).toMatchObject({
      fileName: 'экран.png',
      contentType: 'image/png',
      url: `/api/public/status/${token}/attachments/${attachment.id}`,
    });
    const download = await get(attachment.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect((await get(`/api/public/status/${token}/attachments/${randomUUID()}`)).statusCode).toBe(404);

    const bad = multipart({ ...submission(), pow: await solvedPow() }, [
      { name: 'virus.png', type: 'image/png', content: Buffer.from('<script>alert(1)</script>') },
    ]);
    const refused = await t.app.inject({ method: 'POST', url, payload: bad.payload, headers: bad.headers, remoteAddress: ip });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().message).toMatch(/virus\.png/);

    const big = multipart({ ...submission(), pow: await solvedPow() }, [
      { name: 'big.png', type: 'image/png', content: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) },
    ]);
    const tooBig = await t.app.inject({ method: 'POST', url, payload: big.payload, headers: big.headers, remoteAddress: ip });
    expect(tooBig.statusCode).toBe(413);
  });
});

describe('the status page', () => {
  let token: string;
  let requestId: string;

  beforeAll(async () => {
    ip = newIp();
    const response = await submit();
    expect(response.statusCode).toBe(201);
    token = response.json().statusToken;
    requestId = (await get(`/api/public/status/${token}`)).json().id;
  });

  it('shows the status in words, the deadline and the public conversation, never internal notes', async () => {
    await consultant.post(`/api/requests/${requestId}/notes`, { body: 'Внутренняя заметка: проверить СНИЛС в контингенте' });
    await consultant.post(`/api/requests/${requestId}/replies`, { body: 'Здравствуйте! Проверяем ваши данные.' });
    const response = await get(`/api/public/status/${token}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const view = response.json();
    expect(view.deadlines.dueAt).toEqual(expect.any(String));
    expect(response.body).not.toContain('Внутренняя заметка');
    expect(view.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['created', 'reply']));
  });

  it('answers an unknown link with 404 and a clear message, a malformed one with 400', async () => {
    const unknown = await get(`/api/public/status/${randomBytes(32).toString('base64url')}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/Ссылка на обращение не найдена/);
    expect((await get('/api/public/status/short')).statusCode).toBe(404);
    expect((await get('/api/public/status/has%20spaces!')).statusCode).toBe(400);
    const reply = await post(`/api/public/status/${randomBytes(32).toString('base64url')}/messages`, { body: 'Ответ' });
    expect(reply.statusCode).toBe(404);
  });

  it('moves a request waiting for clarification back to the desk when the requester answers', async () => {
    const asked = await consultant.post(`/api/requests/${requestId}/transitions`, {
      action: 'request_clarification',
      body: 'Какой у вас статус учётной записи на Госуслугах?',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await get(`/api/public/status/${token}`)).json().status).toBe('waiting_for_requester');

    const empty = await post(`/api/public/status/${token}/messages`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toHaveProperty('body');
    const spam = await post(`/api/public/status/${token}/messages`, { body: 'Купите', website: 'x' });
    expect(spam.statusCode).toBe(400);
    const unknownField = await post(`/api/public/status/${token}/messages`, { body: 'Да', extra: 1 });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().fields).toHaveProperty('extra');

    const files = multipart({ body: 'Учётная запись подтверждённая, скриншот прилагаю.' }, [
      { name: 'профиль.png', type: 'image/png', content: PNG },
    ]);
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/public/status/${token}/messages`,
      payload: files.payload,
      headers: files.headers,
      remoteAddress: ip,
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const view = answered.json();
    expect(view.status).toBe('in_progress');
    const last = view.timeline.findLast((e: { type: string }) => e.type === 'requester_reply');
    expect(last.body).toContain('подтверждённая');
    expect(last.attachments[0].fileName).toBe('профиль.png');
  });

  it('lets the requester confirm a resolved request and then refuses further replies', async () => {
    const resolved = await consultant.post(`/api/requests/${requestId}/transitions`, {
      action: 'resolve',
      body: 'Школа исправила СНИЛС в контингенте, попробуйте войти.',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await get(`/api/public/status/${token}`)).json()).toMatchObject({
      status: 'resolved',
      allowedActions: expect.arrayContaining(['close']),
    });
    const badAction = await post(`/api/public/status/${token}/actions`, { action: 'resolve' });
    expect(badAction.statusCode).toBe(400);
    const closed = await post(`/api/public/status/${token}/actions`, { action: 'close' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    const late = await post(`/api/public/status/${token}/messages`, { body: 'Ещё вопрос по входу в дневник' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toBe('INVALID_TRANSITION');
  });
});

describe('the school’s time zone', () => {
  it('is given with the form, the submission and the status page, so dates show on the school’s clock', async () => {
    const moscow = (await get(`/api/public/schools/${world.school.slug}/form`)).json();
    expect(moscow.school.timeZone).toBe('Europe/Moscow');

    const school = await createOrganization(t.db.db, 'school', world.municipality, 'Школа №1 Владивостока');
    await sql`update organizations set timezone = 'Asia/Vladivostok' where id = ${school.id}`.execute(t.db.db);
    const form = (await get(`/api/public/schools/${school.slug}/form`)).json() as FormInfo & { school: { timeZone: string } };
    expect(form.school.timeZone).toBe('Asia/Vladivostok');

    ip = newIp();
    const topic = form.categories.find((c) => c.code === 'ACC')!.children.find((c) => c.code === 'ACC.1')!.id;
    const body = { ...submission({ categoryId: topic }), pow: await solvedPow(school.slug) };
    const response = await post(`/api/public/schools/${school.slug}/requests`, body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().timeZone).toBe('Asia/Vladivostok');

    const status = (await get(`/api/public/status/${response.json().statusToken}`)).json();
    expect(status).toMatchObject({ timeZone: 'Asia/Vladivostok', school: { slug: school.slug, timeZone: 'Asia/Vladivostok' } });
  });
});

describe('the consent text', () => {
  it('is read by the desk, changed by the head with a new version, and old versions stay valid', async () => {
    const url = `/api/organizations/${world.school.id}/intake/consent`;
    const read = await consultant.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json().current).toMatchObject({ version: 'default-1', custom: false });
    expect((await consultant.put(url, { text: 'Согласие, которое консультант менять не может.' })).statusCode).toBe(403);
    expect((await head.put(url, { text: 'коротко' })).statusCode).toBe(400);
    const text = 'Я даю согласие школе № 27 на обработку моих персональных данных для ответа на обращение.';
    const changed = await head.put(url, { text });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 'v1', text, custom: true });
    expect((await head.put(url, { text: `${text} Редакция 2.` })).json().version).toBe('v2');

    const form = (await get(`/api/public/schools/${world.school.slug}/form`)).json() as FormInfo;
    expect(form.consent).toMatchObject({ version: 'v2', custom: true });
    ip = newIp();
    const withV2 = await submit({ consentVersion: 'v2' });
    expect(withV2.statusCode).toBe(201);
    const detail = await consultant.get(`/api/requests/${(await get(`/api/public/status/${withV2.json().statusToken}`)).json().id}`);
    expect(detail.json().consent.version).toBe('v2');
    expect((await submit({ consentVersion: 'v1' })).statusCode).toBe(201);
    const unknown = await submit({ consentVersion: 'v9' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields.consent).toMatch(/Текст согласия изменился/);
    const history = (await head.get(url)).json();
    expect(history.history.map((h: { version: string }) => h.version)).toEqual(['v2', 'v1']);
    const otherSchool = await createOrganization(t.db.db, 'school', world.municipality);
    expect((await head.put(`/api/organizations/${otherSchool.id}/intake/consent`, { text })).statusCode).toBe(403);
  });
});

describe('the pages', () => {
  const built = fs.existsSync(path.resolve(import.meta.dirname, '../../../../dist/web/index.html'));

  it.skipIf(!built)('lets any site frame the form pages, but not the rest of the app', async () => {
    const form = await get(`/s/${world.school.slug}/request?embed=1`);
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toContain('text/html');
    expect(form.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(form.headers['x-frame-options']).toBeUndefined();
    const status = await get('/status/abc');
    expect(status.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(status.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(status.headers['cache-control']).toBe('no-store');
    expect(status.headers['x-robots-tag']).toContain('noindex');
  });
});
