import { Type } from '@fastify/type-provider-typebox';
import { contextOf } from '../../http/auth.ts';
import { IdParams, Ok, Uuid } from '../../http/common.schemas.ts';
import type { App, RouteOptions } from '../../http/types.ts';
import * as service from './calendar.service.ts';

const WeekKind = Type.Union([Type.Literal('five_day'), Type.Literal('six_day')]);
/** A day of the years a calendar can hold (1990–2100, as the tables' check). */
const IsoDate = Type.String({ pattern: '^(199\\d|20\\d\\d|2100)-\\d{2}-\\d{2}$', format: 'date' });
const WeekQuery = Type.Object({ weekKind: Type.Optional(WeekKind) }, { additionalProperties: false });
const YearParams = Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) }, { additionalProperties: false });

export async function calendarRoutes(app: App, { deps }: RouteOptions): Promise<void> {
  app.get('/api/calendar/warnings', { schema: { tags: ['calendar'] } }, async (request) =>
    service.calendarWarnings(deps, contextOf(request)),
  );

  app.get('/api/calendar/years', { schema: { tags: ['calendar'], querystring: WeekQuery } }, async (request) =>
    service.listCalendarYears(deps, contextOf(request), request.query.weekKind ?? 'five_day'),
  );

  app.get('/api/calendar/years/:year', { schema: { tags: ['calendar'], params: YearParams, querystring: WeekQuery } }, async (request) =>
    service.getYearGrid(deps, contextOf(request), request.query.weekKind ?? 'five_day', request.params.year),
  );

  app.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags: ['calendar'],
        params: Type.Object({ date: IsoDate }, { additionalProperties: false }),
        body: Type.Object(
          {
            weekKind: WeekKind,
            setting: Type.Union([Type.Literal('working'), Type.Literal('short'), Type.Literal('holiday'), Type.Literal('default')]),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => service.setCalendarDay(deps, contextOf(request), { ...request.body, date: request.params.date }),
  );

  app.post(
    '/api/calendar/import',
    {
      schema: {
        tags: ['calendar'],
        body: Type.Object(
          {
            content: Type.String({ minLength: 1, maxLength: 500_000 }),
            format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xml'), Type.Literal('auto')])),
            dryRun: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      service.importCalendarYear(deps, contextOf(request), {
        content: request.body.content,
        format: request.body.format ?? 'auto',
        dryRun: request.body.dryRun ?? false,
      }),
  );

  app.get('/api/organizations/:id/calendar', { schema: { tags: ['calendar'], params: IdParams } }, async (request) =>
    service.getOrganizationCalendarSettings(deps, contextOf(request), request.params.id),
  );

  app.put(
    '/api/organizations/:id/calendar',
    { schema: { tags: ['calendar'], params: IdParams, body: Type.Object({ weekKind: WeekKind }, { additionalProperties: false }) } },
    async (request) => service.setOrganizationWeekKind(deps, contextOf(request), request.params.id, request.body.weekKind),
  );

  app.post(
    '/api/organizations/:id/closures',
    {
      schema: {
        tags: ['calendar'],
        params: IdParams,
        body: Type.Object({ date: IsoDate, reason: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => reply.status(201).send(await service.addClosure(deps, contextOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/closures/:id',
    { schema: { tags: ['calendar'], params: Type.Object({ id: Uuid }, { additionalProperties: false }), response: { 200: Ok } } },
    async (request) => {
      await service.removeClosure(deps, contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
