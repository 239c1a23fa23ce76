/**
 * Registering a request — the one path every channel takes (signed-in form, consultant's intake,
 * public web form, e-mail): wording check, requester, category and type, the yearly number, all
 * deadlines, the timeline's first event, attachments, the acknowledgement e-mail with a private
 * status link, notifications, deadline jobs and the audit row, in the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { civilFromDay } from '../../../domain/working-time/index.ts';
import { formatRequestNumber } from '../../../domain/requests/numbering.ts';
import type { Channel, RequestType, RequesterKind } from '../../../domain/requests/taxonomy.ts';
import { checkWording, type Wording, type WordingIssue, type WordingMode } from '../../../domain/requests/wording.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import { enqueueJobs } from '../../jobs/jobs.repository.ts';
import type { Settled } from '../../lib/grouper.ts';
import { enqueueEmailRows } from '../../mail/outbox.ts';
import { recordAudits } from '../audit/audit.service.ts';
import { findUsersByIdsOrEmails, membershipsOfUsers, usersWithRoleIn } from '../identity/identity.lookup.ts';
import { eventActor } from './request-access.ts';
import { checkFiles, storeFiles, type UploadedFile } from './request-attachments.ts';
import { deadlineColumns, deadlineJobs, deadlinesFor, deskClocks } from './request-deadlines.ts';
import { composeStaffNotices, issueStatusToken, newStatusLink, requesterMail, toRecipients, usersOfRole, type Recipient } from './request-notify.ts';
import { categoryView, type DeskViewParts } from './request-views.ts';
import { categoriesAndParents, loadDesks, usableAmong, type Desk } from './desk.service.ts';
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

type UserRow = Awaited<ReturnType<typeof findUsersByIdsOrEmails>>[number];

/** What `resolveRequester` needs read: the users named by id or e-mail and their memberships. */
interface KnownUsers {
  byId: ReadonlyMap<string, UserRow>;
  byEmail: ReadonlyMap<string, UserRow>;
  isMember(userId: string, organizationId: string): boolean;
}

async function readKnownUsers(db: Executor, requesters: readonly RequesterInput[]): Promise<KnownUsers> {
  const ids = requesters.flatMap((r) => (r.userId ? [r.userId] : []));
  const emails = requesters.flatMap((r) => {
    const email = r.userId ? null : trimOrNull(r.email)?.toLowerCase();
    return email ? [email] : [];
  });
  const users = await findUsersByIdsOrEmails(db, ids, emails);
  const memberships = users.length > 0 ? await membershipsOfUsers(db, users.map((u) => u.id)) : [];
  const member = new Set(memberships.map((m) => `${m.userId}:${m.organizationId}`));
  return {
    byId: new Map(users.map((u) => [u.id, u])),
    byEmail: new Map(users.map((u) => [u.email, u])),
    isMember: (userId, organizationId) => member.has(`${userId}:${organizationId}`),
  };
}

