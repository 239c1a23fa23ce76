/**
 * Registering a request — the one path every channel takes (signed-in form, consultant's intake,
 * public web form, e-mail): wording check, requester, category and type, the yearly number, all
 * deadlines, the timeline's first event, attachments, the acknowledgement e-mail with a private
 * status link, notifications, deadline jobs and the audit row, in the caller's transaction.
 */
import { civilFromDay } from '../../../domain/working-time/index.ts';
import { formatRequestNumber } from '../../../domain/requests/numbering.ts';
import type { Channel, RequestType, RequesterKind } from '../../../domain/requests/taxonomy.ts';
import { checkWording, type Wording, type WordingIssue, type WordingMode } from '../../../domain/requests/wording.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findUserByEmail, findUserById, membershipsOf, usersWithRole } from '../identity/identity.lookup.ts';
import { eventActor } from './request-access.ts';
import { checkFiles, storeFiles, type UploadedFile } from './request-attachments.ts';
import { deadlineColumns, deadlinesFor, deskClock, scheduleDeadlineJobs } from './request-deadlines.ts';
import { composeStaffNotices, issueStatusToken, mailRequester, newStatusLink, toRecipients, usersOfRole, type Recipient } from './request-notify.ts';
import { categoryView, type DeskViewParts } from './request-views.ts';
import { loadDesk, usableCategory, type Desk } from './desk.service.ts';
import * as repo from './requests.repository.ts';
import type { NewEvent, RequestRow } from './requests.repository.ts';

export interface RequesterInput {
  kind: RequesterKind;
  /** A known user of the organisation; name and e-mail are taken from the account. */
  userId?: string | null | undefined;
  name?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  locale?: Locale | undefined;
}

/** What registering a request needs: the structured wording (domain) plus who, where and how. */
export interface RegisterInput extends Wording {
  organizationId: string;
  channel: Channel;
  /** Default: the category's default type, else `consultation`. */
  type?: RequestType | undefined;
  categoryId?: string | null | undefined;
  requester: RequesterInput;
  childClass?: string | null | undefined;
  /** When the request reached the desk (a letter or a call logged later); default now. */
  receivedAt?: Date | undefined;
  assigneeUserId?: string | null | undefined;
  /** Consent to personal-data processing given with this submission (public form). */
  consentVersion?: string | null | undefined;
  /** A form submission key: the same key registers once (per organisation). */
  idempotencyKey?: string | null | undefined;
  /** Message-ID of an incoming e-mail: the same message registers once. */
  sourceMessageId?: string | null | undefined;
  wordingMode: WordingMode;
  files?: readonly UploadedFile[] | undefined;
  /** Who registers: the requester themself, desk staff (intake) or the system (e-mail channel). */
  registeredBy: 'requester' | 'staff' | 'system';
  /** Send the acknowledgement and notifications (the demo seed turns them off). */
  notify?: boolean | undefined;
  /** The desk of `organizationId` when the caller has loaded it in the same transaction. */
  desk?: Desk | undefined;
}

export interface Registered {
  request: RequestRow;
  /** The request's desk (absent when a concurrent duplicate was found after a failed attempt). */
  desk?: Desk;
  /** What this call wrote, for the desk's view of the new request (only when it created one). */
  parts?: DeskViewParts;
  /** The private status link's token (only when this call created the request). */
  statusToken: string | null;
  created: boolean;
  wordingHints: readonly WordingIssue[];
}

const trimOrNull = (value: string | null | undefined): string | null => {
  const trimmed = (value ?? '').trim();
  return trimmed.length > 0 ? trimmed : null;
};

export function assertWording(input: Pick<RegisterInput, 'subject' | 'whatDid' | 'expected' | 'happened' | 'description'>, mode: WordingMode): WordingIssue[] {
  const result = checkWording(input, mode);
  if (!result.ok) {
    const fields: Record<string, FieldProblem> = {};
    for (const issue of result.errors) fields[issue.field] ??= { key: `requests.wording.${issue.code}` };
    throw new AppError('REQUEST_WORDING_UNCLEAR', { fields });
  }
  return [...result.hints];
}

interface ResolvedRequester {
  kind: RequesterKind;
  userId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
}

async function isMemberOf(db: Executor, userId: string, organizationId: string): Promise<boolean> {
  return (await membershipsOf(db, userId)).some((m) => m.organizationId === organizationId);
}

