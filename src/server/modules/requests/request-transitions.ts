/**
 * State changes of a registered request, in the caller's transaction with the row locked:
 * lifecycle transitions (including the requester's reply), public replies and internal notes,
 * assignment, and re-classification. Each writes a timeline event and an audit row, recomputes
 * deadlines when they move, reschedules deadline jobs and tells the people concerned.
 */
import { legalExtensionBlock, legalTermsFor } from '../../../domain/requests/deadlines.ts';
import { countsAsFirstResponse, isOpen, transition, type ActorKind, type LifecycleAction } from '../../../domain/requests/lifecycle.ts';
import type { Channel, RejectReason, RequestType, RequesterKind } from '../../../domain/requests/taxonomy.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { usableCategory } from './desk.service.ts';
import { eventActor, invalidTransition, type Loaded } from './request-access.ts';
import { storeFiles, type CheckedFile } from './request-attachments.ts';
import { currentDueAt, deadlineColumns, deadlinesFor, legalMetBy, scheduleAutoClose, scheduleDeadlineJobs } from './request-deadlines.ts';
import { mailRequester, notifyStaff, userRecipient, workersToTell, type RequesterTemplate } from './request-notify.ts';
import { assertAssignable } from './request-register.ts';
import * as repo from './requests.repository.ts';
import type { RequestPatch, RequestRow } from './requests.repository.ts';

const DAY = 86_400_000;

export interface TransitionInput {
  action: LifecycleAction;
  /** Message shown to the requester: the question, the resolution, a reply, a comment. */
  body?: string | null | undefined;
  reason?: RejectReason | null | undefined;
  files?: readonly CheckedFile[] | undefined;
}

const MAIL_OF: Partial<Record<LifecycleAction, RequesterTemplate>> = {
  request_clarification: 'clarification',
  resolve: 'resolved',
  reject: 'rejected',
};

/**
 * Applies a lifecycle action by `actor`. Leaving `waiting_for_requester` ends the pause and
 * extends the review deadline; a reopening starts a fresh review term; resolving schedules the
 * auto-close. @throws INVALID_TRANSITION (409) naming the current status, with the allowed actions.
 */
export async function applyTransition(
  db: Executor,
  deps: Deps,
  ctx: RequestContext,
  loaded: Loaded,
  actor: ActorKind,
  input: TransitionInput,
): Promise<RequestRow> {
  const { row, desk } = loaded;
  const policy = desk.policy;
  const now = deps.clock.now();
  const result = transition({ status: row.status, resolvedAt: row.resolvedAt?.getTime() ?? null }, input.action, {
    actor,
    now: now.getTime(),
    reopenWindowMs: policy.reopenWindowDays * DAY,
  });
  if (!result.ok) throw invalidTransition(ctx, row.status, input.action, result, policy.reopenWindowDays);
  const { from, to } = result;
  const body = input.body?.trim() || null;
  const patch: RequestPatch = { status: to, updatedAt: now };
  let recompute = false;
  if (to === 'waiting_for_requester' && from !== to && policy.pauseWhileWaiting) {
    await repo.openPause(db, { requestId: row.id, organizationId: row.organizationId, startedAt: now });
    patch.pausedSince = now;
  }
  if (from === 'waiting_for_requester' && to !== from && row.pausedSince) {
    await repo.closePause(db, row.id, now);
    patch.pausedSince = null;
    recompute = true;
  }
  const reopening = (from === 'resolved' || from === 'closed') && to === 'in_progress';
  if (reopening) {
    Object.assign(patch, { reviewStartAt: now, resolvedAt: null, closedAt: null, resolution: null });
    recompute = true;
  }
  // The first answer on or before the legal deadline meets it for good: a reopening after the
  // deadline is judged by its fresh review term (the deadline that counts is then the review one).
  const legalMetAt = to === 'resolved' ? legalMetBy(row, now) : null;
  if (to === 'resolved') Object.assign(patch, { resolvedAt: now, resolution: body });
  if (legalMetAt) Object.assign(patch, { legalMetAt, dueAt: row.reviewDueAt });
  if (to === 'closed') patch.closedAt = now;
  if (to === 'rejected') Object.assign(patch, { rejectedAt: now, rejectReason: input.reason ?? null, rejectComment: body });
  if (!row.firstResponseAt && countsAsFirstResponse(input.action, actor)) patch.firstResponseAt = now;
  if (recompute) {
    const basis = {
      ...row,
      reviewStartAt: (patch.reviewStartAt as Date | undefined) ?? row.reviewStartAt,
      legalMetAt: legalMetAt ?? row.legalMetAt,
    };
    Object.assign(patch, deadlineColumns(await deadlinesFor(deps, db, policy, basis, row.id)));
  }
  const updated = await repo.updateRequest(db, row.id, patch);

  const template = MAIL_OF[input.action];
  const mailed = template ? await mailRequester(db, deps, updated, desk, template, { message: body, reason: input.reason ?? null }) : null;
  const outboxId = mailed?.id ?? null;
  const event = await repo.insertEvent(db, {
    requestId: row.id,
    organizationId: row.organizationId,
    type: input.action === 'requester_reply' ? 'requester_reply' : 'status_changed',
    ...eventActor(ctx, actor, row),
    body,
    visibility: 'public',
    metadata: { action: input.action, from, to, ...(input.reason ? { reason: input.reason } : {}), outboxIds: outboxId ? [outboxId] : [] },
    createdAt: now,
  });
  await storeFiles(db, row, event.id, input.files ?? []);
  if (recompute && currentDueAt(updated) !== currentDueAt(row)) await deadlineChanged(db, ctx, row, updated, now);
  if (actor === 'requester' && (input.action === 'requester_reply' || input.action === 'reopen')) {
    await notifyStaff(
      db,
      deps,
      updated,
      desk,
      reopening ? 'reopened' : 'requesterReply',
      await workersToTell(db, updated),
      ctx.actor?.userId ?? null,
    );
  }
  if (isOpen(to)) await scheduleDeadlineJobs(db, updated, policy, now);
  if (to === 'resolved') await scheduleAutoClose(db, updated, policy);
  await recordAudit(db, ctx, {
    organizationId: row.organizationId,
    action: input.action === 'requester_reply' ? 'request.requester_reply' : 'request.transition',
    entityType: 'request',
    entityId: row.id,
    before: { status: from, dueAt: row.dueAt },
    after: {
      status: to,
      action: input.action,
      reason: input.reason ?? null,
      dueAt: updated.dueAt,
      ...(legalMetAt ? { legalMetAt } : {}),
      eventId: event.id,
      attachments: input.files?.length ?? 0,
    },
  });
  return updated;
}

