import { Type } from '@fastify/type-provider-typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const RoleSchema = Type.Union([
  Type.Literal('head'),
  Type.Literal('consultant'),
  Type.Literal('staff'),
  Type.Literal('parent'),
  Type.Literal('operator'),
  Type.Literal('admin'),
]);
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const ErrorResponse = Type.Object({
  error: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  requestId: Type.String(),
});
export const Ok = Type.Object({ ok: Type.Literal(true) });
