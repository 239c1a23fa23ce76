/**
 * The lifecycle through the API: every status × desk action, the pause while waiting for the
 * requester, reopening and its window, rejection with the regulation's reasons, first-response
 * and resolution times, and an audit row for every change. Fixed clock: Monday 2 March 2026,
 * 10:00 Moscow time (9 March is the moved 8 March holiday).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createWorld, TEST_PASSWORD, type TestWorld } from '../../../../tests/helpers/factories.ts';

const clock = fixedClock('2026-03-02T07:00:00Z');
const HOUR = 3_600_000;
let t: TestApp;
let world: TestWorld;
let consultant: Client;
let parent: Client;
let head: Client;

async function signIn(): Promise<void> {
  consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
  parent = await login(t.app, world.users.parent.email, TEST_PASSWORD);
  head = await login(t.app, world.users.head.email, TEST_PASSWORD);
}

/** Moves the clock; sessions older than their lifetime end, so everyone signs in again. */
async function travel(iso: string): Promise<void> {
  clock.set(iso);
  await signIn();
}

beforeAll(async () => {
  t = await useTestApp({ clock });
  world = await createWorld(t.db.db);
  await signIn();
});

async function parentRequest(subject = 'Не вижу оценку в дневнике'): Promise<string> {
  const response = await parent.post('/api/requests', {
    subject,
    whatDid: 'Открыла дневник сына, 6 «А», раздел «Оценки» за среду',
    expected: 'Увидеть пятёрку за контрольную',
    happened: 'Клетка пустая, хотя учитель говорит, что поставила',
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

type DeskAction = 'start' | 'request_clarification' | 'resolve' | 'close' | 'reopen' | 'reject';
const INPUT: Record<DeskAction, Record<string, unknown>> = {
  start: { action: 'start' },
  request_clarification: { action: 'request_clarification', body: 'В каком классе учится ребёнок?' },
  resolve: { action: 'resolve', body: 'Отметка появилась после синхронизации.' },
  close: { action: 'close' },
  reopen: { action: 'reopen', body: 'Заявитель сообщил, что снова не видно.' },
  reject: { action: 'reject', reason: 'insufficient_information', body: 'Не указаны класс и предмет.' },
};

async function act(id: string, action: DeskAction) {
  return consultant.post(`/api/requests/${id}/transitions`, INPUT[action]);
}

/** Brings a fresh request into `status` through the API. */
async function requestIn(status: string): Promise<string> {
  const id = await parentRequest();
  const path: Record<string, DeskAction[]> = {
    new: [],
    in_progress: ['start'],
    waiting_for_requester: ['request_clarification'],
    resolved: ['resolve'],
    closed: ['resolve', 'close'],
    rejected: ['reject'],
  };
  for (const action of path[status] ?? []) expect((await act(id, action)).statusCode).toBe(200);
  return id;
}

/** Desk actions by status: the resulting status, or null for 409 INVALID_TRANSITION. */
const TABLE: Record<string, Record<DeskAction, string | null>> = {
  new: {
    start: 'in_progress',
    request_clarification: 'waiting_for_requester',
    resolve: 'resolved',
    close: null,
    reopen: null,
    reject: 'rejected',
  },
  in_progress: {
    start: null,
    request_clarification: 'waiting_for_requester',
    resolve: 'resolved',
    close: null,
    reopen: null,
    reject: 'rejected',
  },
  waiting_for_requester: {
    start: 'in_progress',
    request_clarification: null,
    resolve: 'resolved',
    close: null,
    reopen: null,
    reject: 'rejected',
  },
  resolved: { start: null, request_clarification: null, resolve: null, close: 'closed', reopen: 'in_progress', reject: null },
  closed: { start: null, request_clarification: null, resolve: null, close: null, reopen: 'in_progress', reject: null },
  rejected: { start: null, request_clarification: null, resolve: null, close: null, reopen: null, reject: null },
};

describe('every status × desk action through POST /api/requests/:id/transitions', () => {
  const cells = Object.entries(TABLE).flatMap(([status, row]) =>
    Object.entries(row).map(([action, to]) => ({ status, action: action as DeskAction, to })),
  );
  it.each(cells)('$status --$action--> $to', async ({ status, action, to }) => {
    const id = await requestIn(status);
    const response = await act(id, action);
    if (to === null) {
      expect(response.statusCode).toBe(409);
      const allowed = Object.entries(TABLE[status]!)
        .filter(([, target]) => target !== null)
        .map(([a]) => a);
      expect(response.json()).toMatchObject({ error: 'INVALID_TRANSITION', details: { status, action } });
      expect(response.json().details.allowed.sort()).toEqual(allowed.sort());
    } else {
      expect(response.statusCode).toBe(200);
      expect(response.json().status).toBe(to);
    }
  });
});

describe('an invalid transition explains itself', () => {
  it('names the current status in Russian and in English, with the allowed actions', async () => {
    const id = await parentRequest();
    const ru = await act(id, 'close');
    expect(ru.statusCode).toBe(409);
    expect(ru.json().message).toBe('Действие «Закрыть» недоступно: обращение в статусе «Новое».');
    expect(ru.json().details.allowed).toEqual(['start', 'request_clarification', 'resolve', 'reject']);
    const english = await login(t.app, world.users.head.email, TEST_PASSWORD);
    expect((await english.put('/api/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const en = await english.post(`/api/requests/${id}/transitions`, { action: 'close' });
    expect(en.json().message).toBe('The action "Close" is not available: the request is "New".');
    await english.put('/api/me/locale', { locale: 'ru' });
  });
});

describe('the life of one request', () => {
  it('pauses while waiting, extends the deadline, records first response and resolution, reopens, closes', async () => {
    await travel('2026-03-02T07:00:00Z');
    const id = await parentRequest();
    let view = (await consultant.get(`/api/requests/${id}`)).json();
    expect(view.deadlines.reviewDueAt).toBe('2026-03-10T20:59:59.999Z'); // 2 Mar + 7 = 9 Mar (holiday) → 10 Mar 23:59:59.999 MSK
    expect(view.deadlines.badge.state).toBe('on_track');

    expect((await consultant.put(`/api/requests/${id}/assignment`, { assigneeId: world.users.consultant.id })).json().assignee.id).toBe(
      world.users.consultant.id,
    );

    clock.advance(HOUR);
    view = (await act(id, 'request_clarification')).json();
    expect(view.status).toBe('waiting_for_requester');
    expect(view.pausedSince).toBe('2026-03-02T08:00:00.000Z');
    expect(view.deadlines.badge.state).toBe('paused');
    expect(view.firstResponseAt).toBe('2026-03-02T08:00:00.000Z');
    expect(view.metrics.timeToFirstResponseMs).toBe(HOUR);

    await travel('2026-03-04T07:00:00Z'); // the parent answers two days minus an hour later
    const replied = await parent.post(`/api/my/requests/${id}/replies`, { body: 'Сын учится в 6 «А», предмет — математика.' });
    expect(replied.statusCode).toBe(201);
    expect(replied.json().status).toBe('in_progress');
    view = (await consultant.get(`/api/requests/${id}`)).json();
    expect(view.pausedSince).toBeNull();
    // 9 Mar 23:59:59.999 + 47 h = 11 Mar 22:59:59.999 → end of 11 Mar (a working day)
    expect(view.deadlines.reviewDueAt).toBe('2026-03-11T20:59:59.999Z');
    expect(view.timeline.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'assigned',
      'status_changed',
      'requester_reply',
      'deadline_changed',
    ]);
    expect(view.timeline.find((e: { type: string }) => e.type === 'deadline_changed').metadata).toEqual({
      from: null,
      to: '2026-03-11T20:59:59.999Z',
    });

    expect(
      (await consultant.post(`/api/requests/${id}/replies`, { body: 'Проверили: учитель не сохранил урок. Попросили сохранить.' }))
        .statusCode,
    ).toBe(201);
    expect((await consultant.post(`/api/requests/${id}/notes`, { body: 'Учителю напомнили о кнопке «Сохранить».' })).statusCode).toBe(201);
    clock.advance(2 * HOUR);
    view = (await act(id, 'resolve')).json();
    expect(view.status).toBe('resolved');
    expect(view.resolution).toBe('Отметка появилась после синхронизации.');
    expect(view.metrics.timeToResolutionMs).toBe(Date.parse('2026-03-04T09:00:00Z') - Date.parse('2026-03-02T07:00:00Z'));
    expect(view.deadlines.badge.state).toBe('met');

    await travel('2026-03-05T09:00:00Z');
    const reopened = await parent.post(`/api/my/requests/${id}/transitions`, { action: 'reopen', body: 'Снова пусто.' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().status).toBe('in_progress');
    view = (await consultant.get(`/api/requests/${id}`)).json();
    expect(view.reviewStartAt).toBe('2026-03-05T09:00:00.000Z');
    expect(view.deadlines.reviewDueAt).toBe('2026-03-12T20:59:59.999Z'); // a fresh 7-day term from the reopening
    expect(view.resolvedAt).toBeNull();

    expect((await act(id, 'resolve')).statusCode).toBe(200);
    const closed = await parent.post(`/api/my/requests/${id}/transitions`, { action: 'close' });
    expect(closed.json().status).toBe('closed');
    expect((await parent.post(`/api/my/requests/${id}/replies`, { body: 'Ещё вопрос' })).statusCode).toBe(409);

    const audit = await t.db.db.selectFrom('auditLog').select(['action', 'actorUserId']).where('entityId', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'request.create',
      'request.assign',
      'request.transition',
      'request.requester_reply',
      'request.reply',
      'request.note',
      'request.transition',
      'request.transition',
      'request.transition',
      'request.transition',
    ]);
    expect(audit[3]!.actorUserId).toBe(world.users.parent.id);

    const mine = (await parent.get(`/api/my/requests/${id}`)).json();
    expect(mine.timeline.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'status_changed',
      'requester_reply',
      'reply',
      'status_changed',
      'status_changed',
      'status_changed',
      'status_changed',
    ]);
    expect(mine.allowedActions).toEqual(['reopen']);
  });

  it('a reply to a new request starts the work and is the first response', async () => {
    await travel('2026-03-02T07:00:00Z');
    const id = await parentRequest();
    clock.advance(30 * 60_000);
    const view = (await consultant.post(`/api/requests/${id}/replies`, { body: 'Добрый день! Уточняем у учителя.' })).json();
    expect(view.status).toBe('in_progress');
    expect(view.metrics.timeToFirstResponseMs).toBe(30 * 60_000);
    expect(view.timeline.map((e: { type: string; visibility: string }) => `${e.type}:${e.visibility}`)).toEqual([
      'created:public',
      'status_changed:public',
      'reply:public',
    ]);
  });

  it('a note is not a first response and a requester message keeps a new request new', async () => {
    const id = await parentRequest();
    const noted = (await consultant.post(`/api/requests/${id}/notes`, { body: 'Похоже на сбой синхронизации' })).json();
    expect(noted.firstResponseAt).toBeNull();
    const more = await parent.post(`/api/my/requests/${id}/replies`, { body: 'Дополняю: предмет — алгебра.' });
    expect(more.json().status).toBe('new');
  });
});

describe('rejection with the regulation’s reasons', () => {
  it('needs a reason and a comment; the requester sees both', async () => {
    const id = await parentRequest();
    const missing = await consultant.post(`/api/requests/${id}/transitions`, { action: 'reject' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toEqual({
      reason: 'Выберите причину отказа.',
      body: 'Напишите комментарий для заявителя: он увидит его вместе с причиной.',
    });
    const wrong = await consultant.post(`/api/requests/${id}/transitions`, { action: 'reject', reason: 'boring', body: 'x' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.reason).toBe('Выберите одно из допустимых значений.');
    for (const reason of ['insufficient_information', 'incorrect_question', 'non_constructive_or_late_replies']) {
      const other = await parentRequest();
      const rejected = await consultant.post(`/api/requests/${other}/transitions`, {
        action: 'reject',
        reason,
        body: 'Опишите, пожалуйста, класс и урок.',
      });
      expect(rejected.json()).toMatchObject({ status: 'rejected', rejection: { reason, comment: 'Опишите, пожалуйста, класс и урок.' } });
      const mine = (await parent.get(`/api/my/requests/${other}`)).json();
      expect(mine.rejection).toEqual({ reason, comment: 'Опишите, пожалуйста, класс и урок.' });
      expect(mine.allowedActions).toEqual([]);
    }
  });
});

describe('reopen window', () => {
  it('refuses reopening after the desk’s window, in words the requester understands', async () => {
    expect((await head.patch(`/api/organizations/${world.school.id}/request-desk`, { reopenWindowDays: 14 })).statusCode).toBe(200);
    await travel('2026-03-02T07:00:00Z');
    const id = await parentRequest();
    await act(id, 'resolve');
    await travel('2026-03-17T08:00:00Z');
    const late = await parent.post(`/api/my/requests/${id}/transitions`, { action: 'reopen' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('Обращение решено больше 14 дн. назад, открыть его повторно нельзя. Создайте новое обращение.');
    expect(late.json().details).toMatchObject({ reason: 'reopen_window_expired', allowed: ['close'] });
    expect((await parent.post(`/api/my/requests/${id}/replies`, { body: 'Всё ещё не работает' })).statusCode).toBe(409);
    expect((await act(id, 'reopen')).statusCode).toBe(409);
    expect((await parent.post(`/api/my/requests/${id}/transitions`, { action: 'close' })).json().status).toBe('closed');
    await head.patch(`/api/organizations/${world.school.id}/request-desk`, { reopenWindowDays: 30 });
  });
});
