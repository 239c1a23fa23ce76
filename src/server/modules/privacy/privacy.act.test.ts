/**
 * The act of destruction of personal data (Roskomnadzor order No. 179) on a real database: each
 * de-personalisation — a nightly batch after the retention period, a person's demand — is recorded
 * with its numbers and who ran it; a period's record is listed on the privacy tab and printed as a
 * PDF whose text is read back; who may see it; the 400s for a bad period; the 404 for a period
 * with nothing destroyed.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../../tests/helpers/app.ts';
import type { TestWorld } from '../../../../tests/helpers/factories.ts';
import { formatIsoDate, timeZone } from '../../../domain/working-time/index.ts';
import { anonymizeRequestsTask } from '../requests/request-privacy.ts';
import { personalDataRoles, privacyTestApp } from './test-support.ts';

const DAY = 24 * 3600_000;
const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const ago = (days: number) => new Date(now.getTime() - days * DAY);
/** A day `offset` days from today where the school is (Moscow), as YYYY-MM-DD. */
const day = (offset: number) => formatIsoDate(timeZone('Europe/Moscow').localDay(now.getTime()) + offset);

let t: TestApp;
let world: TestWorld;
let head: Client;
let consultant: Client;
let categoryId: string;
const numbers: { retention: string; demand: string } = { retention: '', demand: '' };

beforeAll(async () => {
  ({ t, world, head, consultant, categoryId } = await privacyTestApp(now));
  await sql`update organizations set address = 'г. Пермь, ул. Школьная, д. 1' where id = ${world.school.id}`.execute(t.db.db);

  // One request erased by the night's housekeeping (closed 40 days ago, kept 30), one on demand.
  expect((await head.patch(`/api/organizations/${world.school.id}/request-desk`, { anonymizeAfterDays: 30 })).statusCode).toBe(200);
  const email = `mother-${randomUUID().slice(0, 8)}@mail.example`;
  const old = await finishedIntake({ name: 'Старая Заявительница', phone: '+7 903 100-00-01' });
  const demanded = await finishedIntake({ name: 'Требующая Удаления', phone: '+7 903 100-00-02', email });
  await sql`update requests set resolved_at = ${ago(41)}, closed_at = ${ago(40)} where id = ${old.id}`.execute(t.db.db);
  expect(await anonymizeRequestsTask.run(t.deps, now)).toBe(1);
  const erased = await head.post(`/api/organizations/${world.school.id}/personal-data/erase`, { email });
  expect(erased.statusCode, erased.body).toBe(200);
  numbers.retention = old.number;
  numbers.demand = demanded.number;
});

/** A consultant's intake of a call, then resolved and closed through the API. */
async function finishedIntake(requester: { name: string; phone: string; email?: string }) {
  const response = await consultant.post('/api/requests/intake', {
    channel: 'phone',
    subject: 'Не открывается расписание',
    requester: { kind: 'parent', ...requester },
    categoryId,
    idempotencyKey: randomUUID(),
  });
  expect(response.statusCode, response.body).toBe(201);
  const { id, number } = response.json() as { id: string; number: string };
  for (const body of [{ action: 'resolve', body: 'Готово.' }, { action: 'close' }])
    expect((await consultant.post(`/api/requests/${id}/transitions`, body)).statusCode).toBe(200);
  return { id, number };
}

const listOf = (client: Client, query: string, organizationId = world.school.id) =>
  client.get(`/api/organizations/${organizationId}/personal-data/erasures?${query}`);
const actOf = (client: Client, query: string, organizationId = world.school.id) =>
  client.get(`/api/organizations/${organizationId}/personal-data/erasures/act?${query}`);

