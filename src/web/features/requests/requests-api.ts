/**
 * The desk's side of the request engine (/api/requests…): queue views with counts, the full
 * request with its timeline, and every change a consultant makes. Bodies with files go as
 * multipart (`data` = the JSON, plus `files`) through the same sender as the public pages, so
 * errors are the app's one ApiError with the server's localised message, fields and details.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestStatus } from '../../../domain/requests/lifecycle.ts';
import type { Channel, RejectReason, RequesterKind, RequestType } from '../../../domain/requests/taxonomy.ts';
import { api } from '../../api/client.ts';
import { useSignedIn } from '../../api/me.ts';
import { send } from '../public-request/public-api.ts';

export type { Channel, RejectReason, RequesterKind, RequestStatus, RequestType };

export const QUEUE_VIEWS = ['mine', 'unassigned', 'open', 'overdue', 'waiting', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export type BadgeState = 'on_track' | 'due_soon' | 'overdue' | 'paused' | 'met' | 'missed';
export type DeskAction = 'start' | 'request_clarification' | 'resolve' | 'close' | 'reopen' | 'reject';

export interface DeadlineBadgeView {
  state: BadgeState;
  dueAt: string | null;
  remainingMs: number | null;
}

export interface QueueItem {
  id: string;
  number: string;
  subject: string;
  status: RequestStatus;
  channel: Channel;
  type: RequestType;
  category: { id: string; code: string; name: string } | null;
  requester: { kind: RequesterKind; name: string; email: string | null; childClass: string | null };
  assignee: { id: string; name: string } | null;
  registeredAt: string;
  dueAt: string;
  legalDueAt: string | null;
  badge: DeadlineBadgeView;
  updatedAt: string;
  /** When the requester's personal data were erased (the name is then '—'); null while kept. */
  anonymizedAt?: string | null;
  /** The organisation's IANA time zone: the row's dates are shown in it. */
  timeZone: string;
}

export interface QueuePage {
  view: QueueView;
  items: QueueItem[];
  total: number;
  limit: number;
  offset: number;
}

export type QueueCounts = Record<QueueView, number>;

/** A queue count that needs attention now: overdue requests, when there are any. */
export function needsAttention(view: QueueView, count: number | undefined): boolean {
  return view === 'overdue' && (count ?? 0) > 0;
}

export interface QueueFilters {
  status?: RequestStatus | undefined;
  categoryId?: string | undefined;
  channel?: Channel | undefined;
  requesterKind?: RequesterKind | undefined;
  assigneeId?: string | undefined;
  type?: RequestType | undefined;
  q?: string | undefined;
}

export interface Delivery {
  id: string;
  to: string;
  template: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  url: string;
}

export interface TimelineEvent {
  id: number;
  type: string;
  actor: { kind: 'staff' | 'requester' | 'system'; userId: string | null; name: string | null };
  body: string | null;
  visibility: 'public' | 'internal';
  metadata: Record<string, unknown>;
  createdAt: string;
  attachments: Attachment[];
  deliveries: Delivery[];
}

export interface CategoryRef {
  id: string;
  code: string;
  name: string;
  isActive: boolean;
  parent: { id: string; code: string; name: string } | null;
}

export interface RequestDetail {
  id: string;
  number: string;
  organizationId: string;
  /** The organisation's IANA time zone: every date of the request is shown in it. */
  timeZone: string;
  status: RequestStatus;
  channel: Channel;
  type: RequestType;
  category: CategoryRef | null;
  subject: string;
  wording: { whatDid: string | null; expected: string | null; happened: string | null; description: string | null };
  requester: {
    kind: RequesterKind;
    userId: string | null;
    name: string;
    email: string | null;
    phone: string | null;
    childClass: string | null;
    locale: string;
  };
  assignee: { id: string; name: string } | null;
  receivedAt: string;
  registeredAt: string;
  reviewStartAt: string;
  deadlines: {
    reviewDueAt: string;
    legalDueAt: string | null;
    legalBasis: '59-FZ' | '210-FZ' | '152-FZ' | null;
    /** When the legal answer term was extended (once); null while it is the law's own. */
    legalExtendedAt: string | null;
    /** The legal term may be extended now (open, a type the law allows, not extended yet). */
    legalExtensible: boolean;
    registrationDueAt: string | null;
    dueAt: string | null;
    badge: DeadlineBadgeView;
  };
  pausedSince: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rejectedAt: string | null;
  rejection: { reason: RejectReason; comment: string | null } | null;
  resolution: string | null;
  /** When the personal data were erased after the retention term (requester name '—', no contacts, no wording); null while kept. */
  anonymizedAt: string | null;
  allowedActions: DeskAction[];
  timeline: TimelineEvent[];
  emails: Delivery[];
}

export interface Assignee {
  id: string;
  fullName: string;
  email: string;
}

export interface RequesterMatch {
  id: string;
  fullName: string;
  email: string;
  phone: string | null;
  roles: string[];
  suggestedKind: RequesterKind;
}

export interface CategoryNode {
  id: string;
  code: string;
  name: string;
  defaultType: RequestType | null;
  position: number;
  isActive: boolean;
  children: CategoryNode[];
}

export const QUEUE_PAGE_SIZE = 25;
export const REQUESTS_KEY = 'desk-requests';

