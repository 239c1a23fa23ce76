/**
 * Table types for Kysely (camelCase; the CamelCasePlugin maps to snake_case SQL).
 * Each module adds its tables here next to its migration.
 */
import type { ColumnType, Generated } from 'kysely';
import type { RequestTables } from '../modules/requests/requests.tables.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = unknown> = ColumnType<T, string | T | undefined, string | T>;

export type OrganizationKind = 'region' | 'municipality' | 'school' | 'support_service';
export type Role = 'head' | 'consultant' | 'staff' | 'parent' | 'operator' | 'admin';

export interface OrganizationsTable {
  id: Generated<string>;
  parentId: string | null;
  path: string[];
  kind: OrganizationKind;
  name: string;
  shortName: string;
  slug: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  timezone: Generated<string>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  fullName: string;
  phone: string | null;
  passwordHash: string | null;
  locale: Generated<'ru' | 'en'>;
  isActive: Generated<boolean>;
  failedLogins: Generated<number>;
  lockedUntil: NullableTimestamp;
  lastLoginAt: NullableTimestamp;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface MembershipsTable {
  id: Generated<string>;
  userId: string;
  organizationId: string;
  role: Role;
  createdAt: GeneratedTimestamp;
}

export interface SessionsTable {
  id: string;
  userId: string;
  membershipId: string | null;
  csrfToken: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: GeneratedTimestamp;
  lastSeenAt: GeneratedTimestamp;
  expiresAt: Timestamp;
}

export interface PasswordResetsTable {
  tokenHash: string;
  userId: string;
  createdAt: GeneratedTimestamp;
  expiresAt: Timestamp;
  usedAt: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  organizationId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Json | null;
  after: Json | null;
  ip: string | null;
  requestId: string | null;
  createdAt: GeneratedTimestamp;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: Json<Record<string, unknown>>;
  organizationId: string | null;
  dedupeKey: string | null;
  runAt: Timestamp;
  attempts: Generated<number>;
  maxAttempts: Generated<number>;
  lockedUntil: NullableTimestamp;
  lockedBy: string | null;
  lastError: string | null;
  finishedAt: NullableTimestamp;
  failedAt: NullableTimestamp;
  createdAt: GeneratedTimestamp;
}

export interface EmailOutboxTable {
  id: Generated<string>;
  organizationId: string | null;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  template: string;
  relatedType: string | null;
  relatedId: string | null;
  messageId: string | null;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: GeneratedTimestamp;
  sentAt: NullableTimestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  userId: string;
  organizationId: string | null;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  readAt: NullableTimestamp;
  createdAt: GeneratedTimestamp;
}

export type WeekKindColumn = 'five_day' | 'six_day';

export interface ProductionCalendarYearsTable {
  country: Generated<string>;
  weekKind: WeekKindColumn;
  year: number;
  holidays: ColumnType<string[], string[] | undefined, string[]>;
  workingWeekends: ColumnType<string[], string[] | undefined, string[]>;
  shortDays: ColumnType<string[], string[] | undefined, string[]>;
  source: Generated<string>;
  origin: Generated<'shipped' | 'imported' | 'edited'>;
  updatedAt: GeneratedTimestamp;
  updatedBy: string | null;
}

export interface OrganizationCalendarsTable {
  organizationId: string;
  weekKind: Generated<WeekKindColumn>;
  country: Generated<string>;
  updatedAt: GeneratedTimestamp;
}

export interface CalendarClosuresTable {
  id: Generated<string>;
  organizationId: string;
  day: string;
  reason: string;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
}

export interface CalendarRevisionTable {
  id: Generated<number>;
  revision: number;
}

export interface DB extends RequestTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  passwordResets: PasswordResetsTable;
  auditLog: AuditLogTable;
  jobs: JobsTable;
  emailOutbox: EmailOutboxTable;
  notifications: NotificationsTable;
  productionCalendarYears: ProductionCalendarYearsTable;
  organizationCalendars: OrganizationCalendarsTable;
  calendarClosures: CalendarClosuresTable;
  calendarRevision: CalendarRevisionTable;
}
