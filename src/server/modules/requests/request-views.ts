/**
 * What the API shows of a request: queue items, the desk's full view (timeline with internal
 * notes, e-mail delivery, allowed actions) and the requester's view (public events only).
 * Every view carries `timeZone`, the organisation's IANA time zone: its dates are shown in it
 * (a school in Yekaterinburg sees its own clock, as in its e-mails), not in the reader's zone.
 */
import { deadlineBadge, legalExtensionBlock, type Badge } from '../../../domain/requests/deadlines.ts';
import { allowedActions, type ActorKind, type LifecycleAction } from '../../../domain/requests/lifecycle.ts';
import type { Executor } from '../../db/database.ts';
import { emailsRelatedTo, type OutboxDelivery } from '../../mail/outbox.ts';
import type { Desk, DeskPolicy } from './desk.service.ts';
import { findCategoriesAndParents, type CategoryRow } from './desk.repository.ts';
import { currentDueAt } from './request-deadlines.ts';
import { RELATED_TYPE } from './request-notify.ts';
import * as repo from './requests.repository.ts';
import type { RequestRow } from './requests.repository.ts';
import { findUserById } from '../identity/identity.lookup.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function badgeOf(
  row: Pick<RequestRow, 'status' | 'reviewDueAt' | 'legalDueAt' | 'legalMetAt' | 'pausedSince' | 'resolvedAt' | 'rejectedAt'>,
  policy: Pick<DeskPolicy, 'reminderLeadHours'>,
  now: Date,
): Badge {
  return deadlineBadge({
    status: row.status,
    reviewDueAt: row.reviewDueAt.getTime(),
    legalDueAt: row.legalDueAt?.getTime() ?? null,
    legalMetAt: row.legalMetAt?.getTime() ?? null,
    pausedSince: row.pausedSince?.getTime() ?? null,
    finishedAt: (row.resolvedAt ?? row.rejectedAt)?.getTime() ?? null,
    now: now.getTime(),
    dueSoonMs: policy.reminderLeadHours * HOUR,
  });
}

function presentBadge(badge: Badge) {
  return { state: badge.state, dueAt: badge.dueAt === null ? null : new Date(badge.dueAt), remainingMs: badge.remainingMs };
}

export function actionsFor(row: RequestRow, policy: Pick<DeskPolicy, 'reopenWindowDays'>, actor: ActorKind, now: Date): LifecycleAction[] {
  // A de-personalised request is a record for the reports: nobody to answer, nothing to change.
  if (row.anonymizedAt) return [];
  return allowedActions(
    { status: row.status, resolvedAt: row.resolvedAt?.getTime() ?? null },
    { actor, now: now.getTime(), reopenWindowMs: policy.reopenWindowDays * DAY },
  ).filter((action) => action !== 'auto_close');
}

type QueueRow = Awaited<ReturnType<typeof repo.listQueue>>[number];

/** The part of a desk a view needs: its policy (deadlines, actions) and organisation (name, time zone). */
export type ViewDesk = Pick<Desk, 'policy'> & { org: Pick<Desk['org'], 'shortName' | 'timezone'> };

export function presentQueueItem(row: QueueRow, desk: ViewDesk, now: Date) {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    status: row.status,
    channel: row.channel,
    type: row.type,
    category: row.categoryId ? { id: row.categoryId, code: row.categoryCode ?? '', name: row.categoryName ?? '' } : null,
    requester: { kind: row.requesterKind, name: row.requesterName, email: row.requesterEmail, childClass: row.childClass },
    assignee: row.assigneeUserId ? { id: row.assigneeUserId, name: row.assigneeName ?? '' } : null,
    registeredAt: row.registeredAt,
    dueAt: row.dueAt,
    legalDueAt: row.legalDueAt,
    badge: presentBadge(badgeOf(row, desk.policy, now)),
    anonymizedAt: row.anonymizedAt,
    updatedAt: row.updatedAt,
    timeZone: desk.org.timezone,
  };
}