/**
 * After deadlines may have moved: a note on the timeline when the deadline that counts has, and
 * the jobs of every running deadline (a legal deadline may move behind a missed review one; the
 * dedupe keys make this a no-op when nothing moved).
 */
async function followMovedDeadline(
  db: Executor,
  ctx: RequestContext,
  before: RequestRow,
  after: RequestRow,
  policy: Loaded['desk']['policy'],
  now: Date,
): Promise<void> {
  if (currentDueAt(after) !== currentDueAt(before)) await deadlineChanged(db, ctx, before, after, now);
  if (isOpen(after.status)) await scheduleDeadlineJobs(db, after, policy, now);
}

async function deadlineChanged(db: Executor, ctx: RequestContext, before: RequestRow, after: RequestRow, now: Date): Promise<void> {
  const from = currentDueAt(before);
  const to = currentDueAt(after);
  await repo.insertEvent(db, {
    requestId: after.id,
    organizationId: after.organizationId,
    type: 'deadline_changed',
    ...eventActor(ctx, 'system'),
    body: null,
    visibility: 'internal',
    metadata: { from: from === null ? null : new Date(from).toISOString(), to: to === null ? null : new Date(to).toISOString() },
    createdAt: now,
  });
}

/**
 * A public reply (e-mailed to the requester) or an internal note (never shown to the requester).
 * A reply to a `new` request starts the work on it; a reply is the first response.
 */
export async function appendStaffMessage(
  db: Executor,
  deps: Deps,
  ctx: RequestContext,
  loaded: Loaded,
  kind: 'reply' | 'note',
  body: string | null,
  files: readonly CheckedFile[],
) {
  let row = loaded.row;
  const now = deps.clock.now();
  if (kind === 'reply' && row.status === 'new') row = await applyTransition(db, deps, ctx, loaded, 'staff', { action: 'start' });
  if (kind === 'reply' && !row.firstResponseAt) row = await repo.updateRequest(db, row.id, { firstResponseAt: now, updatedAt: now });
  else row = await repo.updateRequest(db, row.id, { updatedAt: now });
  const mailed = kind === 'reply' ? await mailRequester(db, deps, row, loaded.desk, 'reply', { message: body }) : null;
  const outboxId = mailed?.id ?? null;
  const event = await repo.insertEvent(db, {
    requestId: row.id,
    organizationId: row.organizationId,
    type: kind,
    ...eventActor(ctx, 'staff'),
    body,
    visibility: kind === 'reply' ? 'public' : 'internal',
    metadata: { outboxIds: outboxId ? [outboxId] : [] },
    createdAt: now,
  });
  const stored = await storeFiles(db, row, event.id, files);
  await recordAudit(db, ctx, {
    organizationId: row.organizationId,
    action: `request.${kind}`,
    entityType: 'request',
    entityId: row.id,
    after: { eventId: event.id, attachments: stored.length },
  });
  return { event, attachments: stored };
}

