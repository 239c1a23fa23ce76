/**
 * Export of one person's data (152-FZ art. 14: a person may learn what an operator processes about
 * them; DESIGN "Rules that keep data safe"). Two use cases, each one read-only transaction with
 * its audit row:
 * - the head or admin of an organisation finds a person by e-mail or phone and gets everything the
 *   organisation holds about them: accounts that are its members (with sign-in sessions) and the
 *   requests they filed there;
 * - a signed-in user downloads the same about themself, across organisations.
 * What a request holds for its requester: the wording, the answers they could see (never the
 * staff's internal notes), the names of the files, the consent given and its text.
 * The data come from the modules that own them (identity, requests, intake).
 * Also the act of destruction of personal data (Roskomnadzor order No. 179) of a period, printed
 * from the requests module's record of each de-personalisation.
 */
import { emailKey, phoneKey } from '../../../domain/personal-data.ts';
import type { Executor } from '../../db/database.ts';
import type { PersonCriteria } from '../../db/person-match.ts';
import type { Deps } from '../../deps.ts';
import type { Permission } from '../../../domain/permissions.ts';
import { authorize, requireActor } from '../../http/access.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError, validation } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { accountsOfPerson, findUsersByIdsOrEmails } from '../identity/identity.lookup.ts';
import { consentTextOf } from '../intake/intake.service.ts';
import { findOrganizationInternal } from '../organizations/organizations.service.ts';
import { anonymizeRequestsNow, erasuresBetween, ERASURES_PER_ACT, requestsOfPerson } from '../requests/request-privacy.ts';
import { actPeriod, erasureActFileName, isActPeriodProblem, summarizeErasures, thisMonth } from '../../../domain/requests/erasure-act.ts';
import { timeZone } from '../../../domain/working-time/index.ts';
import { renderErasureAct } from './erasure-act.pdf.ts';
import { isErasable } from '../../../domain/requests/retention.ts';
import {
  OWN_EXPORT_TIME_ZONE,
  PERSONAL_DATA_FORMAT,
  personalDataFileName,
  type PersonalDataDocument,
} from '../../../shared/personal-data-document.ts';

/**
 * The export as the server builds it: timestamps are Dates where a row gives them and ISO strings
 * where they come out of a JSON aggregate; both travel as strings.
 */
export type BuiltExport = PersonalDataDocument<Date | string> & { generatedAt: Date };

export interface PersonQuery {
  email?: string | undefined;
  phone?: string | undefined;
}

/** The criteria a head typed in, or a 400 that says what is missing or wrong. */
function criteriaOf(organizationId: string, query: PersonQuery): PersonCriteria {
  const email = query.email?.trim() ? emailKey(query.email) : null;
  const phone = query.phone?.trim() ? query.phone : null;
  const key = phone ? phoneKey(phone) : null;
  if (phone && !key) throw validation({ phone: { key: 'privacy.error.phoneTooShort' } });
  if (!email && !key) throw validation({ email: { key: 'privacy.error.criteriaRequired' } });
  return { organizationId, emails: email ? [email] : [], phoneKeys: key ? [key] : [], userIds: [] };
}

/**
 * The organisation asked about, once the actor holds `permission` there; the person's criteria;
 * and the question as asked (for the document and the audit row).
 */
async function personAt(deps: Deps, ctx: RequestContext, organizationId: string, permission: Permission, query: PersonQuery) {
  const org = await findOrganizationInternal(deps, organizationId);
  if (!org) throw new AppError('NOT_FOUND');
  authorize(ctx, permission, org.path);
  const criteria = criteriaOf(org.id, query);
  return { org, criteria, asked: { email: criteria.emails[0] ?? null, phone: query.phone?.trim() || null } };
}

/** The person's accounts, and their requests: those matching the criteria or filed from one of the accounts. */
async function findPerson(tx: Executor, criteria: PersonCriteria) {
  const accounts = await accountsOfPerson(tx, criteria);
  const requests = await requestsOfPerson(tx, { ...criteria, userIds: [...criteria.userIds, ...accounts.map((a) => a.id)] });
  return { accounts, requests };
}

