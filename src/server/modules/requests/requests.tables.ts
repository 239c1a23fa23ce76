/** Kysely table types of migration 0003_requests.sql (registered in src/server/db/schema.ts). */
import type { ColumnType, Generated } from 'kysely';
import type { ActorKind, RequestStatus } from '../../../domain/requests/lifecycle.ts';
import type { AttachmentType } from '../../../domain/requests/attachments.ts';
import type { DeadlineKind, LegalBasis } from '../../../domain/requests/deadlines.ts';
import type { Channel, RejectReason, RequestType, RequesterKind } from '../../../domain/requests/taxonomy.ts';

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type TermUnitColumn = 'calendar_days' | 'working_days';

export interface RequestDesksTable {
  organizationId: string;
  numberPrefix: string;
  termUnit: Generated<TermUnitColumn>;
  reviewTermDays: Generated<number>;
  moveToNextWorkingDay: Generated<boolean>;
  pauseWhileWaiting: Generated<boolean>;
  autoCloseDays: Generated<number>;
  reopenWindowDays: Generated<number>;
  reminderLeadHours: Generated<number>;
  anonymizeAfterDays: Generated<number>;
  updatedAt: GeneratedTimestamp;
  updatedBy: string | null;
}

export interface RequestNumberCountersTable {
  organizationId: string;
  year: number;
  lastValue: number;
}

export interface RequestCategoriesTable {
  id: Generated<string>;
  organizationId: string;
  parentId: string | null;
  code: string;
  name: string;
  defaultType: RequestType | null;
  position: Generated<number>;
  isActive: Generated<boolean>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface RequestsTable {
  id: Generated<string>;
  organizationId: string;
  number: string;
  year: number;
  sequence: number;
  channel: Channel;
  type: RequestType;
  categoryId: string | null;
  subject: string;
  whatDid: string | null;
  expected: string | null;
  happened: string | null;
  description: string | null;
  requesterKind: RequesterKind;
  requesterUserId: string | null;
  requesterName: string;
  requesterEmail: string | null;
  requesterPhone: string | null;
  requesterLocale: Generated<'ru' | 'en'>;
  childClass: string | null;
  status: Generated<RequestStatus>;
  assigneeUserId: string | null;
  receivedAt: Timestamp;
  registeredAt: Timestamp;
  reviewStartAt: Timestamp;
  reviewDueAt: Timestamp;
  legalDueAt: NullableTimestamp;
  legalBasis: LegalBasis | null;
  /** When the legal answer term was extended (once; domain/requests/deadlines.ts). */
  legalExtendedAt: NullableTimestamp;
  /**
   * When the legal answer term was met: the first resolution on or before it (migration 0010). A
   * met legal deadline no longer counts for a reopened request.
   */
  legalMetAt: NullableTimestamp;
  registrationDueAt: NullableTimestamp;
  dueAt: Timestamp;
  pausedSince: NullableTimestamp;
  firstResponseAt: NullableTimestamp;
  resolvedAt: NullableTimestamp;
  closedAt: NullableTimestamp;
  rejectedAt: NullableTimestamp;
  rejectReason: RejectReason | null;
  rejectComment: string | null;
  resolution: string | null;
  consentAt: NullableTimestamp;
  consentVersion: string | null;
  idempotencyKey: string | null;
  sourceMessageId: string | null;
  anonymizedAt: NullableTimestamp;
  createdByUserId: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface RequestStatusTokensTable {
  tokenHash: string;
  requestId: string;
  organizationId: string;
  createdAt: GeneratedTimestamp;
}

export interface RequestPausesTable {
  id: Generated<number>;
  requestId: string;
  organizationId: string;
  startedAt: Timestamp;
  endedAt: NullableTimestamp;
}

export type EventVisibility = 'public' | 'internal';

export interface RequestEventsTable {
  id: Generated<number>;
  requestId: string;
  organizationId: string;
  type: string;
  actorKind: ActorKind;
  actorUserId: string | null;
  actorName: string | null;
  body: string | null;
  visibility: EventVisibility;
  metadata: ColumnType<Record<string, unknown>, string | undefined, string>;
  createdAt: GeneratedTimestamp;
}

export interface RequestAttachmentsTable {
  id: Generated<string>;
  requestId: string;
  organizationId: string;
  eventId: number;
  fileName: string;
  contentType: AttachmentType;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
  createdAt: GeneratedTimestamp;
}

export interface RequestDeadlineAlertsTable {
  requestId: string;
  organizationId: string;
  kind: 'reminder' | 'escalation';
  /** Which deadline of the request the alert was for (migration 0010). */
  deadline: Generated<DeadlineKind>;
  dueAt: Timestamp;
  createdAt: GeneratedTimestamp;
}

/** One destruction of requests' personal data: a nightly batch or a person's demand (migration 0008). */
export interface RequestErasuresTable {
  id: Generated<number>;
  organizationId: string;
  erasedAt: Timestamp;
  reason: 'retention' | 'subject_request';
  actorUserId: string | null;
  /** The actor's role when they ran it. */
  actorRole: string | null;
  numbers: string[];
  emailsDeleted: number;
  retentionDays: number | null;
}

export interface RequestTables {
  requestDesks: RequestDesksTable;
  requestNumberCounters: RequestNumberCountersTable;
  requestCategories: RequestCategoriesTable;
  requests: RequestsTable;
  requestStatusTokens: RequestStatusTokensTable;
  requestPauses: RequestPausesTable;
  requestEvents: RequestEventsTable;
  requestAttachments: RequestAttachmentsTable;
  requestDeadlineAlerts: RequestDeadlineAlertsTable;
  requestErasures: RequestErasuresTable;
}
