/**
 * Production calendars in the database (shipped years installed at start, admin-editable,
 * importable from JSON or xmlcalendar XML), each organisation's week kind and closure days, and
 * `getWorkCalendar` — the calendar every deadline in Opora is computed with.
 */
import { yearGrid } from '../../../domain/calendar/year-grid.ts';
import { diffYears, setDay, type DaySetting } from '../../../domain/calendar/year-edit.ts';
import {
  createWorkCalendar,
  deriveSixDayYear,
  SHIPPED_RU_CALENDARS,
  type WeekKind,
  type WorkCalendar,
  type YearData,
} from '../../../domain/working-time/index.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { authorize, requireMembership } from '../../http/access.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findOrganizationInternal } from '../organizations/organizations.service.ts';
import { ImportError, parseCalendarUpload } from './calendar-import.ts';
import * as repo from './calendar.repository.ts';

export interface OrganizationCalendar {
  calendar: WorkCalendar;
  timeZone: string;
  weekKind: WeekKind;
}

/** Inserts shipped years that the database does not have yet; admin edits are never overwritten. */
export async function installShippedCalendars(db: Executor): Promise<number> {
  let inserted = 0;
  for (const file of SHIPPED_RU_CALENDARS) {
    for (const [weekKind, data] of [
      ['five_day', file.week5],
      ['six_day', file.week6],
    ] as const) {
      if (await repo.upsertYear(db, { weekKind, year: file.year, data, source: file.source, origin: 'shipped', updatedBy: null }, true))
        inserted += 1;
    }
  }
  if (inserted > 0) await repo.bumpRevision(db);
  return inserted;
}

/**
 * An organisation's time zone changed (organizations module): the cached calendars, which carry
 * the zone, are stale in every process; the next read of each reloads it.
 */
export async function clocksChanged(db: Executor): Promise<void> {
  await repo.bumpRevision(db);
}

interface CacheEntry {
  revision: number;
  value: OrganizationCalendar;
}
const cache = new Map<string, CacheEntry>();
const MAX_CACHE = 5_000;

/**
 * The organisation's working calendar: production calendar of its week kind, plus closure days
 * of the organisation and its ancestors. Cached per process until any calendar edit (one
 * primary-key read per call checks the revision).
 */
export async function getWorkCalendar(deps: Deps, organizationId: string): Promise<OrganizationCalendar> {
  const calendar = (await getWorkCalendars(deps, [organizationId])).get(organizationId);
  if (!calendar) throw new AppError('NOT_FOUND');
  return calendar;
}

/** `getWorkCalendar` for several organisations with one revision check; unknown ones are left out. */
export async function getWorkCalendars(deps: Deps, organizationIds: readonly string[]): Promise<Map<string, OrganizationCalendar>> {
  const { revision } = await repo.calendarRevision(deps.db);
  const result = new Map<string, OrganizationCalendar>();
  for (const id of organizationIds) {
    if (result.has(id)) continue;
    const cached = cache.get(id);
    const calendar = cached && cached.revision === revision ? cached.value : await loadWorkCalendar(deps, id, revision);
    if (calendar) result.set(id, calendar);
  }
  return result;
}

async function loadWorkCalendar(deps: Deps, organizationId: string, revision: number): Promise<OrganizationCalendar | null> {
  const org = await findOrganizationInternal(deps, organizationId);
  if (!org) return null;
  const weekKind = (await repo.organizationCalendar(deps.db, organizationId))?.weekKind ?? 'five_day';
  const rows = await repo.listYears(deps.db, weekKind);
  const closures = (await repo.closuresFor(deps.db, org.path)).map((c) => c.day);
  const calendar = createWorkCalendar({
    weekKind,
    years: Object.fromEntries(rows.map((row) => [row.year, toYearData(row)])),
    closures,
    onFallbackYear: (year) =>
      deps.log.warn({ organizationId, year, weekKind }, 'no production calendar for this year: plain weekends used'),
  });
  const value = { calendar, timeZone: org.timezone, weekKind };
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(organizationId, { revision, value });
  return value;
}

function toYearData(row: { holidays: string[]; workingWeekends: string[]; shortDays: string[] }): YearData {
  return { holidays: row.holidays, workingWeekends: row.workingWeekends, shortDays: row.shortDays };
}

