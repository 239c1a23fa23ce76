/** Schemas of the public intake routes (/api/public/…) and of the consent-text settings. */
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { REQUESTER_KINDS } from '../../../domain/requests/taxonomy.ts';
import { Uuid } from '../../http/common.schemas.ts';
import { GOSUSLUGI_STATES, CHILD_AGES } from '../../../shared/intake-details.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Optional = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));
const Text = (maxLength: number) => Type.String({ maxLength });

export const SlugParams = Type.Object(
  { slug: Type.String({ minLength: 1, maxLength: 63, pattern: '^[a-z0-9][a-z0-9-]*$' }) },
  { additionalProperties: false },
);
export const TokenParams = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
);
export const AttachmentParams = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }), attachmentId: Uuid },
  { additionalProperties: false },
);

/** Topic-specific facts (which ones the form asks depends on the category, see intake-details.ts). */
export const DetailsSchema = Type.Object(
  {
    className: Optional(Text(20)),
    lessonSubject: Optional(Text(100)),
    lessonDate: Optional(Type.String({ format: 'date' })),
    absenceDate: Optional(Type.String({ format: 'date' })),
    gosuslugi: Optional(Type.Enum(GOSUSLUGI_STATES)),
    childAge: Optional(Type.Enum(CHILD_AGES)),
    device: Optional(Text(200)),
    errorText: Optional(Text(1000)),
    program: Optional(Text(100)),
  },
  { additionalProperties: false },
);

export const PublicRequestBody = Type.Object(
  {
    requesterKind: Type.Enum(REQUESTER_KINDS),
    name: Text(200),
    /** Checked by the service, together with the phone (at least one of them). */
    email: Optional(Text(254)),
    phone: Optional(Text(40)),
    childClass: Optional(Text(20)),
    categoryId: Optional(Uuid),
    subject: Text(200),
    whatDid: Optional(Text(4000)),
    expected: Optional(Text(4000)),
    happened: Optional(Text(4000)),
    description: Optional(Text(8000)),
    details: Type.Optional(DetailsSchema),
    consent: Type.Boolean(),
    consentVersion: Type.String({ minLength: 1, maxLength: 40 }),
    /** One key per filled-in form (a UUID made by the browser): a double submit registers once. */
    idempotencyKey: Type.String({ format: 'uuid' }),
    pow: Type.Object(
      { challenge: Type.String({ minLength: 1, maxLength: 300 }), nonce: Type.String({ minLength: 1, maxLength: 32 }) },
      { additionalProperties: false },
    ),
    /** The honeypot: hidden from people, filled in by bots. Must stay empty. */
    website: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const ReplyBody = Type.Object(
  {
    body: Optional(Text(8000)),
    /** Honeypot, as on the form. */
    website: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  { action: Type.Enum(['reopen', 'close'] as const), body: Optional(Text(8000)) },
  { additionalProperties: false },
);

export const ConsentTextBody = Type.Object({ text: Type.String({ minLength: 20, maxLength: 20_000 }) }, { additionalProperties: false });
export const OrganizationParams = Type.Object({ id: Uuid }, { additionalProperties: false });
