/**
 * How a table's rows are matched to one person (152-FZ export and erasure): by e-mail as stored,
 * by account id, or by a phone number's key — its last ten digits (domain/personal-data.ts),
 * computed here in SQL from the number however it was written.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { anyOf } from './json-params.ts';

export interface PersonMatch {
  emails: readonly string[];
  /** Phone keys (`phoneKey` of domain/personal-data.ts). */
  phoneKeys: readonly string[];
  userIds: readonly string[];
}

/** Who is meant, and where: rows of one organisation, or of any when null. */
export interface PersonCriteria extends PersonMatch {
  organizationId: string | null;
}

/** Whether the criteria name anyone at all (none would match nothing: no need to ask). */
export function namesSomeone(criteria: PersonMatch): boolean {
  return criteria.emails.length + criteria.phoneKeys.length + criteria.userIds.length > 0;
}

/** The condition "this row is about the person": any of the criteria given matches its columns. */
export function matchesPerson<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: { email: string; userId: string; phone: string },
  criteria: PersonMatch,
): Expression<SqlBool> {
  const phoneKey = sql<string>`right(regexp_replace(${sql.ref(columns.phone)}, '[^0-9]', '', 'g'), 10)`;
  return eb.or([
    ...(criteria.emails.length > 0 ? [eb(sql.ref<string>(columns.email), '=', anyOf(criteria.emails, 'text'))] : []),
    ...(criteria.userIds.length > 0 ? [eb(sql.ref<string>(columns.userId), '=', anyOf(criteria.userIds))] : []),
    ...(criteria.phoneKeys.length > 0 ? [eb(phoneKey, '=', anyOf(criteria.phoneKeys, 'text'))] : []),
  ]);
}
