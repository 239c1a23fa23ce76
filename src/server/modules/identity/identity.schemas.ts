import { Type } from '@fastify/type-provider-typebox';
import { Email, RoleSchema, Uuid } from '../../http/common.schemas.ts';

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const PasswordResetRequestBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }) },
  { additionalProperties: false },
);
export const PasswordResetBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const SwitchBody = Type.Object({ membershipId: Uuid }, { additionalProperties: false });
export const LocaleBody = Type.Object({ locale: Type.Union([Type.Literal('ru'), Type.Literal('en')]) }, { additionalProperties: false });

const Membership = Type.Object({
  id: Type.String(),
  role: RoleSchema,
  organizationId: Type.String(),
  organizationPath: Type.Array(Type.String()),
  organizationName: Type.String(),
  organizationShortName: Type.String(),
  organizationKind: Type.String(),
  organizationSlug: Type.String(),
  organizationTimeZone: Type.String(),
});
export const MeResponse = Type.Object({
  user: Type.Object({ id: Type.String(), email: Type.String(), fullName: Type.String(), locale: Type.String() }),
  membership: Type.Union([Membership, Type.Null()]),
  memberships: Type.Array(Membership),
  navigation: Type.Array(Type.String()),
  csrfToken: Type.String(),
});

export const UserListQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export const NewUserBody = Type.Object(
  {
    email: Email,
    fullName: Type.String({ minLength: 2, maxLength: 200 }),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    password: Type.Optional(Type.String({ maxLength: 200 })),
    locale: Type.Optional(Type.Union([Type.Literal('ru'), Type.Literal('en')])),
    organizationId: Uuid,
    role: RoleSchema,
  },
  { additionalProperties: false },
);
export const UserPatchBody = Type.Object(
  {
    fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    isActive: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const NewMembershipBody = Type.Object({ organizationId: Uuid, role: RoleSchema }, { additionalProperties: false });
