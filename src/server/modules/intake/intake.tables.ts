/**
 * Kysely table types of migration 0004_intake.sql. The intake repository adds them to the shared
 * database type with `db.withTables<IntakeTables>()`, so no other module sees these tables (type aliases, not
 * interfaces: withTables needs index signatures).
 */
import type { ColumnType } from 'kysely';

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type IntakeConsentTextsTable = {
  organizationId: string;
  version: string;
  text: string;
  createdAt: GeneratedTimestamp;
  createdBy: string | null;
};

export type IntakePowKeysTable = {
  id: number;
  secret: Buffer;
  createdAt: GeneratedTimestamp;
};

export type IntakePowSpentTable = {
  challengeId: string;
  organizationId: string;
  idempotencyKey: string;
  expiresAt: Timestamp;
  createdAt: GeneratedTimestamp;
};

export type IntakeTables = {
  intakeConsentTexts: IntakeConsentTextsTable;
  intakePowKeys: IntakePowKeysTable;
  intakePowSpent: IntakePowSpentTable;
};
