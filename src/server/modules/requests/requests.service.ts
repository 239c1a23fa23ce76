/**
 * The request engine (обращения) — the service API every channel and screen calls.
 *
 * All functions take `(deps, ctx, …)`; `ctx` is the caller's RequestContext (`contextOf(request)`
 * in a route; `ctx.actor` may be null for the public form and the status page). Each runs in one
 * transaction: the change, its timeline event, its audit row, its e-mails (outbox) and its jobs
 * commit together, so a 201 means the request is stored and its acknowledgement will be sent.
 * Errors are AppError: VALIDATION (fields), REQUEST_WORDING_UNCLEAR (fields), CONSENT_REQUIRED,
 * ATTACHMENT_TOO_MANY / ATTACHMENT_TOO_LARGE (413) / ATTACHMENT_TYPE_NOT_ALLOWED (415),
 * NOT_FOUND (also for requests outside the caller's reach), FORBIDDEN (role), INVALID_TRANSITION
 * (409, `details: { status, action, allowed }`).
 *
 * ## For the public web form and the status page (no account needed)
 * - `createPublicRequest(deps, ctx, input: PublicRequestInput, files?)` →
 *   `{ created, request: { id, number, status, registeredAt, dueAt }, statusToken, statusUrl, wordingHints }`.
 *   Needs `consent.given` (152-FZ, recorded with its version) and should get an
 *   `idempotencyKey` (one per form render): a repeated submission returns `created: false` with
 *   the same request and no token (the link is in the acknowledgement e-mail already).
 * - `resolveStatusToken(deps, ctx, token, { attachmentBase })` → the requester's view (public
 *   timeline, deadline badge, `allowedActions`), NOT_FOUND for an unknown link.
 * - `addRequesterReply(deps, ctx, { kind: 'token', token }, { body }, files?)` → the view; a reply
 *   moves a waiting request back to `in_progress` (ending the pause) and reopens a resolved one
 *   within the reopen window; INVALID_TRANSITION for a closed or rejected request.
 * - `requesterAction(deps, ctx, target, { action: 'reopen' | 'close', body? }, files?)` → the view.
 * - `getRequesterAttachment(deps, ctx, target, attachmentId)` → `{ fileName, contentType, content }`
 *   (public messages only); serve it with `contentDisposition(fileName)` from domain/requests.
 * - Uploads: `registerMultipart(app)` + `preValidation: parseMultipartBody` + `uploadedFiles(request)`
 *   from ./multipart.ts give the `files` argument (≤ 5 files, ≤ 10 MB, images/PDF sniffed).
 * - Categories for the form: `listPublicCategories(deps, organizationId)` (desk.service.ts).
 * A signed-in requester uses the same functions with `{ kind: 'user', requestId }`.
 *
 * ## For other channels
 * - `registerRequest(tx, deps, ctx, input)` (request-register.ts) in the caller's transaction,
 *   e.g. the e-mail channel with `channel: 'email'`, `sourceMessageId` (a repeated Message-ID
 *   registers once) and `registeredBy: 'system'`.
 *
 * ## Desk staff (routes in requests.routes.ts)
 * createOwnRequest, createIntakeRequest, assignRequest, changeStatus, replyToRequest,
 * addInternalNote, updateClassification, extendRequestLegalTerm (head, admin) here; queues,
 * counts, detail and downloads in request-queries.service.ts; desk policy and categories in
 * desk.service.ts; notifications in notifications.service.ts.
 */
import type { Permission } from '../../../domain/permissions.ts';
import type { LifecycleAction } from '../../../domain/requests/lifecycle.ts';
import type { Channel, RejectReason, RequestType, RequesterKind } from '../../../domain/requests/taxonomy.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { authorize, authorizeOwn, requireActor } from '../../http/access.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { loadDesk } from './desk.service.ts';
import { loadForDesk, loadForRequester, type RequesterTarget } from './request-access.ts';
import { checkFiles, type UploadedFile } from './request-attachments.ts';
import { issueStatusToken, statusUrl } from './request-notify.ts';
import { createGrouper, groupersBy, type Settled } from '../../lib/grouper.ts';
import {
  findDuplicate,
  prepareRegistrations,
  registerOne,
  type RegisterInput,
  type RegisterItem,
  type Registered,
} from './request-register.ts';
import {
  appendStaffMessage,
  applyTransition,
  type TransitionInput,
  assertActionInput,
  assign,
  classify,
  extendLegalTerm,
  type ClassificationPatch,
} from './request-transitions.ts';
import { presentForDesk, presentForRequester } from './request-views.ts';
import * as repo from './requests.repository.ts';