export function useQueue(organizationId: string, view: QueueView, filters: QueueFilters, page: number) {
  return useQuery({
    queryKey: [REQUESTS_KEY, 'queue', organizationId, view, filters, page],
    queryFn: () =>
      api.get<QueuePage>('/api/requests', {
        organizationId,
        view,
        ...filters,
        limit: QUEUE_PAGE_SIZE,
        offset: (page - 1) * QUEUE_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useQueueCounts(organizationId: string) {
  return useQuery({
    queryKey: [REQUESTS_KEY, 'counts', organizationId],
    queryFn: () => api.get<QueueCounts>('/api/requests/counts', { organizationId }),
    enabled: organizationId !== '',
    refetchInterval: 60_000,
  });
}

export function useAssignees(organizationId: string | undefined) {
  return useQuery({
    queryKey: [REQUESTS_KEY, 'assignees', organizationId],
    queryFn: () => api.get<Assignee[]>('/api/requests/assignees', { organizationId }),
    enabled: Boolean(organizationId),
    staleTime: 5 * 60_000,
  });
}

export function useRequesterSearch(organizationId: string, q: string) {
  return useQuery({
    queryKey: [REQUESTS_KEY, 'requesters', organizationId, q],
    queryFn: () => api.get<RequesterMatch[]>('/api/requests/requesters', { organizationId, q }),
    enabled: q.length >= 2,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

export function useCategories(organizationId: string | undefined) {
  return useQuery({
    queryKey: ['request-categories', organizationId, false],
    queryFn: () => api.get<CategoryNode[]>(`/api/organizations/${organizationId}/request-categories`),
    enabled: Boolean(organizationId),
    staleTime: 5 * 60_000,
  });
}

export function requestKey(id: string) {
  return [REQUESTS_KEY, 'detail', id] as const;
}

export function useRequestDetail(id: string) {
  return useQuery({
    queryKey: requestKey(id),
    queryFn: () => api.get<RequestDetail>(`/api/requests/${id}`),
    retry: false,
    refetchInterval: 60_000,
  });
}

/** Stores the fresh view a change returned and refreshes the queues (counts, badges). */
function useApplyDetail() {
  const queryClient = useQueryClient();
  return (view: RequestDetail) => {
    queryClient.setQueryData(requestKey(view.id), view);
    void queryClient.invalidateQueries({ queryKey: [REQUESTS_KEY, 'queue'] });
    void queryClient.invalidateQueries({ queryKey: [REQUESTS_KEY, 'counts'] });
  };
}

/** A mutation whose result is the request's new desk view. */
function useRequestChange<Input>(id: string, call: (input: Input, csrfToken: string) => Promise<RequestDetail>) {
  const me = useSignedIn();
  const apply = useApplyDetail();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => call(input, me.csrfToken),
    onSuccess: apply,
    // A conflict means the request changed meanwhile: show what it is now.
    onError: () => void queryClient.invalidateQueries({ queryKey: requestKey(id) }),
  });
}

const withSession = (csrfToken: string) => ({ credentials: 'same-origin' as const, csrfToken });

export function useClassify(id: string) {
  return useRequestChange(id, (patch: { categoryId?: string | null; type?: RequestType }) =>
    api.patch<RequestDetail>(`/api/requests/${id}`, patch),
  );
}

export function useAssign(id: string) {
  return useRequestChange(id, (assigneeId: string | null) => api.put<RequestDetail>(`/api/requests/${id}/assignment`, { assigneeId }));
}

/** Extends the legal answer term (head, admin); the reason goes to the requester. */
export function useExtendLegalTerm(id: string) {
  return useRequestChange(id, (reason: string) => api.post<RequestDetail>(`/api/requests/${id}/legal-extension`, { reason }));
}

export interface TransitionInput {
  action: DeskAction;
  body?: string | null;
  reason?: RejectReason | null;
}

export function useTransition(id: string) {
  return useRequestChange(id, (input: TransitionInput) => api.post<RequestDetail>(`/api/requests/${id}/transitions`, input));
}

export interface MessageInput {
  kind: 'reply' | 'note';
  body: string;
  files: File[];
}

export function useSendMessage(id: string) {
  return useRequestChange(id, (input: MessageInput, csrfToken: string) =>
    send<RequestDetail>(
      'POST',
      `/api/requests/${id}/${input.kind === 'reply' ? 'replies' : 'notes'}`,
      { body: input.body },
      input.files,
      withSession(csrfToken),
    ),
  );
}

export interface IntakeInput {
  organizationId: string;
  channel: Channel;
  requester: { kind: RequesterKind; userId?: string | null; name?: string | null; email?: string | null; phone?: string | null };
  childClass?: string | null;
  categoryId?: string | null;
  subject: string;
  description?: string | null;
  assignToMe: boolean;
  /** When a letter or note reached the school, if earlier than now (the 59-FZ registration term runs from it). */
  receivedAt?: string;
  idempotencyKey: string;
}

export function useIntake() {
  const me = useSignedIn();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, files }: { input: IntakeInput; files: File[] }) =>
      send<RequestDetail>('POST', '/api/requests/intake', input, files, withSession(me.csrfToken)),
    onSuccess: (view) => {
      queryClient.setQueryData(requestKey(view.id), view);
      void queryClient.invalidateQueries({ queryKey: [REQUESTS_KEY] });
    },
  });
}

/** `details.allowed` of a 409 INVALID_TRANSITION, when the error carries it. */
export function allowedFromError(error: unknown): DeskAction[] | null {
  const details = (error as { details?: { allowed?: unknown } } | null)?.details;
  return Array.isArray(details?.allowed) ? (details.allowed as DeskAction[]) : null;
}