async function collect(
  deps: Deps,
  ctx: RequestContext,
  tx: Executor,
  criteria: PersonCriteria,
): Promise<Pick<BuiltExport, 'accounts' | 'requests'>> {
  const { accounts, requests } = await findPerson(tx, criteria);
  const consentTexts = new Map<string, string | null>();
  for (const { row } of requests) {
    const key = `${row.organizationId}:${row.consentVersion}`;
    if (row.consentVersion && !consentTexts.has(key))
      consentTexts.set(key, await consentTextOf({ ...deps, db: tx }, ctx, row.organizationId, row.consentVersion));
  }
  return {
    accounts: accounts.map((a) => ({
      id: a.id,
      name: a.fullName,
      email: a.email,
      phone: a.phone,
      locale: a.locale,
      active: a.isActive,
      createdAt: a.createdAt,
      lastLoginAt: a.lastLoginAt,
      memberships: a.memberships,
      sessions: a.sessions,
    })),
    requests: requests.map(({ row, messages }) => ({
      id: row.id,
      number: row.number,
      organizationName: row.organizationName,
      registeredAt: row.registeredAt,
      channel: row.channel,
      type: row.type,
      status: row.status,
      category: row.categoryName,
      subject: row.subject,
      whatDid: row.whatDid,
      expected: row.expected,
      happened: row.happened,
      description: row.description,
      requester: {
        kind: row.requesterKind,
        name: row.requesterName,
        email: row.requesterEmail,
        phone: row.requesterPhone,
        childClass: row.childClass,
      },
      consent: row.consentAt
        ? {
            at: row.consentAt,
            version: row.consentVersion,
            text: consentTexts.get(`${row.organizationId}:${row.consentVersion}`) ?? null,
          }
        : null,
      resolution: row.resolution,
      rejectReason: row.rejectReason,
      rejectComment: row.rejectComment,
      anonymizedAt: row.anonymizedAt,
      messages,
    })),
  };
}

/** Everything an organisation holds about a person found by e-mail and/or phone (head, admin). */
export async function exportForOrganization(
  deps: Deps,
  ctx: RequestContext,
  organizationId: string,
  query: PersonQuery,
): Promise<BuiltExport> {
  const { org, criteria, asked } = await personAt(deps, ctx, organizationId, 'personalData.export', query);
  const generatedAt = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const found = await collect(deps, ctx, tx, criteria);
    await recordAudit(tx, ctx, {
      organizationId: org.id,
      action: 'personal_data.export',
      entityType: 'person',
      entityId: null,
      after: {
        ...asked,
        accounts: found.accounts.length,
        requests: found.requests.length,
      },
    });
    return {
      format: PERSONAL_DATA_FORMAT,
      generatedAt,
      timeZone: org.timezone,
      organization: { id: org.id, name: org.name },
      query: asked,
      ...found,
    };
  });
}

/**
 * Everything Opora holds about the signed-in user: their account and the requests they filed —
 * from the account anywhere, and with its e-mail address at the organisations they belong to.
 * Nobody has proved the address is theirs (an admin types it in), so it does not open requests
 * filed with it at other schools; those have their own status links.
 */
export async function exportOwn(deps: Deps, ctx: RequestContext): Promise<BuiltExport> {
  const actor = requireActor(ctx);
  const generatedAt = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const found = await collect(deps, ctx, tx, {
      organizationId: null,
      emails: [emailKey(actor.email)],
      phoneKeys: [],
      userIds: [actor.userId],
      contactsIn: actor.memberships.map((m) => m.organizationId),
    });
    await recordAudit(tx, ctx, {
      organizationId: actor.membership?.organizationId ?? null,
      action: 'personal_data.export',
      entityType: 'user',
      entityId: actor.userId,
      after: { accounts: found.accounts.length, requests: found.requests.length },
    });
    return {
      format: PERSONAL_DATA_FORMAT,
      generatedAt,
      timeZone: OWN_EXPORT_TIME_ZONE,
      organization: null,
      query: { userId: actor.userId },
      ...found,
    };
  });
}

/**
 * A person's demand to destroy their data (152-FZ art. 21): every finished request of theirs at
 * this organisation is de-personalised now; open ones are listed, to be finished first. Accounts
 * are not touched (an administrator deactivates a member). Audited with the numbers.
 */
