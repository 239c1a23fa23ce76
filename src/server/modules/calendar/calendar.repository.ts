import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { WeekKindColumn } from '../../db/schema.ts';
import type { YearData } from '../../../domain/working-time/index.ts';

export function calendarRevision(db: Executor) {
  return db.selectFrom('calendarRevision').select('revision').where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function bumpRevision(db: Executor): Promise<void> {
  await db
    .updateTable('calendarRevision')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

export function listYears(db: Executor, weekKind: WeekKindColumn, country = 'ru') {
  return db
    .selectFrom('productionCalendarYears')
    .select(['year', 'weekKind', 'holidays', 'workingWeekends', 'shortDays', 'source', 'origin', 'updatedAt'])
    .where('country', '=', country)
    .where('weekKind', '=', weekKind)
    .orderBy('year')
    .execute();
}

export function findYear(db: Executor, weekKind: WeekKindColumn, year: number, country = 'ru') {
  return db
    .selectFrom('productionCalendarYears')
    .select(['year', 'weekKind', 'holidays', 'workingWeekends', 'shortDays', 'source', 'origin', 'updatedAt'])
    .where('country', '=', country)
    .where('weekKind', '=', weekKind)
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirst();
}

export async function upsertYear(
  db: Executor,
  row: {
    weekKind: WeekKindColumn;
    year: number;
    data: YearData;
    source: string;
    origin: 'shipped' | 'imported' | 'edited';
    updatedBy: string | null;
  },
  onlyIfMissing = false,
): Promise<boolean> {
  const values = {
    country: 'ru',
    weekKind: row.weekKind,
    year: row.year,
    holidays: [...row.data.holidays],
    workingWeekends: [...row.data.workingWeekends],
    shortDays: [...row.data.shortDays],
    source: row.source,
    origin: row.origin,
    updatedBy: row.updatedBy,
  };
  const result = await db
    .insertInto('productionCalendarYears')
    .values(values)
    .onConflict((oc) =>
      onlyIfMissing
        ? oc.columns(['country', 'weekKind', 'year']).doNothing()
        : oc.columns(['country', 'weekKind', 'year']).doUpdateSet({
            holidays: values.holidays,
            workingWeekends: values.workingWeekends,
            shortDays: values.shortDays,
            source: values.source,
            origin: values.origin,
            updatedBy: values.updatedBy,
            updatedAt: sql`now()`,
          }),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function organizationCalendar(db: Executor, organizationId: string) {
  return db
    .selectFrom('organizationCalendars')
    .select(['weekKind', 'country'])
    .where('organizationId', '=', organizationId)
    .executeTakeFirst();
}

export async function setOrganizationWeekKind(db: Executor, organizationId: string, weekKind: WeekKindColumn): Promise<void> {
  await db
    .insertInto('organizationCalendars')
    .values({ organizationId, weekKind })
    .onConflict((oc) => oc.column('organizationId').doUpdateSet({ weekKind, updatedAt: sql`now()` }))
    .execute();
}

/** Closures of the organisation and of its ancestors (a municipality's quarantine closes its schools). */
export function closuresFor(db: Executor, organizationPath: string[]) {
  return db
    .selectFrom('calendarClosures')
    .select(['id', 'organizationId', 'day', 'reason', 'createdAt'])
    .where('organizationId', 'in', organizationPath)
    .orderBy('day')
    .execute();
}

export function insertClosure(db: Executor, row: { organizationId: string; day: string; reason: string; createdBy: string | null }) {
  return db
    .insertInto('calendarClosures')
    .values(row)
    .onConflict((oc) => oc.columns(['organizationId', 'day']).doNothing())
    .returning(['id', 'organizationId', 'day', 'reason', 'createdAt'])
    .executeTakeFirst();
}

export function findClosure(db: Executor, id: string) {
  return db.selectFrom('calendarClosures').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteClosure(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('calendarClosures').where('id', '=', id).execute();
}