/** Assigns the request to a consultant, head or admin of its organisation (null unassigns). */
export async function assign(
  db: Executor,
  deps: Deps,
  ctx: RequestContext,
  loaded: Loaded,
  assigneeId: string | null,
): Promise<RequestRow> {
  const { row, desk } = loaded;
  if (row.assigneeUserId === assigneeId) return row;
  if (assigneeId) await assertAssignable(db, row.organizationId, assigneeId);
  const now = deps.clock.now();
  const updated = await repo.updateRequest(db, row.id, { assigneeUserId: assigneeId, updatedAt: now });
  const assignee = await userRecipient(db, assigneeId);
  await repo.insertEvent(db, {
    requestId: row.id,
    organizationId: row.organizationId,
    type: assigneeId ? 'assigned' : 'unassigned',
    ...eventActor(ctx, 'staff'),
    body: null,
    visibility: 'internal',
    metadata: { from: row.assigneeUserId, to: assigneeId, toName: assignee?.fullName ?? null },
    createdAt: now,
  });
  if (assignee) await notifyStaff(db, deps, updated, desk, 'assigned', [assignee], ctx.actor?.userId ?? null);
  await recordAudit(db, ctx, {
    organizationId: row.organizationId,
    action: 'request.assign',
    entityType: 'request',
    entityId: row.id,
    before: { assigneeUserId: row.assigneeUserId },
    after: { assigneeUserId: assigneeId },
  });
  return updated;
}

export interface ClassificationPatch {
  categoryId?: string | null | undefined;
  type?: RequestType | undefined;
  subject?: string | undefined;
  channel?: Channel | undefined;
  requesterKind?: RequesterKind | undefined;
  childClass?: string | null | undefined;
}

/**
 * Changes category, type and the like; a new type recomputes the deadlines (registration and
 * pauses kept; a new law's term starts unextended, see `retypedDeadlines`).
 */
export async function classify(
  db: Executor,
  deps: Deps,
  ctx: RequestContext,
  loaded: Loaded,
  patch: ClassificationPatch,
): Promise<RequestRow> {
  const { row, desk } = loaded;
  const now = deps.clock.now();
  if (patch.categoryId) await usableCategory(db, row.organizationId, patch.categoryId);
  const changes: RequestPatch = {};
  if (patch.categoryId !== undefined && patch.categoryId !== row.categoryId) changes.categoryId = patch.categoryId;
  if (patch.type !== undefined && patch.type !== row.type) changes.type = patch.type;
  if (patch.subject !== undefined && patch.subject.trim() !== row.subject) changes.subject = patch.subject.trim();
  if (patch.channel !== undefined && patch.channel !== row.channel) changes.channel = patch.channel;
  if (patch.requesterKind !== undefined && patch.requesterKind !== row.requesterKind) changes.requesterKind = patch.requesterKind;
  if (patch.childClass !== undefined && (patch.childClass?.trim() || null) !== row.childClass)
    changes.childClass = patch.childClass?.trim() || null;
  if (Object.keys(changes).length === 0) return row;
  if (changes.type) Object.assign(changes, await retypedDeadlines(deps, db, loaded, changes.type));
  const updated = await repo.updateRequest(db, row.id, { ...changes, updatedAt: now });
  const before = Object.fromEntries(Object.keys(changes).map((key) => [key, row[key as keyof RequestRow]]));
  const after = Object.fromEntries(Object.keys(changes).map((key) => [key, updated[key as keyof RequestRow]]));
  await repo.insertEvent(db, {
    requestId: row.id,
    organizationId: row.organizationId,
    type: 'classification_changed',
    ...eventActor(ctx, 'staff'),
    body: null,
    visibility: 'internal',
    metadata: { before, after },
    createdAt: now,
  });
  await followMovedDeadline(db, ctx, row, updated, desk.policy, now);
  await recordAudit(db, ctx, {
    organizationId: row.organizationId,
    action: 'request.update',
    entityType: 'request',
    entityId: row.id,
    before,
    after,
  });
  return updated;
}

/**
 * The deadline columns of the request under a new type (registration and pauses kept). When the
 * type falls under another law (or none), what was done under the old law's term goes with it: its
 * extension (59-FZ art. 12 and 152-FZ art. 20 each allow their own, once) and its being met —
 * the new law's term is met by the earliest answer on record only if that came on or before it.
 * The changed columns are in the caller's audit row and timeline event.
 */