/** How a view shows a category with its parent. */
export function categoryView(category: CategoryRow, parent: Pick<CategoryRow, 'id' | 'code' | 'name'> | null) {
  return {
    id: category.id,
    code: category.code,
    name: category.name,
    isActive: category.isActive,
    parent: parent ? { id: parent.id, code: parent.code, name: parent.name } : null,
  };
}

async function categoryOf(db: Executor, row: RequestRow) {
  if (!row.categoryId) return null;
  const rows = (await findCategoriesAndParents(db, [row.categoryId])).filter((r) => r.organizationId === row.organizationId);
  const category = rows.find((r) => r.id === row.categoryId);
  if (!category) return null;
  const parent = category.parentId ? (rows.find((r) => r.id === category.parentId) ?? null) : null;
  return categoryView(category, parent);
}

function metrics(row: RequestRow) {
  const registered = row.registeredAt.getTime();
  return {
    timeToFirstResponseMs: row.firstResponseAt ? row.firstResponseAt.getTime() - registered : null,
    timeToResolutionMs: row.resolvedAt ? row.resolvedAt.getTime() - registered : null,
  };
}

function deadlines(row: RequestRow, policy: DeskPolicy, now: Date) {
  const current = currentDueAt(row);
  return {
    reviewDueAt: row.reviewDueAt,
    legalDueAt: row.legalDueAt,
    legalBasis: row.legalBasis,
    registrationDueAt: row.registrationDueAt,
    legalExtendedAt: row.legalExtendedAt,
    dueAt: current === null ? null : new Date(current),
    badge: presentBadge(badgeOf(row, policy, now)),
  };
}

/**
 * Everything the desk's view shows besides the request row. A registration passes what it has
 * just written (the view of a new request then needs no read-back); otherwise it is read.
 */
export interface DeskViewParts {
  events: Array<Awaited<ReturnType<typeof repo.listEvents>>[number]>;
  attachments: Array<Awaited<ReturnType<typeof repo.listAttachments>>[number]>;
  emails: OutboxDelivery[];
  category: ReturnType<typeof categoryView> | null;
  assignee: { id: string; fullName: string } | null;
}

async function readDeskViewParts(db: Executor, row: RequestRow): Promise<DeskViewParts> {
  const [events, attachments, emails, category, assignee] = await Promise.all([
    repo.listEvents(db, row.id, false),
    repo.listAttachments(db, row.id),
    emailsRelatedTo(db, RELATED_TYPE, row.id),
    categoryOf(db, row),
    row.assigneeUserId ? findUserById(db, row.assigneeUserId) : Promise.resolve(undefined),
  ]);
  return { events, attachments, emails, category, assignee: assignee ?? null };
}

