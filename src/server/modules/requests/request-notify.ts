/**
 * What the request engine tells people, always inside the transaction of the change: e-mails to
 * the requester through the outbox (each with a fresh private status link), and in-app
 * notifications (plus e-mail for deadline alerts) to the desk's staff. Texts come from the
 * message catalogue in the recipient's language.
 */
import { DESK_WORKER_ROLES } from '../../../domain/permissions.ts';
import { formatDateTime, translate, type Locale, type MessageKey, type MessageParams } from '../../../shared/i18n/index.ts';
import type { LegalBasis } from '../../../domain/requests/deadlines.ts';
import type { RejectReason } from '../../../domain/requests/taxonomy.ts';
import type { Executor } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { enqueueEmail, enqueueEmailRow, type OutboxDelivery, type OutgoingEmail } from '../../mail/outbox.ts';
import { findUserById, usersWithRole } from '../identity/identity.lookup.ts';
import type { Desk } from './desk.service.ts';
import { insertNotifications, type NewNotification } from './notifications.repository.ts';
import { currentDueAt } from './request-deadlines.ts';
import * as repo from './requests.repository.ts';
import type { RequestRow } from './requests.repository.ts';

export const RELATED_TYPE = 'request';

export type RequesterTemplate = 'ack' | 'reply' | 'clarification' | 'resolved' | 'rejected' | 'legalExtension';

/** The article that allows extending a legal answer term, named in the requester's notice. */
const EXTENSION_LAW: Partial<Record<LegalBasis, MessageKey>> = {
  '59-FZ': 'requests.legalExtension.law.59-FZ',
  '152-FZ': 'requests.legalExtension.law.152-FZ',
};

function lawText(locale: Locale, basis: LegalBasis | null): string {
  const key = basis ? EXTENSION_LAW[basis] : undefined;
  return key ? translate(locale, key) : '';
}

/** The private status page of a request: `${PUBLIC_URL}/status/<token>`. */
export function statusUrl(deps: Deps, token: string): string {
  return `${deps.config.publicUrl}/status/${token}`;
}

/** The workspace page of a request (web route `/requests/:id`). */
export function workspacePath(requestId: string): string {
  return `/requests/${requestId}`;
}

/** A new private status link: the token for the requester and the hash that is stored. */
export function newStatusLink(): { token: string; tokenHash: string } {
  const token = newToken();
  return { token, tokenHash: hashToken(token) };
}

/** Issues a new private status link for the request (only its hash is stored). */
export async function issueStatusToken(db: Executor, request: Pick<RequestRow, 'id' | 'organizationId'>): Promise<string> {
  const { token, tokenHash } = newStatusLink();
  await repo.insertStatusToken(db, { tokenHash, requestId: request.id, organizationId: request.organizationId });
  return token;
}

function deadlineText(request: NoticeSubject, desk: Desk, locale: Locale): string {
  const due = currentDueAt(request);
  return due === null ? translate(locale, 'requests.noDeadline') : formatDateTime(new Date(due), desk.org.timezone);
}

/**
 * E-mails the requester (when there is an address). `token` reuses a link issued in the same
 * transaction (the acknowledgement); otherwise a fresh one is issued. Returns the outbox row's
 * delivery columns, or null without an address.
 */
export async function mailRequester(
  db: Executor,
  deps: Deps,
  request: RequestRow,
  desk: Desk,
  template: RequesterTemplate,
  extra: { message?: string | null; reason?: RejectReason | null; token?: string } = {},
): Promise<OutboxDelivery | null> {
  if (!request.requesterEmail) return null;
  const token = extra.token ?? (await issueStatusToken(db, request));
  return enqueueEmailRow(db, requesterMail(deps, request, desk, template, { ...extra, token })!);
}

/** What `requesterMail` reads of a request. */
type MailedRequest = Pick<
  RequestRow,
  | 'id'
  | 'organizationId'
  | 'number'
  | 'subject'
  | 'requesterName'
  | 'requesterEmail'
  | 'requesterLocale'
  | 'registeredAt'
  | 'reviewDueAt'
  | 'legalDueAt'
  | 'legalBasis'
  | 'pausedSince'
  | 'status'
>;

/** The e-mail `mailRequester` sends, with the status link of `token`; null without an address. */
export function requesterMail(
  deps: Deps,
  request: MailedRequest,
  desk: Desk,
  template: RequesterTemplate,
  extra: { message?: string | null; reason?: RejectReason | null; token: string },
): OutgoingEmail | null {
  if (!request.requesterEmail) return null;
  const locale = request.requesterLocale;
  const token = extra.token;
  const params: MessageParams = {
    name: request.requesterName,
    number: request.number,
    subject: request.subject,
    org: desk.org.shortName,
    registeredAt: formatDateTime(request.registeredAt, desk.org.timezone),
    dueAt: deadlineText(request, desk, locale),
    message: extra.message ?? '',
    days: desk.policy.reopenWindowDays,
    reason: extra.reason ? translate(locale, `requests.rejectReason.${extra.reason}`) : '',
    legalDueAt: request.legalDueAt ? formatDateTime(request.legalDueAt, desk.org.timezone) : '',
    law: lawText(locale, request.legalBasis),
  };
  const text = [
    translate(locale, `requests.mail.${template}.body` as MessageKey, params).replace(/\n{3,}/g, '\n\n'),
    translate(locale, 'requests.mail.statusLink', { link: statusUrl(deps, token) }),
    translate(locale, 'requests.mail.signature', { org: desk.org.shortName }),
  ].join('\n\n');
  return {
    organizationId: request.organizationId,
    to: request.requesterEmail,
    subject: translate(locale, `requests.mail.${template}.subject` as MessageKey, params),
    text,
    template: `requests.${template}`,
    relatedType: RELATED_TYPE,
    relatedId: request.id,
  };
}

