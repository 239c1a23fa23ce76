/**
 * Registering a request — the one path every channel takes (signed-in form, consultant's intake,
 * public web form, e-mail): wording check, requester, category and type, the yearly number, all
 * deadlines, the timeline's first event, attachments, the acknowledgement e-mail with a private
 * status link, notifications, deadline jobs and the audit row, in the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { ASSIGNABLE_ROLES, DESK_WORKER_ROLES } from '../../../domain/permissions.ts';
import { civilFromDay } from '../../../domain/working-time/index.ts';
import { computeDeadlines } from '../../../domain/requests/deadlines.ts';
import { formatRequestNumber } from '../../../domain/requests/numbering.ts';
import type { Channel, RequestType, RequesterKind } from '../../../domain/requests/taxonomy.ts';
import { checkWording, type Wording, type WordingIssue, type WordingMode } from '../../../domain/requests/wording.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import type { Settled } from '../../lib/grouper.ts';
import { newOutboxId, sendJob } from '../../mail/outbox.ts';
import { auditRow } from '../audit/audit.service.ts';
import { findUsersByIdsOrEmails, usersWithRoleIn } from '../identity/identity.lookup.ts';
import { eventActor } from './request-access.ts';
import { checkFiles, storeFiles, type UploadedFile } from './request-attachments.ts';
import { deadlineColumns, deadlineJobs, deskClocks } from './request-deadlines.ts';
import {
  composeStaffNotices,
  issueStatusToken,
  newStatusLink,
  requesterMail,
  toRecipients,
  usersOfRole,
  type Recipient,
} from './request-notify.ts';
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

export function assertWording(
  input: Pick<RegisterInput, 'subject' | 'whatDid' | 'expected' | 'happened' | 'description'>,
  mode: WordingMode,
): WordingIssue[] {
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
  const member = new Set(users.flatMap((u) => u.organizationIds.map((organizationId) => `${u.id}:${organizationId}`)));
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
    return {
      kind: input.kind,
      userId: user.id,
      name: user.fullName,
      email: user.email,
      phone: trimOrNull(input.phone) ?? user.phone,
      locale: user.locale,
    };
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

const isDeskWorker = (role: string): boolean => (DESK_WORKER_ROLES as readonly string[]).includes(role);

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

function duplicateAmong(
  rows: readonly RequestRow[],
  input: Pick<RegisterInput, 'organizationId' | 'idempotencyKey' | 'sourceMessageId'>,
): RequestRow | null {
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
  return registerOne(db, deps, { ctx, input });
}

/** One registration (with the caller's desk check) in the caller's transaction; its problem is thrown. */
export async function registerOne(db: Executor, deps: Deps, item: RegisterItem): Promise<Registered> {
  const [outcome] = await registerMany(db, deps, [item]);
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
  return (await prepareRegistrations(db, deps, items))(db);
}

/** The writes of prepared registrations, in the caller's transaction. */
export type RegistrationWrites = (db: Executor) => Promise<Array<Settled<Registered>>>;

/**
 * `registerMany` in two steps: the checks and reads on `reader`, then the writes on the returned
 * function's executor. The group commit reads on the pool, the reads side by side, before it opens
 * its transaction — they are read-committed reads either way, and the constraints guard what they
 * checked (a concurrent duplicate fails the unique key, and the caller retries it alone).
 */
