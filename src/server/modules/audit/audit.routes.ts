import { Type } from '@fastify/type-provider-typebox';
import { contextOf } from '../../http/auth.ts';
import { Uuid } from '../../http/common.schemas.ts';
import type { App, RouteOptions } from '../../http/types.ts';
import { browseAudit } from './audit.service.ts';

const AuditQuery = Type.Object(
  {
    organizationId: Type.Optional(Uuid),
    actorUserId: Type.Optional(Uuid),
    entityType: Type.Optional(Type.String({ maxLength: 60 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 60 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

export async function auditRoutes(app: App, { deps }: RouteOptions): Promise<void> {
  app.get('/api/audit', { schema: { tags: ['audit'], querystring: AuditQuery } }, async (request) =>
    browseAudit(deps, contextOf(request), request.query),
  );
}