export type { RequesterTarget } from './request-access.ts';
export type { UploadedFile } from './request-attachments.ts';
export { registerRequest, type RegisterInput } from './request-register.ts';

interface Wording {
  subject: string;
  whatDid?: string | null | undefined;
  expected?: string | null | undefined;
  happened?: string | null | undefined;
  description?: string | null | undefined;
}

/**
 * Registers one request in its own transaction; a concurrent duplicate (same idempotency key /
 * Message-ID) returns the stored request.
 */
async function registerOnce(deps: Deps, item: RegisterItem): Promise<Registered> {
  const { input } = item;
  try {
    return await deps.db.transaction().execute((tx) => registerOne(tx, deps, item));
  } catch (error) {
    const pgError = error as { code?: string; constraint?: string };
    if (pgError.code === '23505' && /idempotency_key|source_message_id/.test(pgError.constraint ?? '')) {
      const existing = await findDuplicate(deps.db, input);
      if (existing) {
        const statusToken = input.idempotencyKey && input.registeredBy === 'requester' ? await issueStatusToken(deps.db, existing) : null;
        return { request: existing, statusToken, created: false, wordingHints: [] };
      }
    }
    throw error;
  }
}

const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );

/**
 * Group commit of registrations: the requests that arrive while earlier ones are being written
 * are registered together, in one transaction that takes their numbers and writes everything else
 * in one statement (lib/grouper.ts, request-register.ts). A
 * registration's own problem (wording, category, …) is its own answer; a database error in a group
 * (e.g. two submissions of one form key in the same group) sends each of its requests through a
 * transaction of its own, so one request never fails another. Every request still commits with its
 * events, e-mails, jobs and audit row, or not at all.
 */
const registrations = groupersBy((deps: Deps) =>
  createGrouper<RegisterItem, Registered>({
    maxGroup: 32,
    maxInFlight: 2,
    run: async (items) => {
      try {
        const writes = await prepareRegistrations(deps.db, deps, items);
        return await deps.db.transaction().execute(writes);
      } catch (error) {
        if (items.length > 1)
          deps.log.warn({ err: error, requests: items.length }, 'a group of registrations failed: registering each alone');
      }
      return Promise.all(items.map((item) => settle(registerOnce(deps, item))));
    },
  }),
);

/** Registers through the group commit (see `registrations`). */
function register(deps: Deps, item: RegisterItem): Promise<Registered> {
  return registrations(deps).submit(item);
}

const DEFAULT_ATTACHMENT_BASE = (id: string) => `/api/my/requests/${id}/attachments`;

// ---- requesters ----

export interface OwnRequestInput extends Wording {
  type?: RequestType | undefined;
  categoryId?: string | null | undefined;
  childClass?: string | null | undefined;
  phone?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}

/** A signed-in user files a request with their own desk (channel `web`); staff or parent by role. */
export async function createOwnRequest(deps: Deps, ctx: RequestContext, input: OwnRequestInput, files: readonly UploadedFile[] = []) {
  const membership = authorizeOwn(ctx, 'request.create');
  const actor = requireActor(ctx);
  const registerInput: RegisterInput = {
    ...input,
    organizationId: membership.organizationId,
    channel: 'web',
    requester: { kind: membership.role === 'parent' ? 'parent' : 'staff', userId: actor.userId, phone: input.phone },
    wordingMode: 'requester',
    registeredBy: 'requester',
    files,
  };
  const registered = await register(deps, { ctx, input: registerInput });
  const desk = registered.desk ?? (await loadDesk(deps.db, registered.request.organizationId));
  const view = await presentForRequester(
    deps.db,
    registered.request,
    desk,
    deps.clock.now(),
    DEFAULT_ATTACHMENT_BASE(registered.request.id),
    registered.parts,
  );
  return { ...view, created: registered.created, wordingHints: registered.wordingHints };
}

export interface PublicRequestInput extends Wording {
  organizationId: string;
  requester: { kind: RequesterKind; name: string; email?: string | null | undefined; phone?: string | null | undefined };
  childClass?: string | null | undefined;
  categoryId?: string | null | undefined;
  type?: RequestType | undefined;
  /** 152-FZ: a separate consent, shown with its version (e.g. the policy's date). */
  consent: { given: boolean; version: string };
  /** One key per form render, so a double submit registers once. */
  idempotencyKey?: string | null | undefined;
}