async function retypedDeadlines(deps: Deps, db: Executor, loaded: Loaded, type: RequestType): Promise<RequestPatch> {
  const { row, desk } = loaded;
  const lawChanged = (legalTermsFor(type)?.basis ?? null) !== row.legalBasis;
  if (!lawChanged) return deadlineColumns(await deadlinesFor(deps, db, desk.policy, { ...row, type }, row.id));
  const fresh = await deadlinesFor(deps, db, desk.policy, { ...row, type, legalExtendedAt: null, legalMetAt: null }, row.id);
  // The earliest answer on record: the one that met the old law's term, or the resolution standing.
  const answers = [row.legalMetAt, row.status === 'resolved' || row.status === 'closed' ? row.resolvedAt : null];
  const answered = answers.reduce<Date | null>((first, at) => (at && (!first || at < first) ? at : first), null);
  const legalMetAt = answered && fresh.legalDueAt !== null && answered.getTime() <= fresh.legalDueAt ? answered : null;
  const columns: RequestPatch = deadlineColumns(legalMetAt ? { ...fresh, dueAt: fresh.reviewDueAt } : fresh);
  if (row.legalExtendedAt !== null) columns.legalExtendedAt = null;
  if ((row.legalMetAt?.getTime() ?? null) !== (legalMetAt?.getTime() ?? null)) columns.legalMetAt = legalMetAt;
  return columns;
}

/**
 * Extends the request's legal answer term, once (59-FZ art. 12 part 2: by the head, in exceptional
 * cases, up to 30 days; 152-FZ art. 20 part 3: up to 5 working days with a reasoned notice). The
 * law asks that the requester be told: the reason is a public message on the timeline and goes by
 * e-mail with the new deadline. Deadline jobs follow the new term.
 * @throws CONFLICT when the request is finished, its type has no extension, or it was extended.
 */
export async function extendLegalTerm(db: Executor, deps: Deps, ctx: RequestContext, loaded: Loaded, reason: string): Promise<RequestRow> {
  const { row, desk } = loaded;
  const now = deps.clock.now();
  const block = legalExtensionBlock(row);
  if (block !== null || row.legalDueAt === null)
    throw new AppError('CONFLICT', { messageKey: `requests.error.legalExtension.${block ?? 'notAllowed'}` });
  const updated = await repo.updateRequest(db, row.id, {
    ...deadlineColumns(await deadlinesFor(deps, db, desk.policy, { ...row, legalExtendedAt: now }, row.id)),
    legalExtendedAt: now,
    updatedAt: now,
  });
  const mailed = await mailRequester(db, deps, updated, desk, 'legalExtension', { message: reason });
  const event = await repo.insertEvent(db, {
    requestId: row.id,
    organizationId: row.organizationId,
    type: 'legal_term_extended',
    ...eventActor(ctx, 'staff'),
    body: reason,
    visibility: 'public',
    metadata: {
      basis: row.legalBasis,
      from: row.legalDueAt.toISOString(),
      to: updated.legalDueAt!.toISOString(),
      outboxIds: mailed ? [mailed.id] : [],
    },
    createdAt: now,
  });
  await followMovedDeadline(db, ctx, row, updated, desk.policy, now);
  // The reason is on the timeline (it may name people), not in the audit log.
  await recordAudit(db, ctx, {
    organizationId: row.organizationId,
    action: 'request.legal_extend',
    entityType: 'request',
    entityId: row.id,
    before: { legalDueAt: row.legalDueAt, dueAt: row.dueAt },
    after: { legalDueAt: updated.legalDueAt, dueAt: updated.dueAt, eventId: event.id },
  });
  return updated;
}

/** Validates what a desk action needs before it runs. */
export function assertActionInput(input: TransitionInput): void {
  const body = input.body?.trim() ?? '';
  if ((input.action === 'request_clarification' || input.action === 'resolve') && body.length === 0) {
    throw new AppError('VALIDATION', { fields: { body: { key: 'requests.field.bodyRequired' } } });
  }
  if (input.action === 'reject') {
    const fields: Record<string, { key: 'requests.field.reasonRequired' | 'requests.field.commentRequired' }> = {};
    if (!input.reason) fields.reason = { key: 'requests.field.reasonRequired' };
    if (body.length === 0) fields.body = { key: 'requests.field.commentRequired' };
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', { fields });
  }
  if (input.action === 'requester_reply' || input.action === 'auto_close') {
    throw new AppError('VALIDATION', { fields: { action: { key: 'requests.field.unsupportedAction' } } });
  }
}
