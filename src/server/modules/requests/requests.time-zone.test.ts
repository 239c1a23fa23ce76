/**
 * Every view of a request carries its organisation's time zone, so the web app shows a school's
 * dates on the school's clock (as its e-mails do), not in Moscow time: the desk's queue and detail,
 * the requester's own list and detail, whether just registered or read back.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createOrganization, createUser, createWorld, TEST_PASSWORD, type OrgRef } from '../../../../tests/helpers/factories.ts';

// 21:30 UTC on 2 March is already 3 March, 02:30, in Yekaterinburg (UTC+5).
const clock = fixedClock('2026-03-02T21:30:00Z');
let t: TestApp;
let school: OrgRef;
let consultant: Client;
let parent: Client;
let moscowConsultant: Client;

beforeAll(async () => {
  t = await useTestApp({ clock });
  const world = await createWorld(t.db.db);
  school = await createOrganization(t.db.db, 'school', world.municipality, 'Школа №1 Екатеринбурга');
  await sql`update organizations set timezone = 'Asia/Yekaterinburg' where id = ${school.id}`.execute(t.db.db);
  consultant = await login(t.app, (await createUser(t.db.db, school, 'consultant')).email, TEST_PASSWORD);
  parent = await login(t.app, (await createUser(t.db.db, school, 'parent')).email, TEST_PASSWORD);
  moscowConsultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
});

async function ownRequest(client: Client, key: string) {
  const response = await client.post('/api/requests', {
    subject: 'Не вижу оценки в журнале',
    whatDid: 'Открыла дневник сына, раздел «Оценки» за понедельник',
    expected: 'Увидеть отметку за контрольную',
    happened: 'Клетка пустая, хотя учитель говорит, что поставила',
    idempotencyKey: key,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; timeZone: string; registeredAt: string };
}

describe('the time zone of request views', () => {
  it('is the school’s own in the requester’s views, just registered and read back', async () => {
    const created = await ownRequest(parent, 'tz-own-1');
    expect(created.timeZone).toBe('Asia/Yekaterinburg');
    expect(created.registeredAt).toBe('2026-03-02T21:30:00.000Z');
    expect((await parent.get(`/api/my/requests/${created.id}`)).json()).toMatchObject({ timeZone: 'Asia/Yekaterinburg' });
    const list = (await parent.get('/api/my/requests')).json() as { items: { id: string; timeZone: string }[] };
    expect(list.items.find((item) => item.id === created.id)).toMatchObject({ timeZone: 'Asia/Yekaterinburg' });
  });

  it('is the school’s own in the desk’s queue items, detail and the view after a change', async () => {
    const created = await ownRequest(parent, 'tz-desk-1');
    const queue = (await consultant.get('/api/requests?view=all')).json() as { items: { id: string; timeZone: string }[] };
    expect(queue.items.length).toBeGreaterThan(0);
    expect(queue.items.every((item) => item.timeZone === 'Asia/Yekaterinburg')).toBe(true);
    expect((await consultant.get(`/api/requests/${created.id}`)).json()).toMatchObject({ timeZone: 'Asia/Yekaterinburg' });
    const started = await consultant.post(`/api/requests/${created.id}/transitions`, { action: 'start' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', timeZone: 'Asia/Yekaterinburg' });
  });

  it('of a quick intake at a Moscow school stays Europe/Moscow', async () => {
    const response = await moscowConsultant.post('/api/requests/intake', {
      channel: 'phone',
      subject: 'Звонок: не может войти через Госуслуги',
      description: 'Пишет, что учётная запись не найдена.',
      requester: { kind: 'parent', name: 'Петрова Анна Сергеевна', phone: '+7 916 000-11-22' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ timeZone: 'Europe/Moscow' });
  });
});