/** Missing production-calendar years around `now` — shown to admins as a warning, never silent. */
export async function calendarWarnings(deps: Deps, ctx: RequestContext) {
  authorize(ctx, 'calendar.read', requireMembership(ctx).membership.organizationPath);
  const year = deps.clock.now().getUTCFullYear();
  const warnings: Array<{ weekKind: WeekKind; year: number }> = [];
  for (const weekKind of ['five_day', 'six_day'] as const) {
    const have = new Set((await repo.listYears(deps.db, weekKind)).map((r) => r.year));
    for (const y of [year, year + 1]) if (!have.has(y)) warnings.push({ weekKind, year: y });
  }
  return { warnings };
}

export async function listCalendarYears(deps: Deps, ctx: RequestContext, weekKind: WeekKind) {
  authorize(ctx, 'calendar.read', requireMembership(ctx).membership.organizationPath);
  const rows = await repo.listYears(deps.db, weekKind);
  return rows.map((row) => ({ year: row.year, source: row.source, origin: row.origin, updatedAt: row.updatedAt }));
}

/** The 12-month grid of a production-calendar year (no closures: those are per school). */
export async function getYearGrid(deps: Deps, ctx: RequestContext, weekKind: WeekKind, year: number) {
  authorize(ctx, 'calendar.read', requireMembership(ctx).membership.organizationPath);
  const row = await repo.findYear(deps.db, weekKind, year);
  const calendar = createWorkCalendar({ weekKind, years: row ? { [year]: toYearData(row) } : {} });
  return {
    weekKind,
    source: row?.source ?? null,
    origin: row?.origin ?? null,
    updatedAt: row?.updatedAt ?? null,
    missing: !row,
    ...yearGrid(calendar, year),
  };
}

/** The production calendar is shared reference data: only an admin of a top-level organisation edits it. */
function authorizeCalendarEdit(ctx: RequestContext) {
  const { membership } = requireMembership(ctx);
  const root = membership.organizationPath.slice(0, 1);
  if (membership.organizationPath.length !== 1) throw new AppError('FORBIDDEN');
  return authorize(ctx, 'calendar.manage', root);
}

export async function setCalendarDay(deps: Deps, ctx: RequestContext, input: { weekKind: WeekKind; date: string; setting: DaySetting }) {
  const membership = authorizeCalendarEdit(ctx);
  const year = Number(input.date.slice(0, 4));
  await deps.db.transaction().execute(async (tx) => {
    const row = await repo.findYear(tx, input.weekKind, year);
    // A five-day year is the government's decree: one edited day must not stand in for a year
    // with no data (the warning about the missing year would go, and a shipped year would no
    // longer be installed over it). The six-day year follows from the Labour Code alone.
    if (!row && input.weekKind === 'five_day')
      throw new AppError('CONFLICT', { messageKey: 'calendar.error.yearMissing', params: { year } });
    const before = row ? toYearData(row) : base(input.weekKind, year);
    const after = setDay(before, input.weekKind, input.date, input.setting);
    await repo.upsertYear(tx, {
      weekKind: input.weekKind,
      year,
      data: after,
      source: row?.source ?? 'manual',
      origin: 'edited',
      updatedBy: ctx.actor?.userId ?? null,
    });
    await repo.bumpRevision(tx);
    await recordAudit(tx, ctx, {
      organizationId: membership.organizationId,
      action: 'calendar.day_set',
      entityType: 'production_calendar',
      entityId: `${input.weekKind}:${year}`,
      before: { date: input.date, ...before },
      after: { date: input.date, setting: input.setting, ...after },
    });
  });
  return getYearGrid(deps, ctx, input.weekKind, year);
}

function base(weekKind: WeekKind, year: number): YearData {
  return weekKind === 'six_day' ? deriveSixDayYear(year) : { holidays: [], workingWeekends: [], shortDays: [] };
}

export interface ImportInput {
  content: string;
  format: 'json' | 'xml' | 'auto';
  dryRun: boolean;
}

/**
 * Imports one year. The five-day week comes from the file; the six-day week from the file when
 * it has one, otherwise derived from Labour Code art. 112 (transfer decrees do not apply to it).
 */
