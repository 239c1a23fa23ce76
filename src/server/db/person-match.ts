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
  /**
   * Match by e-mail and phone only in these organisations (ids still match anywhere). For a
   * person's own export: the address of an account is nobody's proof, so it must not open the
   * requests filed with it at schools the account does not belong to.
   */
  contactsIn?: readonly string[] | undefined;
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
  columns: { email: string; userId: string; phone: string; organizationId?: string },
  criteria: PersonMatch,
): Expression<SqlBool> {
  const phoneKey = sql<string>`right(regexp_replace(${sql.ref(columns.phone)}, '[^0-9]', '', 'g'), 10)`;
  const contacts = [
    ...(criteria.emails.length > 0 ? [eb(sql.ref<string>(columns.email), '=', anyOf(criteria.emails, 'text'))] : []),
    ...(criteria.phoneKeys.length > 0 ? [eb(phoneKey, '=', anyOf(criteria.phoneKeys, 'text'))] : []),
  ];
  const { contactsIn } = criteria;
  if (contactsIn && !columns.organizationId) throw new Error('matchesPerson: contactsIn needs the organisation column');
  const scoped =
    contactsIn && columns.organizationId && contacts.length > 0
      ? [eb.and([eb.or(contacts), eb(sql.ref<string>(columns.organizationId), '=', anyOf(contactsIn))])]
      : contacts;
  return eb.or([...scoped, ...(criteria.userIds.length > 0 ? [eb(sql.ref<string>(columns.userId), '=', anyOf(criteria.userIds))] : [])]);
}