/** The public web form (channel `web`, no account). See the module comment. */
export async function createPublicRequest(deps: Deps, ctx: RequestContext, input: PublicRequestInput, files: readonly UploadedFile[] = []) {
  if (!input.consent.given) throw new AppError('CONSENT_REQUIRED', { fields: { consent: { key: 'requests.field.consentRequired' } } });
  const registerInput: RegisterInput = {
    ...input,
    channel: 'web',
    requester: { ...input.requester, locale: ctx.locale },
    consentVersion: input.consent.version,
    wordingMode: 'requester',
    registeredBy: 'requester',
    files,
  };
  const registered = await register(deps, { ctx, input: registerInput });
  const { request, statusToken } = registered;
  return {
    created: registered.created,
    request: { id: request.id, number: request.number, status: request.status, registeredAt: request.registeredAt, dueAt: request.dueAt },
    statusToken,
    statusUrl: statusToken ? statusUrl(deps, statusToken) : null,
    wordingHints: registered.wordingHints,
  };
}

/** The requester's view behind a private status link. */
export async function resolveStatusToken(deps: Deps, ctx: RequestContext, token: string, options: { attachmentBase: string }) {
  const { row, desk } = await loadForRequester(deps.db, ctx, { kind: 'token', token });
  return presentForRequester(deps.db, row, desk, deps.clock.now(), options.attachmentBase);
}

function attachmentBaseFor(target: RequesterTarget, requestId: string, base?: string): string {
  return base ?? (target.kind === 'user' ? DEFAULT_ATTACHMENT_BASE(requestId) : '');
}

/** The requester writes to the desk (status page or their account). */
export async function addRequesterReply(
  deps: Deps,
  ctx: RequestContext,
  target: RequesterTarget,
  input: { body?: string | null | undefined },
  files: readonly UploadedFile[] = [],
  options: { attachmentBase?: string } = {},
) {
  const checked = checkFiles(files);
  const body = input.body?.trim() ?? '';
  if (body.length === 0 && checked.length === 0)
    throw new AppError('VALIDATION', { fields: { body: { key: 'requests.field.nothingToSend' } } });
  return changeAsRequester(deps, ctx, target, { action: 'requester_reply', body, files: checked }, options);
}

/** The requester reopens (within the window) or confirms and closes a resolved request. */
export async function requesterAction(
  deps: Deps,
  ctx: RequestContext,
  target: RequesterTarget,
  input: { action: 'reopen' | 'close'; body?: string | null | undefined },
  files: readonly UploadedFile[] = [],
  options: { attachmentBase?: string } = {},
) {
  return changeAsRequester(deps, ctx, target, { action: input.action, body: input.body, files: checkFiles(files) }, options);
}

/** A requester's transition (files already checked) in one transaction, answered with the requester's view. */
async function changeAsRequester(
  deps: Deps,
  ctx: RequestContext,
  target: RequesterTarget,
  change: TransitionInput & { action: 'requester_reply' | 'reopen' | 'close' },
  options: { attachmentBase?: string },
) {
  const row = await deps.db.transaction().execute(async (tx) => {
    const loaded = await loadForRequester(tx, ctx, target, true);
    return applyTransition(tx, deps, ctx, loaded, 'requester', change);
  });
  const desk = await loadDesk(deps.db, row.organizationId);
  return presentForRequester(deps.db, row, desk, deps.clock.now(), attachmentBaseFor(target, row.id, options.attachmentBase));
}

/** An attachment of a public message, for the requester. */
export async function getRequesterAttachment(deps: Deps, ctx: RequestContext, target: RequesterTarget, attachmentId: string) {
  const { row } = await loadForRequester(deps.db, ctx, target);
  const file = await repo.findAttachment(deps.db, row.id, attachmentId);
  if (!file || file.visibility !== 'public') throw new AppError('NOT_FOUND');
  return { fileName: file.fileName, contentType: file.contentType, content: file.content };
}

// ---- desk staff ----

export interface IntakeInput extends Wording {
  organizationId?: string | undefined;
  channel: Channel;
  requester: {
    kind: RequesterKind;
    userId?: string | null | undefined;
    name?: string | null | undefined;
    email?: string | null | undefined;
    phone?: string | null | undefined;
  };
  childClass?: string | null | undefined;
  categoryId?: string | null | undefined;
  type?: RequestType | undefined;
  receivedAt?: Date | undefined;
  /** Assign to the consultant registering it (default true). */
  assignToMe?: boolean | undefined;
  assigneeId?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}

