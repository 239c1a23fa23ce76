import { Type } from '@fastify/type-provider-typebox';
import { contextOf } from '../../http/auth.ts';
import { IdParams, Uuid } from '../../http/common.schemas.ts';
import type { App, RouteOptions } from '../../http/types.ts';
import * as service from './organizations.service.ts';

const Kind = Type.Union([Type.Literal('region'), Type.Literal('municipality'), Type.Literal('school'), Type.Literal('support_service')]);
const OptionalText = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const Editable = {
  name: Type.String({ minLength: 2, maxLength: 300 }),
  shortName: Type.String({ minLength: 2, maxLength: 120 }),
  slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
  phone: OptionalText(40),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
  website: Type.Optional(Type.Union([Type.String({ format: 'uri', maxLength: 300 }), Type.Null()])),
  address: OptionalText(300),
  timezone: Type.Optional(Type.String({ pattern: '^[A-Za-z_]+/[A-Za-z_/+-]+$', maxLength: 60 })),
};
const NewOrganization = Type.Object(
  { ...Editable, kind: Kind, parentId: Type.Union([Uuid, Type.Null()]) },
  { additionalProperties: false },
);
const OrganizationPatch = Type.Partial(Type.Object(Editable, { additionalProperties: false }), { minProperties: 1 });

export async function organizationRoutes(app: App, { deps }: RouteOptions): Promise<void> {
  app.get('/api/organizations', { schema: { tags: ['organizations'] } }, async (request) =>
    service.listOrganizations(deps, contextOf(request)),
  );
  app.get('/api/organizations/:id', { schema: { tags: ['organizations'], params: IdParams } }, async (request) =>
    service.getOrganization(deps, contextOf(request), request.params.id),
  );
  app.post('/api/organizations', { schema: { tags: ['organizations'], body: NewOrganization } }, async (request, reply) => {
    const { phone, email, website, address, timezone, ...rest } = request.body;
    const created = await service.createOrganization(deps, contextOf(request), {
      ...rest,
      phone: phone ?? null,
      email: email ?? null,
      website: website ?? null,
      address: address ?? null,
      timezone: timezone ?? 'Europe/Moscow',
    });
    return reply.status(201).send(created);
  });
  app.patch('/api/organizations/:id', { schema: { tags: ['organizations'], params: IdParams, body: OrganizationPatch } }, async (request) =>
    service.updateOrganization(deps, contextOf(request), request.params.id, request.body),
  );
}