/** A known user (linked by id, or found by e-mail among the organisation's members), else a contact. */
function resolveRequester(known: KnownUsers, organizationId: string, input: RequesterInput): ResolvedRequester {
  if (input.userId) {
    const user = known.byId.get(input.userId);
    if (!user || !known.isMember(user.id, organizationId)) {
      throw new AppError('VALIDATION', { fields: { 'requester.userId': { key: 'requests.field.requesterNotFound' } } });
    }
    return { kind: input.kind, userId: user.id, name: user.fullName, email: user.email, phone: trimOrNull(input.phone) ?? user.phone, locale: user.locale };
  }
  const email = trimOrNull(input.email)?.toLowerCase() ?? null;
  const phone = trimOrNull(input.phone);
  const name = trimOrNull(input.name);
  if (!name) throw new AppError('VALIDATION', { fields: { 'requester.name': { key: 'field.required' } } });
  if (!email && !phone) throw new AppError('VALIDATION', { fields: { 'requester.email': { key: 'requests.field.contactRequired' } } });
  const user = email ? known.byEmail.get(email) : undefined;
  if (user && user.isActive && known.isMember(user.id, organizationId)) {
    return { kind: input.kind, userId: user.id, name, email, phone, locale: user.locale };
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
  return duplicateAmong(await repo.findByKeys(db, [input]), input);
}

function duplicateAmong(rows: readonly RequestRow[], input: Pick<RegisterInput, 'organizationId' | 'idempotencyKey' | 'sourceMessageId'>): RequestRow | null {
  const mine = rows.filter((row) => row.organizationId === input.organizationId);
  return (
    (input.idempotencyKey ? mine.find((row) => row.idempotencyKey === input.idempotencyKey) : undefined) ??
    (input.sourceMessageId ? mine.find((row) => row.sourceMessageId === input.sourceMessageId) : undefined) ??
    null
  );
}

/** One registration of a group: who asks, what, and the caller's check of its right on the desk. */
export interface RegisterItem {
  ctx: RequestContext;
  input: RegisterInput;
  /** Throws (an AppError) when the caller may not register at this desk, e.g. `authorize(ctx, 'request.work', desk.org.path)`. */
  checkDesk?: ((desk: Desk) => void) | undefined;
}

/** Registers a request in the caller's transaction (see the module comment). */
export async function registerRequest(db: Executor, deps: Deps, ctx: RequestContext, input: RegisterInput): Promise<Registered> {
  const [outcome] = await registerMany(db, deps, [{ ctx, input }]);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.value;
}

/**
 * Registers several requests in the caller's transaction, one statement per table for all of them
 * (the group commit of requests.service.ts; a single registration is a group of one). A problem
 * of one item — its wording, requester, category, assignee, the caller's right — is that item's
 * outcome (an AppError) and writes nothing for it; the others go on. Any other error throws, and
 * the caller's transaction fails as a whole.
 */
export async function registerMany(db: Executor, deps: Deps, items: readonly RegisterItem[]): Promise<Array<Settled<Registered>>> {
  const outcomes: Array<Settled<Registered> | undefined> = items.map(() => undefined);
  const now = deps.clock.now();
  const going = () => items.flatMap((item, index) => (outcomes[index] === undefined ? [{ item, index }] : []));
  /** Runs `step` for every item still going; an AppError becomes that item's outcome. */
  const each = <T>(step: (item: RegisterItem, index: number) => T): Map<number, T> => {
    const results = new Map<number, T>();
    for (const { item, index } of going()) {
      try {
        results.set(index, step(item, index));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcomes[index] = { ok: false, error };
      }
    }
    return results;
  };

  const checked = each(({ input }) => {
    const wordingHints = assertWording(input, input.wordingMode);
    const files = checkFiles(input.files ?? []);
    const receivedAt = input.receivedAt ?? now;
    if (receivedAt.getTime() > now.getTime()) throw new AppError('VALIDATION', { fields: { receivedAt: { key: 'requests.field.receivedInFuture' } } });
    return { wordingHints, files, receivedAt };
  });

  const given = (input: RegisterInput) => (input.desk?.org.id === input.organizationId ? input.desk : undefined);
  const loaded = await loadDesks(
    db,
    going().flatMap(({ item }) => (given(item.input) ? [] : [item.input.organizationId])),
  );
  const desks = each(({ input, checkDesk }) => {
    const desk = given(input) ?? loaded.get(input.organizationId)!;
    if (desk instanceof AppError) throw desk;
    checkDesk?.(desk);
    return desk;
  });

  // A repeated form submission or e-mail: its first answer may have been lost. The submitter holds
  // the unguessable idempotency key, so they get a fresh status link; an e-mail seen twice gets none.
  const keyed = going().filter(({ item }) => item.input.idempotencyKey || item.input.sourceMessageId);
  if (keyed.length > 0) {
    const found = await repo.findByKeys(db, keyed.map(({ item }) => item.input));
    for (const { item, index } of keyed) {
      const duplicate = duplicateAmong(found, item.input);
      if (!duplicate) continue;
      const statusToken = item.input.idempotencyKey && item.input.registeredBy === 'requester' ? await issueStatusToken(db, duplicate) : null;
      outcomes[index] = { ok: true, value: { request: duplicate, desk: desks.get(index)!, statusToken, created: false, wordingHints: checked.get(index)!.wordingHints } };
    }
  }

  const known = await readKnownUsers(db, going().map(({ item }) => item.input.requester));
  const requesters = each(({ input }, index) => resolveRequester(known, desks.get(index)!.org.id, input.requester));
  const categoryRows = await categoriesAndParents(db, going().flatMap(({ item }) => (item.input.categoryId ? [item.input.categoryId] : [])));
  const categories = each(({ input }, index) => (input.categoryId ? usableAmong(categoryRows, desks.get(index)!.org.id, input.categoryId) : null));
  // One read of the desks' assignable workers serves the assignee check, the assignee's name and
  // the consultants to notify.
  const needWorkers = going().filter(({ item }) => item.input.assigneeUserId || item.input.notify !== false);
  const workerRows = await usersWithRoleIn(db, needWorkers.map(({ index }) => desks.get(index)!.org.id), [...ASSIGNABLE_ROLES]);
  const workersOf = (organizationId: string) => workerRows.filter((w) => w.organizationId === organizationId);
  const assignees = each(({ input }, index) => (input.assigneeUserId ? assignableAmong(toRecipients(workersOf(desks.get(index)!.org.id)), input.assigneeUserId) : null));

  const accepted = going();
  if (accepted.length === 0) return outcomes as Array<Settled<Registered>>;

  // One business clock per desk (one calendar look-up) for the year of the number and the deadlines.
  const clocks = await deskClocks(deps, [...new Set(accepted.map(({ index }) => desks.get(index)!.org.id))], db);
  const plans = [];
  for (const { item, index } of accepted) {
    const desk = desks.get(index)!;
    const category = categories.get(index)!;
    const clock = clocks.get(desk.org.id)!;
    const type = item.input.type ?? category?.defaultType ?? category?.parent?.defaultType ?? 'consultation';
    const year = civilFromDay(clock.zone.localDay(now.getTime())).year;
    const deadlines = await deadlinesFor(deps, db, desk.policy, { type, receivedAt: checked.get(index)!.receivedAt, registeredAt: now, reviewStartAt: now }, null, clock);
    plans.push({ item, index, desk, category, type, year, deadlines, requester: requesters.get(index)!, assignee: assignees.get(index)!, statusLink: newStatusLink() });
  }

  const counts = new Map<string, { organizationId: string; year: number; count: number }>();
  for (const plan of plans) {
    const key = `${plan.desk.org.id}:${plan.year}`;
    const entry = counts.get(key) ?? { organizationId: plan.desk.org.id, year: plan.year, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const lastTaken = await repo.takeSequences(db, [...counts.values()]);
  const nextOf = new Map([...counts].map(([key, c]) => [key, lastTaken.get(key)! - c.count + 1]));

  // The requests and their private status links (for the acknowledgements) in one statement.
  const requests = await repo.insertRequestsWithStatusTokens(
    db,
    plans.map((plan) => {
      const { input } = plan.item;
      const key = `${plan.desk.org.id}:${plan.year}`;
      const sequence = nextOf.get(key)!;
      nextOf.set(key, sequence + 1);
      return {
        tokenHash: plan.statusLink.tokenHash,
        row: {
          id: randomUUID(),
          organizationId: plan.desk.org.id,
          number: formatRequestNumber(plan.desk.policy.numberPrefix, plan.year, sequence),
          year: plan.year,
          sequence,
          channel: input.channel,
          type: plan.type,
          categoryId: plan.category?.id ?? null,
          subject: input.subject.trim(),
          whatDid: trimOrNull(input.whatDid),
          expected: trimOrNull(input.expected),
          happened: trimOrNull(input.happened),
          description: trimOrNull(input.description),
          requesterKind: plan.requester.kind,
          requesterUserId: plan.requester.userId,
          requesterName: plan.requester.name,
          requesterEmail: plan.requester.email,
          requesterPhone: plan.requester.phone,
          requesterLocale: plan.requester.locale,
          childClass: trimOrNull(input.childClass),
          assigneeUserId: plan.assignee?.id ?? null,
          receivedAt: checked.get(plan.index)!.receivedAt,
          registeredAt: now,
          reviewStartAt: now,
          ...deadlineColumns(plan.deadlines),
          consentAt: input.consentVersion ? now : null,
          consentVersion: input.consentVersion ?? null,
          idempotencyKey: input.idempotencyKey ?? null,
          sourceMessageId: input.sourceMessageId ?? null,
          createdByUserId: plan.item.ctx.actor?.userId ?? null,
          createdAt: now,
          updatedAt: now,
        },
      };
    }),
  );

  // The acknowledgements (to requesters with an address) in one statement.
  const mails = plans.map((plan, i) =>
    plan.item.input.notify !== false ? requesterMail(deps, requests[i]!, plan.desk, 'ack', { token: plan.statusLink.token }) : null,
  );
  const stored = await enqueueEmailRows(db, mails.filter((mail) => mail !== null));
  let nextMail = 0;
  const acks = mails.map((mail) => (mail ? stored[nextMail++]! : null));

  // The first events (created, then assigned when an assignee was given) and the staff's notices
  // (the assignee; every consultant), for every request in one statement.
  const firstEvents: NewEvent[] = [];
  const notices = [];
  for (const [i, plan] of plans.entries()) {
    const request = requests[i]!;
    const ack = acks[i];
    const { ctx, input } = plan.item;
    const actor = eventActor(ctx, input.registeredBy, request);
    const assignee = plan.assignee;
    firstEvents.push({
      requestId: request.id,
      organizationId: request.organizationId,
      type: 'created',
      ...actor,
      body: null,
      visibility: 'public',
      metadata: { channel: request.channel, type: plan.type, categoryId: request.categoryId, outboxIds: ack ? [ack.id] : [] },
      createdAt: now,
    });
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
    if (input.notify !== false) {
      const actorUserId = ctx.actor?.userId ?? null;
      const assigneeName = assignee?.fullName ?? null;
      const consultants = toRecipients(workersOf(plan.desk.org.id).filter((w) => w.role === 'consultant'));
      if (assignee) notices.push(...composeStaffNotices(deps, request, plan.desk, 'assigned', [assignee], actorUserId, assigneeName));
      notices.push(...composeStaffNotices(deps, request, plan.desk, 'created', consultants, actorUserId, assigneeName));
    }
  }
  const events = await repo.insertEvents(db, firstEvents, notices);
  const eventsOf = new Map<string, typeof events>();
  for (const event of events) eventsOf.set(event.requestId, [...(eventsOf.get(event.requestId) ?? []), event]);

  const attachmentsOf = new Map<string, Awaited<ReturnType<typeof storeFiles>>>();
  for (const [i, plan] of plans.entries()) {
    const files = checked.get(plan.index)!.files;
    const request = requests[i]!;
    if (files.length > 0) attachmentsOf.set(request.id, await storeFiles(db, request, eventsOf.get(request.id)![0]!.id, files));
  }
  await enqueueJobs(db, plans.flatMap((plan, i) => deadlineJobs(requests[i]!, plan.desk.policy, now)));
  await recordAudits(
    db,
    plans.map((plan, i) => {
      const request = requests[i]!;
      return {
        ctx: plan.item.ctx,
        record: {
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
            attachments: checked.get(plan.index)!.files.length,
            consent: request.consentVersion,
          },
        },
      };
    }),
  );

  for (const [i, plan] of plans.entries()) {
    const request = requests[i]!;
    const ack = acks[i];
    const parts: DeskViewParts = {
      events: eventsOf.get(request.id)!,
      attachments: attachmentsOf.get(request.id) ?? [],
      emails: ack ? [ack] : [],
      category: plan.category ? categoryView(plan.category, plan.category.parent) : null,
      assignee: plan.assignee ? { id: plan.assignee.id, fullName: plan.assignee.fullName } : null,
    };
    outcomes[plan.index] = {
      ok: true,
      value: { request, desk: plan.desk, parts, statusToken: plan.statusLink.token, created: true, wordingHints: checked.get(plan.index)!.wordingHints },
    };
  }
  return outcomes as Array<Settled<Registered>>;
}