export async function prepareRegistrations(reader: Executor, deps: Deps, items: readonly RegisterItem[]): Promise<RegistrationWrites> {
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
    if (receivedAt.getTime() > now.getTime())
      throw new AppError('VALIDATION', { fields: { receivedAt: { key: 'requests.field.receivedInFuture' } } });
    return { wordingHints, files, receivedAt };
  });

  // Every read depends on the submissions alone, so all of them go at once: on `reader` (the pool,
  // for the group commit) they run side by side; on a transaction they queue on its connection.
  const given = (input: RegisterInput) => (input.desk?.org.id === input.organizationId ? input.desk : undefined);
  const candidates = going().map(({ item }) => item.input);
  const organizationIds = [...new Set(candidates.map((input) => input.organizationId))];
  const keyed = candidates.filter((input) => input.idempotencyKey || input.sourceMessageId);
  const [loaded, found, known, categoryRows, workerRows, clocks] = await Promise.all([
    loadDesks(
      reader,
      candidates.flatMap((input) => (given(input) ? [] : [input.organizationId])),
    ),
    keyed.length > 0 ? repo.findByKeys(reader, keyed) : [],
    readKnownUsers(
      reader,
      candidates.map((input) => input.requester),
    ),
    categoriesAndParents(
      reader,
      candidates.flatMap((input) => (input.categoryId ? [input.categoryId] : [])),
    ),
    // One read of the desks' assignable workers serves the assignee check, the assignee's name and
    // the consultants to notify.
    usersWithRoleIn(
      reader,
      candidates.filter((input) => input.assigneeUserId || input.notify !== false).map((input) => input.organizationId),
      [...ASSIGNABLE_ROLES],
    ),
    // One business clock per desk (one calendar look-up) for the year of the number and the deadlines.
    deskClocks(deps, organizationIds, reader),
  ]);

  const desks = each(({ input, checkDesk }) => {
    const desk = given(input) ?? loaded.get(input.organizationId)!;
    if (desk instanceof AppError) throw desk;
    checkDesk?.(desk);
    return desk;
  });

  // A repeated form submission or e-mail: its first answer may have been lost. The submitter holds
  // the unguessable idempotency key, so they get a fresh status link; an e-mail seen twice gets none.
  const duplicates: Array<{ index: number; duplicate: RequestRow; newLink: boolean }> = [];
  for (const { item, index } of going()) {
    const duplicate = duplicateAmong(found, item.input);
    if (!duplicate) continue;
    duplicates.push({ index, duplicate, newLink: Boolean(item.input.idempotencyKey) && item.input.registeredBy === 'requester' });
    outcomes[index] = {
      ok: true,
      value: {
        request: duplicate,
        desk: desks.get(index)!,
        statusToken: null,
        created: false,
        wordingHints: checked.get(index)!.wordingHints,
      },
    };
  }

  const requesters = each(({ input }, index) => resolveRequester(known, desks.get(index)!.org.id, input.requester));
  const categories = each(({ input }, index) =>
    input.categoryId ? usableAmong(categoryRows, desks.get(index)!.org.id, input.categoryId) : null,
  );
  const workersOf = (organizationId: string) => workerRows.filter((w) => w.organizationId === organizationId);
  const assignees = each(({ input }, index) =>
    input.assigneeUserId ? assignableAmong(toRecipients(workersOf(desks.get(index)!.org.id)), input.assigneeUserId) : null,
  );

  const accepted = going();
  const plans = accepted.map(({ item, index }) => {
    const desk = desks.get(index)!;
    const category = categories.get(index)!;
    const clock = clocks.get(desk.org.id)!;
    const type = item.input.type ?? category?.defaultType ?? category?.parent?.defaultType ?? 'consultation';
    const year = civilFromDay(clock.zone.localDay(now.getTime())).year;
    const deadlines = computeDeadlines({
      type,
      policy: desk.policy,
      receivedAt: checked.get(index)!.receivedAt.getTime(),
      registeredAt: now.getTime(),
      reviewStartAt: now.getTime(),
      pauses: [],
      clock,
    });
    return {
      item,
      index,
      desk,
      category,
      type,
      year,
      deadlines,
      requester: requesters.get(index)!,
      assignee: assignees.get(index)!,
      statusLink: newStatusLink(),
    };
  });

  const writes: RegistrationWrites = async (db) => {
    for (const { index, duplicate, newLink } of duplicates) {
      if (newLink)
        outcomes[index] = {
          ok: true,
          value: { ...(outcomes[index] as { value: Registered }).value, statusToken: await issueStatusToken(db, duplicate) },
        };
    }
    if (plans.length === 0) return outcomes as Array<Settled<Registered>>;

    // The numbers come last but one: the counter rows stay locked until commit (which keeps the
    // numbering without gaps), so only the one statement after them waits for a concurrent group
    // of the same desk. They are locked in sorted order, so two groups never deadlock.
    const counts = new Map<string, { organizationId: string; year: number; count: number }>();
    for (const plan of plans) {
      const key = `${plan.desk.org.id}:${plan.year}`;
      const entry = counts.get(key) ?? { organizationId: plan.desk.org.id, year: plan.year, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
    const lastTaken = await repo.takeSequences(db, [...counts.values()]);
    const nextOf = new Map([...counts].map(([key, c]) => [key, lastTaken.get(key)! - c.count + 1]));
    const sequences = plans.map((plan) => {
      const key = `${plan.desk.org.id}:${plan.year}`;
      const sequence = nextOf.get(key)!;
      nextOf.set(key, sequence + 1);
      return sequence;
    });

    const drafts = plans.map((plan) => {
      const { input } = plan.item;
      const mailed = input.notify !== false && plan.requester.email !== null;
      return {
        id: randomUUID(),
        ackId: mailed ? newOutboxId() : null,
        status: 'new' as const,
        pausedSince: null,
        organizationId: plan.desk.org.id,
        ...deadlineColumns(plan.deadlines),
      };
    });

    const rows = plans.map((plan, i) => {
      const { input } = plan.item;
      const draft = drafts[i]!;
      const sequence = sequences[i]!;
      return {
        id: draft.id,
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
      };
    });

    // What the notices and the acknowledgement say of a new request: its row with its first status.
    const subjects = rows.map((row, i) => ({ ...row, status: drafts[i]!.status, pausedSince: drafts[i]!.pausedSince }));

    // The first events (created, then assigned when an assignee was given) and the staff's notices
    // (the assignee; every consultant), written with the requests.
    const firstEvents: Array<NewEvent & { createdAt: Date }> = [];
    const notices = [];
    for (const [i, plan] of plans.entries()) {
      const row = rows[i]!;
      const subject = subjects[i]!;
      const ackId = drafts[i]!.ackId;
      const { ctx, input } = plan.item;
      const actor = eventActor(ctx, input.registeredBy, row);
      const assignee = plan.assignee;
      firstEvents.push({
        requestId: row.id,
        organizationId: row.organizationId,
        type: 'created',
        ...actor,
        body: null,
        visibility: 'public',
        metadata: { channel: row.channel, type: plan.type, categoryId: row.categoryId, outboxIds: ackId ? [ackId] : [] },
        createdAt: now,
      });
      if (assignee) {
        firstEvents.push({
          requestId: row.id,
          organizationId: row.organizationId,
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
        const workers = toRecipients(workersOf(plan.desk.org.id).filter((w) => isDeskWorker(w.role)));
        if (assignee) notices.push(...composeStaffNotices(deps, subject, plan.desk, 'assigned', [assignee], actorUserId, assigneeName));
        notices.push(...composeStaffNotices(deps, subject, plan.desk, 'created', workers, actorUserId, assigneeName));
      }
    }
    const written = await repo.insertNewRequests(db, {
      requests: rows,
      statusTokens: plans.map((plan, i) => ({
        tokenHash: plan.statusLink.tokenHash,
        requestId: rows[i]!.id,
        organizationId: rows[i]!.organizationId,
      })),
      events: firstEvents,
      notifications: notices,
      jobs: [
        ...drafts.flatMap((draft, i) => deadlineJobs(draft, plans[i]!.desk.policy, now)),
        ...drafts.flatMap((draft) => (draft.ackId ? [sendJob(draft.ackId, draft.organizationId)] : [])),
      ],
      // The acknowledgements, with the ids their send jobs and events already name.
      emails: plans.flatMap((plan, i) => {
        const ackId = drafts[i]!.ackId;
        const mail = ackId ? requesterMail(deps, subjects[i]!, plan.desk, 'ack', { token: plan.statusLink.token }) : null;
        return mail && ackId ? [{ ...mail, id: ackId }] : [];
      }),
      audits: plans.map((plan, i) => {
        const row = rows[i]!;
        return auditRow(plan.item.ctx, {
          organizationId: row.organizationId,
          action: 'request.create',
          entityType: 'request',
          entityId: row.id,
          after: {
            number: row.number,
            channel: row.channel,
            type: row.type,
            categoryId: row.categoryId,
            status: drafts[i]!.status,
            requesterKind: row.requesterKind,
            requesterUserId: row.requesterUserId,
            assigneeUserId: row.assigneeUserId,
            dueAt: row.dueAt,
            attachments: checked.get(plan.index)!.files.length,
            consent: row.consentVersion,
          },
        });
      }),
    });
    const requests = written.map((w) => w.request);

    const attachmentsOf = new Map<string, Awaited<ReturnType<typeof storeFiles>>>();
    for (const [i, plan] of plans.entries()) {
      const files = checked.get(plan.index)!.files;
      if (files.length > 0) attachmentsOf.set(requests[i]!.id, await storeFiles(db, requests[i]!, written[i]!.events[0]!.id, files));
    }

    for (const [i, plan] of plans.entries()) {
      const request = requests[i]!;
      const ack = written[i]!.email;
      const parts: DeskViewParts = {
        events: written[i]!.events,
        attachments: attachmentsOf.get(request.id) ?? [],
        emails: ack ? [ack] : [],
        category: plan.category ? categoryView(plan.category, plan.category.parent) : null,
        assignee: plan.assignee ? { id: plan.assignee.id, fullName: plan.assignee.fullName } : null,
      };
      outcomes[plan.index] = {
        ok: true,
        value: {
          request,
          desk: plan.desk,
          parts,
          statusToken: plan.statusLink.token,
          created: true,
          wordingHints: checked.get(plan.index)!.wordingHints,
        },
      };
    }
    return outcomes as Array<Settled<Registered>>;
  };
  return writes;
}
