/**
 * Bad input on every request endpoint gets a clear 4xx with field messages in the caller's
 * language — never a 500. Attachments: type from the bytes, size and count limits, downloads with
 * the right headers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createWorld, TEST_PASSWORD, type TestWorld } from '../../../../tests/helpers/factories.ts';
import { HTML, multipart, PDF, PNG } from './test-support.ts';

let t: TestApp;
let world: TestWorld;
let consultant: Client;
let parent: Client;
let head: Client;
let requestId: string;
let subcategoryId: string;

beforeAll(async () => {
  t = await useTestApp();
  world = await createWorld(t.db.db);
  consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
  parent = await login(t.app, world.users.parent.email, TEST_PASSWORD);
  head = await login(t.app, world.users.head.email, TEST_PASSWORD);
  requestId = (
    await parent.post('/api/requests', {
      subject: 'Не вижу оценку',
      description: 'Учительница поставила пятёрку за контрольную в среду, а в дневнике пусто.',
    })
  ).json().id;
  const categories = (await consultant.get(`/api/organizations/${world.school.id}/request-categories`)).json();
  subcategoryId = categories[0].children[0].id;
});

const unknownId = '00000000-0000-4000-8000-000000000000';

interface Case {
  name: string;
  call(): Promise<{ statusCode: number; json(): unknown }>;
  status: number;
  error: string;
  fields?: Record<string, string>;
}

const cases = (): Case[] => [
  {
    name: 'queue: unknown view',
    call: () => consultant.get('/api/requests?view=bogus'),
    status: 400,
    error: 'VALIDATION',
    fields: { view: 'Выберите одно из допустимых значений.' },
  },
  {
    name: 'queue: limit 0',
    call: () => consultant.get('/api/requests?limit=0'),
    status: 400,
    error: 'VALIDATION',
    fields: { limit: 'Значение вне допустимого диапазона.' },
  },
  {
    name: 'queue: status not a status',
    call: () => consultant.get('/api/requests?status=done'),
    status: 400,
    error: 'VALIDATION',
    fields: { 'status.0': 'Выберите одно из допустимых значений.' },
  },
  {
    name: 'queue: unknown parameter',
    call: () => consultant.get('/api/requests?colour=red'),
    status: 400,
    error: 'VALIDATION',
    fields: { colour: 'Неизвестное поле.' },
  },
  {
    name: 'counts: organisation not an id',
    call: () => consultant.get('/api/requests/counts?organizationId=123'),
    status: 400,
    error: 'VALIDATION',
    fields: { organizationId: 'Неверный формат.' },
  },
  {
    name: 'counts: organisation unknown',
    call: () => consultant.get(`/api/requests/counts?organizationId=${unknownId}`),
    status: 404,
    error: 'NOT_FOUND',
  },
  {
    name: 'counts: organisation takes no requests',
    call: () => consultant.get(`/api/requests/counts?organizationId=${world.region.id}`),
    status: 400,
    error: 'VALIDATION',
    fields: { organizationId: 'Эта организация не принимает обращения.' },
  },
  {
    name: 'assignees: organisation not an id',
    call: () => consultant.get('/api/requests/assignees?organizationId=x'),
    status: 400,
    error: 'VALIDATION',
    fields: { organizationId: 'Неверный формат.' },
  },
  {
    name: 'requesters: query too short',
    call: () => consultant.get('/api/requests/requesters?q=a'),
    status: 400,
    error: 'VALIDATION',
    fields: { q: 'Не короче 2 символов.' },
  },
  {
    name: 'requesters: no query',
    call: () => consultant.get('/api/requests/requesters'),
    status: 400,
    error: 'VALIDATION',
    fields: { q: 'Обязательное поле.' },
  },
  {
    name: 'create: empty body',
    call: () => parent.post('/api/requests', {}),
    status: 400,
    error: 'VALIDATION',
    fields: { subject: 'Обязательное поле.' },
  },
  {
    name: 'create: subject too long, unknown field',
    call: () => parent.post('/api/requests', { subject: 'я'.repeat(201), colour: 'red' }),
    status: 400,
    error: 'VALIDATION',
    fields: { subject: 'Не длиннее 200 символов.', colour: 'Неизвестное поле.' },
  },
  {
    name: 'create: unclear wording',
    call: () => parent.post('/api/requests', { subject: 'Ой', description: 'Не работает' }),
    status: 400,
    error: 'REQUEST_WORDING_UNCLEAR',
    fields: {
      subject: 'Тема слишком короткая: в двух-трёх словах, о чём обращение.',
      description: 'Слишком коротко. Опишите, что вы делали, что ожидали увидеть и что произошло.',
    },
  },
  {
    name: 'create: category of nowhere',
    call: () =>
      parent.post('/api/requests', {
        subject: 'Вход через Госуслуги',
        description: 'Пишет, что учётная запись не найдена. Дочь в 5 «Б».',
        categoryId: unknownId,
      }),
    status: 400,
    error: 'VALIDATION',
    fields: { categoryId: 'Такой категории нет в этой организации или она отключена.' },
  },
  {
    name: 'create: malformed JSON',
    call: () => parent.request('POST', '/api/requests', '{"subject":', { 'content-type': 'application/json' }),
    status: 400,
    error: 'INVALID_JSON',
  },
  {
    name: 'intake: nothing',
    call: () => consultant.post('/api/requests/intake', {}),
    status: 400,
    error: 'VALIDATION',
    fields: { subject: 'Обязательное поле.', channel: 'Обязательное поле.', requester: 'Обязательное поле.' },
  },
  {
    name: 'intake: unknown channel, bad e-mail, bad date',
    call: () =>
      consultant.post('/api/requests/intake', {
        channel: 'fax',
        subject: 'Звонок',
        requester: { kind: 'parent', name: 'А', email: 'not-mail' },
        receivedAt: 'yesterday',
      }),
    status: 400,
    error: 'VALIDATION',
    fields: {
      channel: 'Выберите одно из допустимых значений.',
      'requester.email': 'Введите адрес электронной почты.',
      receivedAt: 'Неверный формат.',
    },
  },
  {
    name: 'detail: not an id',
    call: () => consultant.get('/api/requests/not-a-uuid'),
    status: 400,
    error: 'VALIDATION',
    fields: { id: 'Неверный формат.' },
  },
  { name: 'detail: unknown', call: () => consultant.get(`/api/requests/${unknownId}`), status: 404, error: 'NOT_FOUND' },
  { name: 'classify: nothing to change', call: () => consultant.patch(`/api/requests/${requestId}`, {}), status: 400, error: 'VALIDATION' },
  {
    name: 'classify: unknown type',
    call: () => consultant.patch(`/api/requests/${requestId}`, { type: 'gossip' }),
    status: 400,
    error: 'VALIDATION',
    fields: { type: 'Выберите одно из допустимых значений.' },
  },
  {
    name: 'classify: unknown category',
    call: () => consultant.patch(`/api/requests/${requestId}`, { categoryId: unknownId }),
    status: 400,
    error: 'VALIDATION',
    fields: { categoryId: 'Такой категории нет в этой организации или она отключена.' },
  },
  {
    name: 'assign: no assignee field',
    call: () => consultant.put(`/api/requests/${requestId}/assignment`, {}),
    status: 400,
    error: 'VALIDATION',
    fields: { assigneeId: 'Обязательное поле.' },
  },
  {
    name: 'assign: a parent',
    call: () => consultant.put(`/api/requests/${requestId}/assignment`, { assigneeId: world.users.parent.id }),
    status: 400,
    error: 'VALIDATION',
    fields: { assigneeId: 'Назначить можно только консультанта, руководителя или администратора этой организации.' },
  },
  {
    name: 'transition: unknown action',
    call: () => consultant.post(`/api/requests/${requestId}/transitions`, { action: 'fly' }),
    status: 400,
    error: 'VALIDATION',
    fields: { action: 'Выберите одно из допустимых значений.' },
  },
  {
    name: 'transition: requester action at the desk',
    call: () => consultant.post(`/api/requests/${requestId}/transitions`, { action: 'requester_reply' }),
    status: 400,
    error: 'VALIDATION',
  },
  {
    name: 'transition: resolve without a message',
    call: () => consultant.post(`/api/requests/${requestId}/transitions`, { action: 'resolve' }),
    status: 400,
    error: 'VALIDATION',
    fields: { body: 'Напишите текст сообщения.' },
  },
  {
    name: 'transition: question without a question',
    call: () => consultant.post(`/api/requests/${requestId}/transitions`, { action: 'request_clarification', body: '  ' }),
    status: 400,
    error: 'VALIDATION',
    fields: { body: 'Напишите текст сообщения.' },
  },
  {
    name: 'reply: empty',
    call: () => consultant.post(`/api/requests/${requestId}/replies`, {}),
    status: 400,
    error: 'VALIDATION',
    fields: { body: 'Напишите сообщение или приложите файл.' },
  },
  {
    name: 'reply: too long',
    call: () => consultant.post(`/api/requests/${requestId}/replies`, { body: 'я'.repeat(10_001) }),
    status: 400,
    error: 'VALIDATION',
    fields: { body: 'Не длиннее 10000 символов.' },
  },
  {
    name: 'note: blank',
    call: () => consultant.post(`/api/requests/${requestId}/notes`, { body: '   ' }),
    status: 400,
    error: 'VALIDATION',
    fields: { body: 'Напишите сообщение или приложите файл.' },
  },
  {
    name: 'attachment: not an id',
    call: () => consultant.get(`/api/requests/${requestId}/attachments/x`),
    status: 400,
    error: 'VALIDATION',
    fields: { attachmentId: 'Неверный формат.' },
  },
  {
    name: 'attachment: unknown',
    call: () => consultant.get(`/api/requests/${requestId}/attachments/${unknownId}`),
    status: 404,
    error: 'NOT_FOUND',
  },
  {
    name: 'my list: limit too large',
    call: () => parent.get('/api/my/requests?limit=1000'),
    status: 400,
    error: 'VALIDATION',
    fields: { limit: 'Значение вне допустимого диапазона.' },
  },
  {
    name: 'my reply: empty',
    call: () => parent.post(`/api/my/requests/${requestId}/replies`, { body: '' }),
    status: 400,
    error: 'VALIDATION',
    fields: { body: 'Напишите сообщение или приложите файл.' },
  },
  {
    name: 'my transition: a desk action',
    call: () => parent.post(`/api/my/requests/${requestId}/transitions`, { action: 'resolve' }),
    status: 400,
    error: 'VALIDATION',
    fields: { action: 'Выберите одно из допустимых значений.' },
  },
  {
    name: 'my attachment: unknown',
    call: () => parent.get(`/api/my/requests/${requestId}/attachments/${unknownId}`),
    status: 404,
    error: 'NOT_FOUND',
  },
  {
    name: 'desk: nothing to change',
    call: () => head.patch(`/api/organizations/${world.school.id}/request-desk`, {}),
    status: 400,
    error: 'VALIDATION',
  },
  {
    name: 'desk: bad prefix, term, unit',
    call: () =>
      head.patch(`/api/organizations/${world.school.id}/request-desk`, {
        numberPrefix: '27-',
        reviewTermDays: 0,
        termUnit: 'business_hours',
      }),
    status: 400,
    error: 'VALIDATION',
    fields: {
      numberPrefix: 'Неверный формат.',
      reviewTermDays: 'Значение вне допустимого диапазона.',
      termUnit: 'Выберите одно из допустимых значений.',
    },
  },
  {
    name: 'desk: organisation not an id',
    call: () => head.get('/api/organizations/x/request-desk'),
    status: 400,
    error: 'VALIDATION',
    fields: { id: 'Неверный формат.' },
  },
  {
    name: 'category: no name',
    call: () => head.post(`/api/organizations/${world.school.id}/request-categories`, {}),
    status: 400,
    error: 'VALIDATION',
    fields: { name: 'Обязательное поле.' },
  },
  {
    name: 'category: blank name',
    call: () => head.post(`/api/organizations/${world.school.id}/request-categories`, { name: '   ' }),
    status: 400,
    error: 'VALIDATION',
    fields: { name: 'Неверный формат.' },
  },
  {
    name: 'category: a third level',
    call: () => head.post(`/api/organizations/${world.school.id}/request-categories`, { name: 'Третий уровень', parentId: subcategoryId }),
    status: 400,
    error: 'VALIDATION',
    fields: { parentId: 'Подкатегорию можно добавить только к категории верхнего уровня этой организации.' },
  },
  {
    name: 'category: code taken',
    call: () => head.post(`/api/organizations/${world.school.id}/request-categories`, { name: 'Дубль', code: 'ACC' }),
    status: 409,
    error: 'CONFLICT',
    fields: { code: 'Категория с таким кодом уже есть.' },
  },
  {
    name: 'category patch: nothing',
    call: () => head.patch(`/api/organizations/${world.school.id}/request-categories/${subcategoryId}`, {}),
    status: 400,
    error: 'VALIDATION',
  },
  {
    name: 'category patch: unknown',
    call: () => head.patch(`/api/organizations/${world.school.id}/request-categories/${unknownId}`, { name: 'Новое' }),
    status: 404,
    error: 'NOT_FOUND',
  },
  {
    name: 'notifications: bad flag',
    call: () => parent.get('/api/notifications?unreadOnly=maybe'),
    status: 400,
    error: 'VALIDATION',
    fields: { unreadOnly: 'Неверный тип значения.' },
  },
  {
    name: 'notification read: not an id',
    call: () => parent.post('/api/notifications/7/read'),
    status: 400,
    error: 'VALIDATION',
    fields: { id: 'Неверный формат.' },
  },
  { name: 'notification read: unknown', call: () => parent.post(`/api/notifications/${unknownId}/read`), status: 404, error: 'NOT_FOUND' },
  {
    name: 'reply: multipart without a boundary',
    call: () =>
      parent.request('POST', `/api/requests/${requestId}/replies`, Buffer.from('body=x'), { 'content-type': 'multipart/form-data' }),
    status: 400,
    error: 'INVALID_MULTIPART',
  },
  {
    name: 'reply: multipart cut short',
    call: () => {
      const body = multipart({ body: 'Прикладываю снимок' }, [{ name: 'screen.png', data: PNG, contentType: 'image/png' }]);
      return parent.request('POST', `/api/requests/${requestId}/replies`, body.payload.subarray(0, body.payload.length - 40), body.headers);
    },
    status: 400,
    error: 'INVALID_MULTIPART',
  },
  {
    name: 'reply: a NUL character in the text',
    call: () => consultant.post(`/api/requests/${requestId}/replies`, { body: 'Оценка\u0000 пропала' }),
    status: 400,
    error: 'INVALID_CHARACTERS',
  },
  {
    name: 'new request: a NUL character in the subject',
    call: () =>
      parent.post('/api/requests', {
        subject: 'Не вижу\u0000 оценку',
        description: 'Учительница поставила пятёрку за контрольную в среду, а в дневнике пусто.',
      }),
    status: 400,
    error: 'INVALID_CHARACTERS',
  },
  {
    name: 'queue: a NUL character in the search',
    call: () => consultant.get('/api/requests?q=%00abc'),
    status: 400,
    error: 'INVALID_CHARACTERS',
  },
];

describe('bad input on every endpoint', () => {
  it('is answered with a clear 4xx and field messages, never a 500', async () => {
    for (const c of cases()) {
      const response = await c.call();
      const body = response.json() as { error: string; fields?: Record<string, string>; message: string };
      expect({ name: c.name, status: response.statusCode, error: body.error }).toEqual({ name: c.name, status: c.status, error: c.error });
      expect(body.message.length).toBeGreaterThan(0);
      if (c.fields) expect({ name: c.name, fields: body.fields }).toEqual({ name: c.name, fields: c.fields });
    }
  });
});

describe('attachments', () => {
  async function upload(
    files: Array<{ name: string; data: Buffer; contentType?: string }>,
    fields: Record<string, unknown> = { body: 'Прикладываю снимок экрана' },
  ) {
    const body = multipart(fields, files);
    return consultant.request('POST', `/api/requests/${requestId}/replies`, body.payload, body.headers);
  }

  it('stores images and PDF recognised from their bytes and serves them as downloads', async () => {
    const response = await upload([
      { name: 'Скриншот журнала.png', data: PNG, contentType: 'text/html' },
      { name: 'инструкция', data: PDF },
    ]);
    expect(response.statusCode).toBe(201);
    const attachments = response.json().timeline.at(-1).attachments as Array<{
      id: string;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      url: string;
    }>;
    expect(attachments.map((a) => [a.fileName, a.contentType, a.sizeBytes])).toEqual([
      ['Скриншот журнала.png', 'image/png', PNG.length],
      ['инструкция.pdf', 'application/pdf', PDF.length],
    ]);
    const download = await consultant.get(attachments[0]!.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="________ _______.png"; filename*=UTF-8''${encodeURIComponent('Скриншот журнала.png')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PNG)).toBe(true);
    const forRequester = await parent.get(`/api/my/requests/${requestId}/attachments/${attachments[1]!.id}`);
    expect(forRequester.headers['content-type']).toBe('application/pdf');
  });

  it('refuses a page disguised as a picture, naming the file', async () => {
    const response = await upload([{ name: 'photo.png', data: HTML, contentType: 'image/png' }]);
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({
      error: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      message: 'Файл «photo.png» не принят: можно прикладывать только изображения (PNG, JPEG, WebP, GIF) и PDF.',
    });
  });

  it('refuses more than 5 files and files over 10 MB, storing nothing', async () => {
    const before = (await consultant.get(`/api/requests/${requestId}`)).json().timeline.length;
    const six = await upload(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, data: PNG })));
    expect(six.statusCode).toBe(400);
    expect(six.json()).toMatchObject({ error: 'ATTACHMENT_TOO_MANY', message: 'Не больше 5 файлов в одном сообщении.' });
    const big = await upload([{ name: 'большой.pdf', data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }]);
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: 'ATTACHMENT_TOO_LARGE', message: 'Файл «большой.pdf» больше 10 МБ.' });
    expect((await consultant.get(`/api/requests/${requestId}`)).json().timeline.length).toBe(before);
  });

  it('takes a whole JSON body in a `data` field next to the files, and rejects a broken one', async () => {
    const body = multipart(
      {
        data: {
          subject: 'Файл не открывается у учеников',
          description: 'Прикрепляю к домашке файл презентации, а ученики пишут, что он не открывается.',
        },
      },
      [{ name: 'dz.pdf', data: PDF }],
    );
    const created = await parent.request('POST', '/api/requests', body.payload, body.headers);
    expect(created.statusCode).toBe(201);
    expect(created.json().timeline[0].attachments[0].fileName).toBe('dz.pdf');
    const broken = multipart({ data: '{"subject": ' });
    const response = await parent.request('POST', '/api/requests', broken.payload, broken.headers);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('INVALID_JSON');
    const unclear = multipart({ subject: 'Ой' }, [{ name: 'a.png', data: PNG }]);
    expect((await parent.request('POST', '/api/requests', unclear.payload, unclear.headers)).json().error).toBe('REQUEST_WORDING_UNCLEAR');
  });

  it('accepts a file alone as a message', async () => {
    const body = multipart({}, [{ name: 'a.gif', data: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1') }]);
    const response = await parent.request('POST', `/api/my/requests/${requestId}/replies`, body.payload, body.headers);
    expect(response.statusCode).toBe(201);
    expect(response.json().timeline.at(-1)).toMatchObject({
      type: 'requester_reply',
      body: null,
      attachments: [{ contentType: 'image/gif' }],
    });
  });
});