export interface Recipient {
  id: string;
  email: string;
  fullName: string;
  locale: Locale;
}

export async function usersOfRole(db: Executor, organizationId: string, roles: Role[]): Promise<Recipient[]> {
  return toRecipients(await usersWithRole(db, organizationId, roles));
}

/** Rows of `usersWithRole` as recipients, each user once (a user may hold several roles). */
export function toRecipients(rows: ReadonlyArray<Recipient & { role: Role }>): Recipient[] {
  const seen = new Set<string>();
  return rows
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .map((row) => ({ id: row.id, email: row.email, fullName: row.fullName, locale: row.locale }));
}

export async function userRecipient(db: Executor, userId: string | null): Promise<Recipient | null> {
  if (!userId) return null;
  const user = await findUserById(db, userId);
  return user && user.isActive ? { id: user.id, email: user.email, fullName: user.fullName, locale: user.locale } : null;
}

/** The assignee, or every worker of the desk (consultants, operators) when nobody is assigned. */
export async function workersToTell(db: Executor, request: RequestRow): Promise<Recipient[]> {
  const assignee = await userRecipient(db, request.assigneeUserId);
  return assignee ? [assignee] : usersOfRole(db, request.organizationId, [...DESK_WORKER_ROLES]);
}

/** What a staff notice tells of a request (a request being registered has no row yet). */
export type NoticeSubject = Pick<
  RequestRow,
  'id' | 'organizationId' | 'number' | 'subject' | 'status' | 'reviewDueAt' | 'legalDueAt' | 'pausedSince'
>;

export type StaffNotice = 'created' | 'assigned' | 'requesterReply' | 'reopened' | 'reminder' | 'escalation';

/** What a notice about `request` says to `user`; `assigneeName` is null when nobody is assigned. */
function noticeParams(deps: Deps, request: NoticeSubject, desk: Desk, user: Recipient, assigneeName: string | null): MessageParams {
  return {
    name: user.fullName,
    number: request.number,
    subject: request.subject,
    dueAt: deadlineText(request, desk, user.locale),
    status: translate(user.locale, `requests.status.${request.status}`),
    assignee: assigneeName ?? translate(user.locale, 'requests.unassigned'),
    link: `${deps.config.publicUrl}${workspacePath(request.id)}`,
  };
}

function noticeRow(request: NoticeSubject, notice: StaffNotice, user: Recipient, params: MessageParams): NewNotification {
  return {
    userId: user.id,
    organizationId: request.organizationId,
    kind: `request.${notice}`,
    title: translate(user.locale, `requests.notify.${notice}.title` as MessageKey, params),
    body: request.subject,
    link: workspacePath(request.id),
  };
}

/**
 * The in-app notices of a new request (`created`, `assigned`: no e-mail) to `recipients` but
 * `exceptUserId`, as rows for the caller to insert with its other rows. `assigneeName`: the
 * assignee's name, null when nobody is assigned.
 */
export function composeStaffNotices(
  deps: Deps,
  request: NoticeSubject,
  desk: Desk,
  notice: 'created' | 'assigned',
  recipients: Recipient[],
  exceptUserId: string | null,
  assigneeName: string | null,
): NewNotification[] {
  return recipients
    .filter((r) => r.id !== exceptUserId)
    .map((user) => noticeRow(request, notice, user, noticeParams(deps, request, desk, user, assigneeName)));
}

/**
 * In-app notifications to `recipients` (never to `exceptUserId`, the person who acted), and for
 * deadline alerts an e-mail as well. Returns the outbox ids of the e-mails.
 */
export async function notifyStaff(
  db: Executor,
  deps: Deps,
  request: RequestRow,
  desk: Desk,
  notice: StaffNotice,
  recipients: Recipient[],
  exceptUserId: string | null = null,
): Promise<string[]> {
  const targets = recipients.filter((r) => r.id !== exceptUserId);
  const outboxIds: string[] = [];
  const rows = [];
  // The assignee's name, read once for all recipients.
  const assigneeName =
    request.assigneeUserId && targets.length > 0 ? ((await userRecipient(db, request.assigneeUserId))?.fullName ?? '—') : null;
  for (const user of targets) {
    const params = noticeParams(deps, request, desk, user, assigneeName);
    rows.push(noticeRow(request, notice, user, params));
    if (notice === 'reminder' || notice === 'escalation') {
      const text = `${translate(user.locale, `requests.mail.${notice}.body`, params)}\n\n${translate(user.locale, 'requests.mail.signature', { org: desk.org.shortName })}`;
      outboxIds.push(
        await enqueueEmail(db, {
          organizationId: request.organizationId,
          to: user.email,
          subject: translate(user.locale, `requests.mail.${notice}.subject`, params),
          text,
          template: `requests.${notice}`,
          relatedType: RELATED_TYPE,
          relatedId: request.id,
        }),
      );
    }
  }
  await insertNotifications(db, rows);
  return outboxIds;
}