describe('the record of destroyed personal data', () => {
  it('lists each de-personalisation of the period with its reason, who ran it and the numbers', async () => {
    const response = await listOf(head, `from=${day(-1)}&to=${day(0)}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      period: { from: day(-1), to: day(0) },
      timeZone: 'Europe/Moscow',
      requests: 2,
      entries: [
        {
          id: expect.any(Number),
          erasedAt: now.toISOString(),
          reason: 'retention',
          actor: null,
          numbers: [numbers.retention],
          emailsDeleted: 0,
          retentionDays: 30,
        },
        {
          id: expect.any(Number),
          erasedAt: now.toISOString(),
          reason: 'subject_request',
          actor: { name: world.users.head.fullName, role: 'head' },
          numbers: [numbers.demand],
          emailsDeleted: 2,
          retentionDays: null,
        },
      ],
    });
    // No period: this month so far, where the school is.
    const month = await listOf(head, '');
    expect(month.json()).toMatchObject({ period: { from: `${day(0).slice(0, 8)}01`, to: day(0) }, requests: 2 });
    const before = await listOf(head, `from=${day(-30)}&to=${day(-1)}`);
    expect(before.json()).toMatchObject({ requests: 0, entries: [] });
  });

  it('prints the act with the operator, the categories, the reasons, who did it and the extract of the log, and audits it', async () => {
    const response = await actOf(head, `from=${day(-6)}&to=${day(0)}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="personal-data-destruction-act-${day(-6)}-${day(0)}.pdf"`);
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    expect(pdf.numPages).toBe(2);
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    const dmy = (iso: string) => iso.split('-').reverse().join('.');
    for (const expected of [
      'об уничтожении персональных данных',
      `за период с ${dmy(day(-6))} по ${dmy(day(0))}`,
      world.school.name,
      'г. Пермь, ул. Школьная, д. 1',
      'заявители 2 обращений',
      'фамилия, имя, отчество заявителя',
      'истёк срок хранения (30 дней)',
      'требование субъекта персональных данных',
      `${world.users.head.fullName} (Руководитель)`,
      'информационная система автоматически',
      'Выгрузка из журнала регистрации событий',
      numbers.retention,
      numbers.demand,
      'Страница 2 из 2',
    ])
      expect(flat).toContain(expected);
    expect(flat).not.toMatch(/Старая|Требующая|mother-/);

    // Tagged for screen readers: marked, in Russian, with the title shown; headings, paragraphs and
    // lists in reading order; the page footers and signature lines are artifacts, not content.
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    const metadata = await pdf.getMetadata();
    expect(metadata.info).toMatchObject({ Language: 'ru-RU', Title: expect.stringContaining('уничтожении персональных данных') });
    type Node = { role?: string; type?: string; children?: Node[] };
    const roles = (node: Node): string[] => [...(node.role ? [node.role] : []), ...(node.children ?? []).flatMap(roles)];
    const first = roles((await (await pdf.getPage(1)).getStructTree()) as Node);
    expect(first.slice(0, 3)).toEqual(['Root', 'Document', 'H1']);
    expect(first.filter((role) => role === 'L')).toHaveLength(2);
    expect(first.filter((role) => role === 'LI').length).toBe(8 + 2);
    expect(first.filter((role) => role === 'P').length).toBeGreaterThan(10);
    expect(roles((await (await pdf.getPage(2)).getStructTree()) as Node)).toContain('H2');
    // Each text run with the marked content it stands in.
    const marked = await (await pdf.getPage(1)).getTextContent({ includeMarkedContent: true });
    const stack: string[] = [];
    const runs: Array<{ text: string; within: string[] }> = [];
    for (const item of marked.items) {
      if ('str' in item) runs.push({ text: item.str, within: [...stack] });
      else if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps')
        stack.push((item as { tag?: string }).tag ?? '');
      else if (item.type === 'endMarkedContent') stack.pop();
    }
    const within = (start: string) => runs.find((run) => run.text.startsWith(start))?.within;
    expect(within('Сформировано в «Опоре»')).toContain('Artifact');
    expect(within('АКТ №')).toEqual(['H1']);
    expect(within('об уничтожении персональных данных')).not.toContain('Artifact');

    const audit = await t.db.db
      .selectFrom('auditLog')
      .select(['actorUserId', 'after'])
      .where('action', '=', 'personal_data.act')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actorUserId: world.users.head.id, after: { from: day(-6), to: day(0), entries: 2, requests: 2 } });
  });

  it('has no act for a period when nothing was destroyed: a 404 that says so', async () => {
    const response = await actOf(head, `from=${day(-60)}&to=${day(-30)}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe('За этот период персональные данные не уничтожались: акт составлять не о чем');
  });

  it('is for the head and the admin of the school and of its municipality only', async () => {
    const expected = await personalDataRoles(t, world, head, consultant);
    const query = `from=${day(-1)}&to=${day(0)}`;
    for (const endpoint of [listOf, actOf]) {
      const seen = [];
      for (const [client] of expected) seen.push((await endpoint(client, query)).statusCode);
      expect(seen).toEqual(expected.map(([, status]) => status));
      expect((await endpoint(head, query, randomUUID())).statusCode).toBe(404);
    }
    for (const path of ['erasures', 'erasures/act']) {
      const url = `/api/organizations/${world.school.id}/personal-data/${path}?${query}`;
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it('answers a bad period with a 400 that names the field, in Russian', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['from=2026-02-30&to=2026-03-01', { from: 'Укажите дату в формате ГГГГ-ММ-ДД' }],
      ['from=2026-03-01&to=01.04.2026', { to: 'Укажите дату в формате ГГГГ-ММ-ДД' }],
      ['from=2026-03-02&to=2026-03-01', { to: 'Конец периода раньше его начала' }],
      ['from=2025-01-01&to=2026-01-02', { to: 'Один акт охватывает не больше года: выберите период короче' }],
    ];
    for (const endpoint of [listOf, actOf]) {
      for (const [query, fields] of cases) {
        const response = await endpoint(head, query);
        expect(response.statusCode, query).toBe(400);
        expect(response.json().fields, query).toEqual(fields);
      }
      expect((await endpoint(head, 'from=2026-03-01')).json().fields).toEqual({ to: 'Обязательное поле.' });
      expect((await endpoint(head, 'to=2026-03-01')).json().fields).toEqual({ from: 'Обязательное поле.' });
      for (const query of ['from=2026-03-01&to=2026-03-02&email=a@b.example', `from=${'2'.repeat(11)}&to=2026-03-01`]) {
        const response = await endpoint(head, query);
        expect(response.statusCode, query).toBe(400);
        expect(response.json().error).toBe('VALIDATION');
      }
    }
  });
});
