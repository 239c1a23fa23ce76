import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { contextOf } from '../../http/auth.ts';
import { Uuid } from '../../http/common.schemas.ts';
import type { App, RouteOptions } from '../../http/types.ts';
import {
  erasePerson,
  erasureAct,
  exportFileName,
  exportForOrganization,
  exportOwn,
  listErasures,
  type BuiltExport,
} from './privacy.service.ts';

const OrganizationParams = Type.Object({ organizationId: Uuid }, { additionalProperties: false });
/** Who is meant: an e-mail and/or a phone; empty strings (a form's blank field) mean "not given". */
const PersonQuery = Type.Object(
  {
    email: Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'email', maxLength: 254 })])),
    phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+()\\-\\s]*$' })),
  },
  { additionalProperties: false },
);

/**
 * An act's period: its first and last day (`YYYY-MM-DD`, checked by the domain for a real date);
 * neither means this month so far, where the organisation is.
 */
const PeriodQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ maxLength: 10 })),
    to: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);

/** An export answers as a file to save, never kept by a cache (it is personal data). */
function sendDocument(reply: FastifyReply, document: BuiltExport) {
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${exportFileName(document)}"`)
    .send(document);
}

export async function privacyRoutes(app: App, { deps }: RouteOptions): Promise<void> {
  app.get(
    '/api/organizations/:organizationId/personal-data',
    { schema: { tags: ['privacy'], params: OrganizationParams, querystring: PersonQuery } },
    async (request, reply) =>
      sendDocument(reply, await exportForOrganization(deps, contextOf(request), request.params.organizationId, request.query)),
  );

  app.post(
    '/api/organizations/:organizationId/personal-data/erase',
    { schema: { tags: ['privacy'], params: OrganizationParams, body: PersonQuery } },
    async (request) => erasePerson(deps, contextOf(request), request.params.organizationId, request.body),
  );

  app.get(
    '/api/organizations/:organizationId/personal-data/erasures',
    { schema: { tags: ['privacy'], params: OrganizationParams, querystring: PeriodQuery } },
    async (request) => listErasures(deps, contextOf(request), request.params.organizationId, request.query),
  );

  app.get(
    '/api/organizations/:organizationId/personal-data/erasures/act',
    { schema: { tags: ['privacy'], params: OrganizationParams, querystring: PeriodQuery } },
    async (request, reply) => {
      const act = await erasureAct(deps, contextOf(request), request.params.organizationId, request.query);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${act.fileName}"`)
        .send(act.pdf);
    },
  );

  app.get('/api/me/personal-data', { schema: { tags: ['privacy'] } }, async (request, reply) =>
    sendDocument(reply, await exportOwn(deps, contextOf(request))),
  );
}