/** A known user (linked by id, or found by e-mail among the organisation's members), else a contact. */
async function resolveRequester(db: Executor, organizationId: string, input: RequesterInput): Promise<ResolvedRequester> {
  if (input.userId) {
    const user = await findUserById(db, input.userId);
    if (!user || !(await isMemberOf(db, user.id, organizationId))) {
      throw new AppError('VALIDATION', { fields: { 'requester.userId': { key: 'requests.field.requesterNotFound' } } });
    }
    return { kind: input.kind, userId: user.id, name: user.fullName, email: user.email, phone: trimOrNull(input.phone) ?? user.phone, locale: user.locale };
  }
  const email = trimOrNull(input.email)?.toLowerCase() ?? null;
  const phone = trimOrNull(input.phone);
  const name = trimOrNull(input.name);
  if (!name) throw new AppError('VALIDATION', { fields: { 'requester.name': { key: 'field.required' } } });
  if (!email && !phone) throw new AppError('VALIDATION', { fields: { 'requester.email': { key: 'requests.field.contactRequired' } } });
  const known = email ? await findUserByEmail(db, email) : undefined;
  if (known && known.isActive && (await isMemberOf(db, known.id, organizationId))) {
    return { kind: input.kind, userId: known.id, name, email, phone, locale: known.locale };
  }
  return { kind: input.kind, userId: null, name, email, phone, locale: input.locale ?? 'ru' };
}

/** Roles a request may be assigned to: consultants, heads and admins of its organisation. */
const ASSIGNABLE_ROLES = ['consultant', 'head', 'admin'] as const;

/** The assignee among the desk's assignable workers (active users only). @throws VALIDATION otherwise. */
function assignableAmong(workers: readonly Recipient[], userId: string): Recipient {
  const worker = workers.find((w) => w.id === userId);
  if (!worker) throw new AppError('VALIDATION', { fields: { assigneeId: { key: 'requests.field.assigneeInvalid' } } });
  return worker;
}

/** Users a request may be assigned to: consultants, heads and admins of its organisation. */
export async function assertAssignable(db: Executor, organizationId: string, userId: string): Promise<void> {
  assignableAmong(await usersOfRole(db, organizationId, [...ASSIGNABLE_ROLES]), userId);
}

/** The existing request for a repeated submission key / e-mail, if any. */
export async function findDuplicate(db: Executor, input: Pick<RegisterInput, 'organizationId' | 'idempotencyKey' | 'sourceMessageId'>) {
  if (input.idempotencyKey) {
    const found = await repo.findByIdempotencyKey(db, input.organizationId, input.idempotencyKey);
    if (found) return found;
  }
  if (input.sourceMessageId) return (await repo.findBySourceMessageId(db, input.organizationId, input.sourceMessageId)) ?? null;
  return null;
}