/** A consultant registers a request received in person, at a parent meeting, by phone or e-mail. */
export async function createIntakeRequest(deps: Deps, ctx: RequestContext, input: IntakeInput, files: readonly UploadedFile[] = []) {
  const membership = authorizeOwn(ctx, 'request.work');
  const organizationId = input.organizationId ?? membership.organizationId;
  const { assignToMe, assigneeId, ...rest } = input;
  const registerInput: RegisterInput = {
    ...rest,
    organizationId,
    assigneeUserId: assigneeId !== undefined ? assigneeId : assignToMe === false ? null : requireActor(ctx).userId,
    wordingMode: 'intake',
    registeredBy: 'staff',
    files,
  };
  // The desk is read once, in the registration's transaction, and serves the check and the view.
  const registered = await register(deps, {
    ctx,
    input: registerInput,
    checkDesk: (desk) => authorize(ctx, 'request.work', desk.org.path),
  });
  const desk = registered.desk ?? (await loadDesk(deps.db, organizationId));
  // A new request is shown from what its registration wrote; a repeated one is read back.
  const view = await presentForDesk(deps.db, registered.request, desk, deps.clock.now(), registered.parts);
  return { ...view, created: registered.created, wordingHints: registered.wordingHints };
}

async function deskChange<T>(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  work: (tx: Executor, loaded: Awaited<ReturnType<typeof loadForDesk>>) => Promise<T>,
  permission: Permission = 'request.work',
) {
  const result = await deps.db.transaction().execute(async (tx) => work(tx, await loadForDesk(tx, ctx, id, permission, true)));
  const { row, desk } = await loadForDesk(deps.db, ctx, id, 'request.readAll');
  return { result, view: await presentForDesk(deps.db, row, desk, deps.clock.now()) };
}

export async function assignRequest(deps: Deps, ctx: RequestContext, id: string, assigneeId: string | null) {
  return (await deskChange(deps, ctx, id, (tx, loaded) => assign(tx, deps, ctx, loaded, assigneeId))).view;
}

/**
 * Extends the legal answer term of a 59-FZ appeal or a 152-FZ request, once, telling the requester
 * why (request-transitions.ts `extendLegalTerm`). Heads and admins: the law gives it to the head.
 */
export async function extendRequestLegalTerm(deps: Deps, ctx: RequestContext, id: string, reason: string) {
  const text = reason.trim();
  if (!text) throw new AppError('VALIDATION', { fields: { reason: { key: 'requests.field.extensionReasonRequired' } } });
  return (await deskChange(deps, ctx, id, (tx, loaded) => extendLegalTerm(tx, deps, ctx, loaded, text), 'request.extendLegalTerm')).view;
}

export interface StatusChangeInput {
  action: LifecycleAction;
  body?: string | null | undefined;
  reason?: RejectReason | null | undefined;
}

/** start, request_clarification (body), resolve (body), close, reopen, reject (reason + body). */
export async function changeStatus(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: StatusChangeInput,
  files: readonly UploadedFile[] = [],
) {
  assertActionInput(input);
  const checked = checkFiles(files);
  return (await deskChange(deps, ctx, id, (tx, loaded) => applyTransition(tx, deps, ctx, loaded, 'staff', { ...input, files: checked })))
    .view;
}

function messageBody(body: string | null | undefined, files: readonly unknown[]): string | null {
  const text = body?.trim() ?? '';
  if (text.length === 0 && files.length === 0)
    throw new AppError('VALIDATION', { fields: { body: { key: 'requests.field.nothingToSend' } } });
  return text.length > 0 ? text : null;
}

/** A public reply, e-mailed to the requester. */
export async function replyToRequest(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { body?: string | null | undefined },
  files: readonly UploadedFile[] = [],
) {
  const checked = checkFiles(files);
  const body = messageBody(input.body, checked);
  return (await deskChange(deps, ctx, id, (tx, loaded) => appendStaffMessage(tx, deps, ctx, loaded, 'reply', body, checked))).view;
}

/** An internal note: never shown or sent to the requester. */
export async function addInternalNote(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { body?: string | null | undefined },
  files: readonly UploadedFile[] = [],
) {
  const checked = checkFiles(files);
  const body = messageBody(input.body, checked);
  return (await deskChange(deps, ctx, id, (tx, loaded) => appendStaffMessage(tx, deps, ctx, loaded, 'note', body, checked))).view;
}

export async function updateClassification(deps: Deps, ctx: RequestContext, id: string, patch: ClassificationPatch) {
  return (await deskChange(deps, ctx, id, (tx, loaded) => classify(tx, deps, ctx, loaded, patch))).view;
}