export async function importCalendarYear(deps: Deps, ctx: RequestContext, input: ImportInput) {
  const membership = authorizeCalendarEdit(ctx);
  let parsed;
  try {
    parsed = await parseCalendarUpload(input.content, input.format);
  } catch (error) {
    if (error instanceof ImportError) {
      throw new AppError('CALENDAR_FILE_INVALID', {
        params: { reason: translate(ctx.locale, `calendar.import.${error.key}`, error.params) },
      });
    }
    throw error;
  }
  const week6 = parsed.week6 ?? deriveSixDayYear(parsed.year);
  return deps.db.transaction().execute(async (tx) => {
    const before5 = await repo.findYear(tx, 'five_day', parsed.year);
    const before6 = await repo.findYear(tx, 'six_day', parsed.year);
    const report = {
      year: parsed.year,
      dryRun: input.dryRun,
      fiveDay: diffYears(before5 ? toYearData(before5) : null, parsed.week5),
      sixDay: diffYears(before6 ? toYearData(before6) : null, week6),
      wasMissing: !before5,
    };
    if (!input.dryRun) {
      const actor = ctx.actor?.userId ?? null;
      await repo.upsertYear(tx, {
        weekKind: 'five_day',
        year: parsed.year,
        data: parsed.week5,
        source: parsed.source,
        origin: 'imported',
        updatedBy: actor,
      });
      await repo.upsertYear(tx, {
        weekKind: 'six_day',
        year: parsed.year,
        data: week6,
        source: parsed.source,
        origin: 'imported',
        updatedBy: actor,
      });
      await repo.bumpRevision(tx);
      await recordAudit(tx, ctx, {
        organizationId: membership.organizationId,
        action: 'calendar.import',
        entityType: 'production_calendar',
        entityId: String(parsed.year),
        before: before5 ? toYearData(before5) : null,
        after: { ...parsed.week5, report: { fiveDay: report.fiveDay.changed, sixDay: report.sixDay.changed } },
      });
    }
    return report;
  });
}

// ---- per-organisation settings: week kind and closures ----

async function orgForSettings(deps: Deps, ctx: RequestContext, organizationId: string, permission: 'calendar.read' | 'settings.manage') {
  const org = await findOrganizationInternal(deps, organizationId);
  if (!org) throw new AppError('NOT_FOUND');
  authorize(ctx, permission, org.path);
  return org;
}

export async function getOrganizationCalendarSettings(deps: Deps, ctx: RequestContext, organizationId: string) {
  const org = await orgForSettings(deps, ctx, organizationId, 'calendar.read');
  const settings = await repo.organizationCalendar(deps.db, organizationId);
  const closures = await repo.closuresFor(deps.db, org.path);
  return { organizationId, weekKind: settings?.weekKind ?? 'five_day', timeZone: org.timezone, closures };
}

export async function setOrganizationWeekKind(deps: Deps, ctx: RequestContext, organizationId: string, weekKind: WeekKind) {
  await orgForSettings(deps, ctx, organizationId, 'settings.manage');
  await deps.db.transaction().execute(async (tx) => {
    const before = await repo.organizationCalendar(tx, organizationId);
    await repo.setOrganizationWeekKind(tx, organizationId, weekKind);
    await repo.bumpRevision(tx);
    await recordAudit(tx, ctx, {
      organizationId,
      action: 'calendar.week_kind',
      entityType: 'organization',
      entityId: organizationId,
      before: { weekKind: before?.weekKind ?? 'five_day' },
      after: { weekKind },
    });
  });
  return getOrganizationCalendarSettings(deps, ctx, organizationId);
}

export async function addClosure(deps: Deps, ctx: RequestContext, organizationId: string, input: { date: string; reason: string }) {
  await orgForSettings(deps, ctx, organizationId, 'settings.manage');
  return deps.db.transaction().execute(async (tx) => {
    const created = await repo.insertClosure(tx, {
      organizationId,
      day: input.date,
      reason: input.reason.trim(),
      createdBy: ctx.actor?.userId ?? null,
    });
    if (!created) throw new AppError('CONFLICT', { messageKey: 'calendar.closureExists' });
    await repo.bumpRevision(tx);
    await recordAudit(tx, ctx, {
      organizationId,
      action: 'calendar.closure_add',
      entityType: 'calendar_closure',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function removeClosure(deps: Deps, ctx: RequestContext, closureId: string) {
  await deps.db.transaction().execute(async (tx) => {
    const closure = await repo.findClosure(tx, closureId);
    if (!closure) throw new AppError('NOT_FOUND');
    await orgForSettings(deps, ctx, closure.organizationId, 'settings.manage');
    await repo.deleteClosure(tx, closureId);
    await repo.bumpRevision(tx);
    await recordAudit(tx, ctx, {
      organizationId: closure.organizationId,
      action: 'calendar.closure_remove',
      entityType: 'calendar_closure',
      entityId: closureId,
      before: closure,
    });
  });
}
