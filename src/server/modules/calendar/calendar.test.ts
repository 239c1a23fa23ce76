import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createOrganization, createUser, createWorld, TEST_PASSWORD, type TestWorld } from '../../../../tests/helpers/factories.ts';
import { getWorkCalendar } from './calendar.service.ts';

const clock = fixedClock('2027-11-20T10:00:00Z');
let t: TestApp;
let world: TestWorld;
let admin: Client;
let head: Client;

const XML_2028 = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2028" lang="ru" date="2027.09.30" country="ru">
  <holidays><holiday id="1" title="Новогодние каникулы"/></holidays>
  <days>
    <day d="01.03" t="1" h="1"/>
    <day d="01.04" t="1" h="1"/>
    <day d="03.07" t="2"/>
    <day d="03.08" t="1" h="4"/>
    <day d="11.04" t="3"/>
  </days>
</calendar>`;

beforeAll(async () => {
  t = await useTestApp({ clock });
  world = await createWorld(t.db.db);
  admin = await login(t.app, world.users.admin.email, TEST_PASSWORD);
  head = await login(t.app, world.users.head.email, TEST_PASSWORD);
});

// The school's admin is not an admin of a top-level organisation; give the region an admin.
async function regionAdmin(): Promise<Client> {
  const user = await createUser(t.db.db, world.region, 'admin');
  return login(t.app, user.email, TEST_PASSWORD);
}

describe('production calendar in the database', () => {
  it('has every shipped year and shows 2026 as the official 12-month grid', async () => {
    const years = await admin.get('/api/calendar/years?weekKind=five_day');
    expect(years.json().map((y: { year: number }) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    const grid = (await admin.get('/api/calendar/years/2026?weekKind=five_day')).json();
    expect(grid.months.map((m: { workingDays: number }) => m.workingDays)).toEqual([15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22]);
    expect(grid.workingDays).toBe(247);
    expect(grid.hours40).toBe(1972);
    const may = grid.months[4];
    expect(may.days.find((d: { date: string }) => d.date === '2026-05-08').kind).toBe('short');
    expect(may.days.find((d: { date: string }) => d.date === '2026-05-11').kind).toBe('holiday');
  });

  it('warns about years with no data instead of silently using weekends', async () => {
    const response = await head.get('/api/calendar/warnings');
    expect(response.json().warnings).toEqual(
      expect.arrayContaining([
        { weekKind: 'five_day', year: 2028 },
        { weekKind: 'six_day', year: 2028 },
      ]),
    );
    const missing = (await head.get('/api/calendar/years/2028')).json();
    expect(missing.missing).toBe(true);
    expect(missing.fallback).toBe(true);
  });

  it('lets only an admin of a top-level organisation edit a day, and audits it', async () => {
    const forbidden = await admin.put('/api/calendar/days/2027-06-15', { weekKind: 'five_day', setting: 'holiday' });
    expect(forbidden.statusCode).toBe(403);
    const root = await regionAdmin();
    const edited = await root.put('/api/calendar/days/2027-06-15', { weekKind: 'five_day', setting: 'holiday' });
    expect(edited.statusCode).toBe(200);
    const june = edited.json().months[5];
    expect(june.days.find((d: { date: string }) => d.date === '2027-06-15').kind).toBe('holiday');
    expect(june.workingDays).toBe(20);
    const calendar = await getWorkCalendar(t.deps, world.school.id);
    expect(calendar.calendar.isWorkingDay('2027-06-15')).toBe(false);
    await root.put('/api/calendar/days/2027-06-15', { weekKind: 'five_day', setting: 'default' });
    expect((await getWorkCalendar(t.deps, world.school.id)).calendar.isWorkingDay('2027-06-15')).toBe(true);
    const audit = await t.db.db.selectFrom('auditLog').select('action').where('action', '=', 'calendar.day_set').execute();
    expect(audit).toHaveLength(2);
  });

  it('imports an xmlcalendar file with a report of what changed, and a dry run changes nothing', async () => {
    const root = await regionAdmin();
    const preview = await root.post('/api/calendar/import', { content: XML_2028, dryRun: true });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ year: 2028, dryRun: true, wasMissing: true });
    expect(preview.json().fiveDay.addedHolidays).toEqual(['2028-01-03', '2028-01-04', '2028-03-08']);
    expect(preview.json().fiveDay.addedWorkingWeekends).toEqual(['2028-11-04']);
    expect(preview.json().fiveDay.addedShortDays).toEqual(['2028-03-07']);
    expect((await root.get('/api/calendar/years/2028')).json().missing).toBe(true);

    const applied = await root.post('/api/calendar/import', { content: XML_2028 });
    expect(applied.json().dryRun).toBe(false);
    const grid = (await root.get('/api/calendar/years/2028')).json();
    expect(grid.missing).toBe(false);
    expect(grid.months[10].days.find((d: { date: string }) => d.date === '2028-11-04').kind).toBe('transferred_working');
    const again = await root.post('/api/calendar/import', { content: XML_2028 });
    expect(again.json().fiveDay.changed).toBe(0);
  });

  it('rejects a malformed file with a clear message', async () => {
    const root = await regionAdmin();
    const broken = await root.post('/api/calendar/import', {
      content: '<calendar year="2029"><days><day d="01.01" t="1"></days></calendar>',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toBe('CALENDAR_FILE_INVALID');
    expect(broken.json().message).toMatch(/^Файл календаря не принят: XML повреждён в строке 1/);
    const badType = await root.post('/api/calendar/import', {
      content: '<calendar year="2029"><days><day d="02.30" t="1"/></days></calendar>',
    });
    expect(badType.json().message).toBe('Файл календаря не принят: элемент <day> № 1 называет несуществующую дату 30.02.2029.');
    const badJson = await root.post('/api/calendar/import', {
      content: '{"year": 2029, "holidays": ["2029-13-01"], "workingWeekends": [], "shortDays": []}',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().message).toMatch(/^Файл календаря не принят: данные календаря неверны .*2029-13-01/);
    // Years the tables cannot hold are refused up front, not with a 500 from the database.
    const farJson = await root.post('/api/calendar/import', {
      content: '{"year": 2101, "holidays": [], "workingWeekends": [], "shortDays": []}',
    });
    expect(farJson.statusCode).toBe(400);
    expect(farJson.json().message).toMatch(/1990 and 2100/);
    // A day of a five-day year with no calendar at all: the year is imported first.
    const missing = await root.put('/api/calendar/days/2031-03-10', { weekKind: 'five_day', setting: 'holiday' });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().message).toMatch(/^Производственного календаря на 2031 год/);
    expect((await root.get('/api/calendar/years?weekKind=five_day')).json().map((y: { year: number }) => y.year)).not.toContain(2031);
    const farDay = await root.put('/api/calendar/days/1989-12-31', { weekKind: 'five_day', setting: 'holiday' });
    expect(farDay.statusCode).toBe(400);
    expect(farDay.json()).toMatchObject({ error: 'VALIDATION', fields: { date: expect.any(String) } });
  });
});

describe('week kind and closures of a school', () => {
  it('adds a quarantine day that deadlines then skip; another school’s head cannot touch it', async () => {
    const closure = await head.post(`/api/organizations/${world.school.id}/closures`, { date: '2027-12-01', reason: 'Карантин' });
    expect(closure.statusCode).toBe(201);
    expect((await getWorkCalendar(t.deps, world.school.id)).calendar.dayKind('2027-12-01')).toBe('closure');
    const duplicate = await head.post(`/api/organizations/${world.school.id}/closures`, { date: '2027-12-01', reason: 'Ещё раз' });
    expect(duplicate.statusCode).toBe(409);

    const otherSchool = await createOrganization(t.db.db, 'school', world.municipality);
    const otherHead = await login(t.app, (await createUser(t.db.db, otherSchool, 'head')).email, TEST_PASSWORD);
    expect((await otherHead.post(`/api/organizations/${world.school.id}/closures`, { date: '2027-12-02', reason: 'x' })).statusCode).toBe(
      403,
    );
    expect((await otherHead.delete(`/api/closures/${closure.json().id}`)).statusCode).toBe(403);
    expect((await head.delete(`/api/closures/${closure.json().id}`)).statusCode).toBe(200);
    expect((await getWorkCalendar(t.deps, world.school.id)).calendar.isWorkingDay('2027-12-01')).toBe(true);
  });

  it('switches a school to the six-day week', async () => {
    const response = await head.put(`/api/organizations/${world.school.id}/calendar`, { weekKind: 'six_day' });
    expect(response.statusCode).toBe(200);
    const { calendar, weekKind } = await getWorkCalendar(t.deps, world.school.id);
    expect(weekKind).toBe('six_day');
    expect(calendar.isWorkingDay('2027-11-13')).toBe(true); // a Saturday
    const parent = await login(t.app, world.users.parent.email, TEST_PASSWORD);
    expect((await parent.put(`/api/organizations/${world.school.id}/calendar`, { weekKind: 'five_day' })).statusCode).toBe(403);
  });

  it('rejects bad input with field messages', async () => {
    const response = await head.post(`/api/organizations/${world.school.id}/closures`, { date: '01.12.2027', reason: '' });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().fields)).toEqual(expect.arrayContaining(['date', 'reason']));
  });
});