/** The desk's view of a request (`parts`: see DeskViewParts). */
export async function presentForDesk(db: Executor, row: RequestRow, desk: ViewDesk, now: Date, parts?: DeskViewParts) {
  const { policy } = desk;
  const { events, attachments, emails, category, assignee } = parts ?? (await readDeskViewParts(db, row));
  const emailById = new Map(emails.map((e) => [e.id, e]));
  const delivery = (e: (typeof emails)[number]) => ({
    id: e.id,
    to: e.toAddress,
    template: e.template,
    status: e.status,
    attempts: e.attempts,
    lastError: e.lastError,
    sentAt: e.sentAt,
  });
  return {
    id: row.id,
    number: row.number,
    organizationId: row.organizationId,
    timeZone: desk.org.timezone,
    status: row.status,
    channel: row.channel,
    type: row.type,
    category,
    subject: row.subject,
    wording: { whatDid: row.whatDid, expected: row.expected, happened: row.happened, description: row.description },
    requester: {
      kind: row.requesterKind,
      userId: row.requesterUserId,
      name: row.requesterName,
      email: row.requesterEmail,
      phone: row.requesterPhone,
      childClass: row.childClass,
      locale: row.requesterLocale,
    },
    assignee: assignee ? { id: assignee.id, name: assignee.fullName } : null,
    receivedAt: row.receivedAt,
    registeredAt: row.registeredAt,
    reviewStartAt: row.reviewStartAt,
    // Whether the term may be extended now; the web shows the action to those allowed (head, admin).
    deadlines: { ...deadlines(row, policy, now), legalExtensible: legalExtensionBlock(row) === null },
    pausedSince: row.pausedSince,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    rejectedAt: row.rejectedAt,
    rejection: row.rejectReason ? { reason: row.rejectReason, comment: row.rejectComment } : null,
    resolution: row.resolution,
    consent: row.consentAt ? { at: row.consentAt, version: row.consentVersion } : null,
    anonymizedAt: row.anonymizedAt,
    metrics: metrics(row),
    allowedActions: actionsFor(row, policy, 'staff', now),
    timeline: events.map((event) => {
      const outboxIds = Array.isArray(event.metadata.outboxIds) ? (event.metadata.outboxIds as string[]) : [];
      return {
        id: event.id,
        type: event.type,
        actor: { kind: event.actorKind, userId: event.actorUserId, name: event.actorName },
        body: event.body,
        visibility: event.visibility,
        metadata: event.metadata,
        createdAt: event.createdAt,
        attachments: attachments
          .filter((a) => a.eventId === event.id)
          .map((a) => ({ ...a, url: `/api/requests/${row.id}/attachments/${a.id}` })),
        deliveries: outboxIds.flatMap((id) => {
          const email = emailById.get(id);
          return email ? [delivery(email)] : [];
        }),
      };
    }),
    emails: emails.map(delivery),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const PUBLIC_METADATA = ['from', 'to', 'action', 'reason'] as const;

/**
 * The requester's view (their own requests, or the private status page): public events only,
 * no e-mail addresses of staff, no internal metadata. `attachmentBase` is the URL prefix the
 * caller serves attachments under (`${attachmentBase}/${attachmentId}`); `parts`: see DeskViewParts.
 */
export async function presentForRequester(
  db: Executor,
  row: RequestRow,
  desk: ViewDesk,
  now: Date,
  attachmentBase: string,
  parts?: Pick<DeskViewParts, 'events' | 'attachments' | 'category'>,
) {
  const { policy } = desk;
  const [events, attachments, category] = parts
    ? [parts.events.filter((event) => event.visibility === 'public'), parts.attachments, parts.category]
    : await Promise.all([repo.listEvents(db, row.id, true), repo.listAttachments(db, row.id), categoryOf(db, row)]);
  const publicEvents = new Set(events.map((e) => e.id));
  return {
    id: row.id,
    number: row.number,
    organization: { id: row.organizationId, name: desk.org.shortName },
    timeZone: desk.org.timezone,
    status: row.status,
    channel: row.channel,
    type: row.type,
    category: category ? { id: category.id, code: category.code, name: category.name, parent: category.parent } : null,
    subject: row.subject,
    wording: { whatDid: row.whatDid, expected: row.expected, happened: row.happened, description: row.description },
    requester: { kind: row.requesterKind, name: row.requesterName, childClass: row.childClass },
    registeredAt: row.registeredAt,
    deadlines: deadlines(row, policy, now),
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    resolution: row.resolution,
    rejection: row.rejectReason ? { reason: row.rejectReason, comment: row.rejectComment } : null,
    allowedActions: actionsFor(row, policy, 'requester', now),
    timeline: events.map((event) => ({
      id: event.id,
      type: event.type,
      actor: { kind: event.actorKind, name: event.actorKind === 'system' ? null : event.actorName },
      body: event.body,
      metadata: Object.fromEntries(PUBLIC_METADATA.filter((k) => event.metadata[k] !== undefined).map((k) => [k, event.metadata[k]])),
      createdAt: event.createdAt,
      attachments: attachments
        .filter((a) => a.eventId === event.id && publicEvents.has(a.eventId))
        .map((a) => ({
          id: a.id,
          fileName: a.fileName,
          contentType: a.contentType,
          sizeBytes: a.sizeBytes,
          createdAt: a.createdAt,
          url: `${attachmentBase}/${a.id}`,
        })),
    })),
  };
}
