/** Request and query schemas of the request engine's routes (TypeBox; the messages come from the error handler). */
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { NUMBER_PREFIX_PATTERN } from '../../../domain/requests/numbering.ts';
import { STATUSES } from '../../../domain/requests/lifecycle.ts';
import { CHANNELS, REJECT_REASONS, REQUEST_TYPES, REQUESTER_KINDS } from '../../../domain/requests/taxonomy.ts';
import { Email, Uuid } from '../../http/common.schemas.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ChannelSchema = Type.Enum(CHANNELS);
export const RequestTypeSchema = Type.Enum(REQUEST_TYPES);
export const RequesterKindSchema = Type.Enum(REQUESTER_KINDS);
export const StatusSchema = Type.Enum(STATUSES);
export const RejectReasonSchema = Type.Enum(REJECT_REASONS);
export const ViewSchema = Type.Enum(['mine', 'unassigned', 'open', 'overdue', 'waiting', 'all'] as const);
export const DeskActionSchema = Type.Enum(['start', 'request_clarification', 'resolve', 'close', 'reopen', 'reject'] as const);

const Subject = Type.String({ minLength: 1, maxLength: 200 });
const LongText = Nullable(Type.String({ maxLength: 10_000 }));
const Phone = Nullable(Type.String({ maxLength: 40, pattern: '^[0-9+()\\-\\s]{3,40}$' }));
const ChildClass = Nullable(Type.String({ maxLength: 20 }));
const IdempotencyKey = Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' });

const Wording = {
  subject: Subject,
  whatDid: Type.Optional(LongText),
  expected: Type.Optional(LongText),
  happened: Type.Optional(LongText),
  description: Type.Optional(LongText),
};

export const OwnRequestBody = Type.Object(
  {
    ...Wording,
    type: Type.Optional(RequestTypeSchema),
    categoryId: Type.Optional(Nullable(Uuid)),
    childClass: Type.Optional(ChildClass),
    phone: Type.Optional(Phone),
    idempotencyKey: Type.Optional(IdempotencyKey),
  },
  { additionalProperties: false },
);

export const IntakeBody = Type.Object(
  {
    ...Wording,
    organizationId: Type.Optional(Uuid),
    channel: ChannelSchema,
    requester: Type.Object(
      {
        kind: RequesterKindSchema,
        userId: Type.Optional(Nullable(Uuid)),
        name: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
        email: Type.Optional(Nullable(Email)),
        phone: Type.Optional(Phone),
      },
      { additionalProperties: false },
    ),
    childClass: Type.Optional(ChildClass),
    categoryId: Type.Optional(Nullable(Uuid)),
    type: Type.Optional(RequestTypeSchema),
    receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
    assignToMe: Type.Optional(Type.Boolean()),
    assigneeId: Type.Optional(Nullable(Uuid)),
    idempotencyKey: Type.Optional(IdempotencyKey),
  },
  { additionalProperties: false },
);

/** The public web form's body (for the public routes; consent is a separate, explicit field). */
export const PublicRequestBody = Type.Object(
  {
    ...Wording,
    requester: Type.Object(
      {
        kind: RequesterKindSchema,
        name: Type.String({ minLength: 1, maxLength: 200 }),
        email: Type.Optional(Nullable(Email)),
        phone: Type.Optional(Phone),
      },
      { additionalProperties: false },
    ),
    childClass: Type.Optional(ChildClass),
    categoryId: Type.Optional(Nullable(Uuid)),
    type: Type.Optional(RequestTypeSchema),
    consent: Type.Object({ given: Type.Boolean(), version: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false }),
    idempotencyKey: Type.Optional(IdempotencyKey),
  },
  { additionalProperties: false },
);

export const AssignmentBody = Type.Object({ assigneeId: Nullable(Uuid) }, { additionalProperties: false });

export const TransitionBody = Type.Object(
  { action: DeskActionSchema, body: Type.Optional(LongText), reason: Type.Optional(Nullable(RejectReasonSchema)) },
  { additionalProperties: false },
);

export const RequesterTransitionBody = Type.Object(
  { action: Type.Enum(['reopen', 'close'] as const), body: Type.Optional(LongText) },
  { additionalProperties: false },
);

export const LegalExtensionBody = Type.Object({ reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });

export const MessageBody = Type.Object({ body: Type.Optional(LongText) }, { additionalProperties: false });

export const ClassificationBody = Type.Object(
  {
    categoryId: Type.Optional(Nullable(Uuid)),
    type: Type.Optional(RequestTypeSchema),
    subject: Type.Optional(Subject),
    channel: Type.Optional(ChannelSchema),
    requesterKind: Type.Optional(RequesterKindSchema),
    childClass: Type.Optional(ChildClass),
  },
  { additionalProperties: false, minProperties: 1 },
);

const Limit = Type.Integer({ minimum: 1, maximum: 100 });
const Offset = Type.Integer({ minimum: 0, maximum: 1_000_000 });

export const QueueQuery = Type.Object(
  {
    organizationId: Type.Optional(Uuid),
    view: Type.Optional(ViewSchema),
    status: Type.Optional(Type.Array(StatusSchema, { maxItems: 6 })),
    categoryId: Type.Optional(Uuid),
    channel: Type.Optional(ChannelSchema),
    requesterKind: Type.Optional(RequesterKindSchema),
    assigneeId: Type.Optional(Uuid),
    type: Type.Optional(RequestTypeSchema),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    sort: Type.Optional(Type.Enum(['due', 'created', '-created'] as const)),
    limit: Type.Optional(Limit),
    offset: Type.Optional(Offset),
  },
  { additionalProperties: false },
);

export const OrgQuery = Type.Object({ organizationId: Type.Optional(Uuid) }, { additionalProperties: false });
export const PageQuery = Type.Object({ limit: Type.Optional(Limit), offset: Type.Optional(Offset) }, { additionalProperties: false });
export const RequesterSearchQuery = Type.Object(
  { q: Type.String({ minLength: 2, maxLength: 100 }), organizationId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid }, { additionalProperties: false });
export const CategoryParams = Type.Object({ id: Uuid, categoryId: Uuid }, { additionalProperties: false });

export const DeskPatchBody = Type.Object(
  {
    numberPrefix: Type.Optional(Type.String({ pattern: NUMBER_PREFIX_PATTERN })),
    termUnit: Type.Optional(Type.Enum(['calendar_days', 'working_days'] as const)),
    reviewTermDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    moveToNextWorkingDay: Type.Optional(Type.Boolean()),
    pauseWhileWaiting: Type.Optional(Type.Boolean()),
    autoCloseDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    reopenWindowDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    reminderLeadHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })),
    anonymizeAfterDays: Type.Optional(Type.Integer({ minimum: 30, maximum: 3650 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CategoryListQuery = Type.Object({ includeInactive: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const NewCategoryBody = Type.Object(
  {
    parentId: Type.Optional(Nullable(Uuid)),
    code: Type.Optional(Type.String({ pattern: '^[A-Za-zА-ЯЁа-яё0-9._-]{1,20}$' })),
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    defaultType: Type.Optional(Nullable(RequestTypeSchema)),
  },
  { additionalProperties: false },
);
export const CategoryPatchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    isActive: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    defaultType: Type.Optional(Nullable(RequestTypeSchema)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const NotificationQuery = Type.Object(
  { unreadOnly: Type.Optional(Type.Boolean()), limit: Type.Optional(Limit), offset: Type.Optional(Offset) },
  { additionalProperties: false },
);