export async function erasePerson(deps: Deps, ctx: RequestContext, organizationId: string, query: PersonQuery) {
  const { org, criteria, asked } = await personAt(deps, ctx, organizationId, 'personalData.erase', query);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const { requests } = await findPerson(tx, criteria);
    // The statement takes those of them that are finished and still hold personal data.
    const { erased, emails } = await anonymizeRequestsNow(
      tx,
      org.id,
      requests.map(({ row }) => row.id),
      now,
      { userId: requireActor(ctx).userId, role: ctx.actor?.membership?.role ?? null },
    );
    const open = requests
      .filter(({ row }) => !isErasable(row.status))
      .map(({ row }) => ({ id: row.id, number: row.number, status: row.status }));
    await recordAudit(tx, ctx, {
      organizationId: org.id,
      action: 'personal_data.erase',
      entityType: 'person',
      entityId: null,
      after: {
        ...asked,
        numbers: erased.map((r) => r.number),
        emails,
        open: open.map((r) => r.number),
      },
    });
    return { erased: erased.map((r) => ({ id: r.id, number: r.number })), open };
  });
}

/** The file name a download of an export gets: the day it was made, where the reader is. */
export function exportFileName(document: Pick<BuiltExport, 'generatedAt' | 'timeZone'>): string {
  return personalDataFileName(document.generatedAt, document.timeZone);
}

/** An act's period; neither day given means this month so far. */
export interface ActQuery {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The destructions of personal data at an organisation in a period (its days, where it is), with
 * who ran each, in the caller's transaction; the actor must hold `personalData.erase` there.
 */
async function erasuresIn(deps: Deps, ctx: RequestContext, tx: Executor, organizationId: string, query: ActQuery) {
  const org = await findOrganizationInternal({ db: tx }, organizationId);
  if (!org) throw new AppError('NOT_FOUND');
  authorize(ctx, 'personalData.erase', org.path);
  const zone = timeZone(org.timezone);
  if (Boolean(query.from) !== Boolean(query.to)) throw validation({ [query.from ? 'to' : 'from']: { key: 'field.required' } });
  const asked = query.from && query.to ? { from: query.from, to: query.to } : thisMonth(deps.clock.now().getTime(), zone);
  const period = actPeriod(asked.from, asked.to, zone);
  if (isActPeriodProblem(period)) throw validation({ [period.field]: { key: `privacy.error.period.${period.code}` } });
  const rows = await erasuresBetween(tx, org.id, new Date(period.fromMs), new Date(period.toMs));
  if (rows.length > ERASURES_PER_ACT) throw validation({ to: { key: 'privacy.error.actTooMany' } });
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const names = new Map((await findUsersByIdsOrEmails(tx, actorIds, [])).map((user) => [user.id, user.fullName]));
  const entries = rows.map((row) => ({
    id: row.id,
    erasedAt: row.erasedAt,
    reason: row.reason,
    // A user removed since keeps their role in the record, without a name.
    actor: row.actorUserId || row.actorRole ? { name: names.get(row.actorUserId ?? '') ?? '—', role: row.actorRole } : null,
    numbers: row.numbers,
    emailsDeleted: row.emailsDeleted,
    retentionDays: row.retentionDays,
  }));
  return { org, period: { from: period.from, to: period.to }, entries };
}

/** The log of destructions in a period, for the «Персональные данные» tab (head, admin). */
export async function listErasures(deps: Deps, ctx: RequestContext, organizationId: string, query: ActQuery) {
  return deps.db.transaction().execute(async (tx) => {
    const { org, period, entries } = await erasuresIn(deps, ctx, tx, organizationId, query);
    return { period, timeZone: org.timezone, requests: summarizeErasures(entries).requests, entries };
  });
}

/**
 * The act of destruction of a period with its extract from the log, as a PDF (Roskomnadzor order
 * No. 179). A period with nothing destroyed has no act (404). Audited: who printed which act.
 */
export async function erasureAct(deps: Deps, ctx: RequestContext, organizationId: string, query: ActQuery) {
  const generatedAt = deps.clock.now();
  const { org, period, entries } = await deps.db.transaction().execute(async (tx) => {
    const found = await erasuresIn(deps, ctx, tx, organizationId, query);
    if (found.entries.length === 0) throw new AppError('NOT_FOUND', { messageKey: 'privacy.error.actNothingErased' });
    await recordAudit(tx, ctx, {
      organizationId: found.org.id,
      action: 'personal_data.act',
      entityType: 'request_desk',
      entityId: found.org.id,
      after: { ...found.period, entries: found.entries.length, requests: summarizeErasures(found.entries).requests },
    });
    return found;
  });
  const pdf = await renderErasureAct({
    locale: ctx.locale,
    organization: { name: org.name, address: org.address, timezone: org.timezone },
    period,
    entries,
    generatedAt,
  });
  return { pdf, fileName: erasureActFileName(period) };
}
