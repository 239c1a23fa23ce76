/** The intake module's own tables (consent texts, proof-of-work key and spent challenges): Kysely only. */
import type { Executor } from '../../db/database.ts';
import type { IntakeTables } from './intake.tables.ts';

const tables = (db: Executor) => db.withTables<IntakeTables>();

export function currentConsentText(db: Executor, organizationId: string) {
  return tables(db)
    .selectFrom('intakeConsentTexts')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .orderBy('createdAt', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function listConsentTexts(db: Executor, organizationId: string) {
  return tables(db)
    .selectFrom('intakeConsentTexts')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .orderBy('createdAt', 'desc')
    .execute();
}

export function findConsentText(db: Executor, organizationId: string, version: string) {
  return tables(db)
    .selectFrom('intakeConsentTexts')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function countConsentTexts(db: Executor, organizationId: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('intakeConsentTexts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organizationId', '=', organizationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertConsentText(
  db: Executor,
  row: { organizationId: string; version: string; text: string; createdBy: string | null; createdAt: Date },
) {
  return tables(db).insertInto('intakeConsentTexts').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The installation's signing key, created by whichever process asks first. */
export async function powSecret(db: Executor, candidate: Buffer): Promise<Buffer> {
  await tables(db)
    .insertInto('intakePowKeys')
    .values({ id: 1, secret: candidate })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await tables(db).selectFrom('intakePowKeys').select('secret').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.secret;
}

/**
 * Records a challenge as spent. Returns the submission key it was first spent with: the given
 * key when this call spent it, another key when it had been spent by another submission.
 */
export async function spendChallenge(
  db: Executor,
  row: { challengeId: string; organizationId: string; idempotencyKey: string; expiresAt: Date },
): Promise<string> {
  const inserted = await tables(db)
    .insertInto('intakePowSpent')
    .values(row)
    .onConflict((oc) => oc.column('challengeId').doNothing())
    .returning('idempotencyKey')
    .executeTakeFirst();
  if (inserted) return inserted.idempotencyKey;
  const existing = await tables(db)
    .selectFrom('intakePowSpent')
    .select('idempotencyKey')
    .where('challengeId', '=', row.challengeId)
    .executeTakeFirstOrThrow();
  return existing.idempotencyKey;
}

export async function deleteExpiredChallenges(db: Executor, now: Date): Promise<void> {
  await tables(db).deleteFrom('intakePowSpent').where('expiresAt', '<', now).execute();
}