/** Registers a request in the caller's transaction (see the module comment). */
export async function registerRequest(db: Executor, deps: Deps, ctx: RequestContext, input: RegisterInput): Promise<Registered> {
  const wordingHints = assertWording(input, input.wordingMode);
  const files = checkFiles(input.files ?? []);
  const desk = input.desk?.org.id === input.organizationId ? input.desk : await loadDesk(db, input.organizationId);
  const duplicate = await findDuplicate(db, input);
  if (duplicate) {
    // The same form submission again (its first answer may have been lost): the submitter holds the
    // unguessable idempotency key, so they get a fresh status link; an e-mail seen twice gets none.
    const statusToken = input.idempotencyKey && input.registeredBy === 'requester' ? await issueStatusToken(db, duplicate) : null;
    return { request: duplicate, desk, statusToken, created: false, wordingHints };
  }

  const now = deps.clock.now();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime()) throw new AppError('VALIDATION', { fields: { receivedAt: { key: 'requests.field.receivedInFuture' } } });
  const requester = await resolveRequester(db, desk.org.id, input.requester);
  const category = input.categoryId ? await usableCategory(db, desk.org.id, input.categoryId) : null;
  const type = input.type ?? category?.defaultType ?? category?.parent?.defaultType ?? 'consultation';
  const notify = input.notify !== false;
  // One read of the desk's assignable workers serves the assignee check, the assignee's name and
  // the consultants to notify.
  const workerRows = input.assigneeUserId || notify ? await usersWithRole(db, desk.org.id, [...ASSIGNABLE_ROLES]) : [];
  const assignee = input.assigneeUserId ? assignableAmong(toRecipients(workerRows), input.assigneeUserId) : null;

  // One business clock (one calendar look-up) for the year of the number and the deadlines.
  const clock = await deskClock(deps, desk.org.id, db);
  const year = civilFromDay(clock.zone.localDay(now.getTime())).year;
  const sequence = await repo.nextSequence(db, desk.org.id, year);
  const deadlines = await deadlinesFor(deps, db, desk.policy, { type, receivedAt, registeredAt: now, reviewStartAt: now }, null, clock);
  // The request and its private status link (for the acknowledgement) in one statement.
  const statusLink = newStatusLink();
  const request = await repo.insertRequestWithStatusToken(db, statusLink.tokenHash, {
    organizationId: desk.org.id,
    number: formatRequestNumber(desk.policy.numberPrefix, year, sequence),
    year,
    sequence,
    channel: input.channel,
    type,
    categoryId: category?.id ?? null,
    subject: input.subject.trim(),
    whatDid: trimOrNull(input.whatDid),
    expected: trimOrNull(input.expected),
    happened: trimOrNull(input.happened),
    description: trimOrNull(input.description),
    requesterKind: requester.kind,
    requesterUserId: requester.userId,
    requesterName: requester.name,
    requesterEmail: requester.email,
    requesterPhone: requester.phone,
    requesterLocale: requester.locale,
    childClass: trimOrNull(input.childClass),
    assigneeUserId: assignee?.id ?? null,
    receivedAt,
    registeredAt: now,
    reviewStartAt: now,
    ...deadlineColumns(deadlines),
    consentAt: input.consentVersion ? now : null,
    consentVersion: input.consentVersion ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    sourceMessageId: input.sourceMessageId ?? null,
    createdByUserId: ctx.actor?.userId ?? null,
    createdAt: now,
    updatedAt: now,
  });

  const statusToken = statusLink.token;
  const ack = notify ? await mailRequester(db, deps, request, desk, 'ack', { token: statusToken }) : null;
  const actor = eventActor(ctx, input.registeredBy, request);
  // The first events in one statement: created, then assigned when an assignee was given.
  const firstEvents: NewEvent[] = [
    {
      requestId: request.id,
      organizationId: request.organizationId,
      type: 'created',
      ...actor,
      body: null,
      visibility: 'public',
      metadata: { channel: request.channel, type, categoryId: request.categoryId, outboxIds: ack ? [ack.id] : [] },
      createdAt: now,
    },
  ];
  if (assignee) {
    firstEvents.push({
      requestId: request.id,
      organizationId: request.organizationId,
      type: 'assigned',
      ...actor,
      body: null,
      visibility: 'internal',
      metadata: { from: null, to: assignee.id, toName: assignee.fullName },
      createdAt: now,
    });
  }
  // The staff's notices (the assignee; every consultant) are written with the events.
  const actorUserId = ctx.actor?.userId ?? null;
  const assigneeName = assignee?.fullName ?? null;
  const notices = notify
    ? [
        ...(assignee ? composeStaffNotices(deps, request, desk, 'assigned', [assignee], actorUserId, assigneeName) : []),
        ...composeStaffNotices(deps, request, desk, 'created', toRecipients(workerRows.filter((w) => w.role === 'consultant')), actorUserId, assigneeName),
      ]
    : [];
  const events = await repo.insertEvents(db, firstEvents, notices);
  const attachments = await storeFiles(db, request, events[0]!.id, files);
  await scheduleDeadlineJobs(db, request, desk.policy, now);
  await recordAudit(db, ctx, {
    organizationId: request.organizationId,
    action: 'request.create',
    entityType: 'request',
    entityId: request.id,
    after: {
      number: request.number,
      channel: request.channel,
      type: request.type,
      categoryId: request.categoryId,
      status: request.status,
      requesterKind: request.requesterKind,
      requesterUserId: request.requesterUserId,
      assigneeUserId: request.assigneeUserId,
      dueAt: request.dueAt,
      attachments: files.length,
      consent: request.consentVersion,
    },
  });
  const parts: DeskViewParts = {
    events,
    attachments,
    emails: ack ? [ack] : [],
    category: category ? categoryView(category, category.parent) : null,
    assignee: assignee ? { id: assignee.id, fullName: assignee.fullName } : null,
  };
  return { request, desk, parts, statusToken, created: true, wordingHints };
}
