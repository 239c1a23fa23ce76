/**
 * API of the public pages (/api/public/…) and of the requester's own requests (/api/my/requests).
 * Public calls go without cookies (`credentials: 'omit'`): the form and the status page act for
 * nobody, even when the browser also holds a workspace session, and need no CSRF token. Bodies
 * with files go as multipart (`data` = the JSON, plus `files`), the rest as JSON. Errors are the
 * app's one ApiError, with the server's message and field messages.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from '../../api/client.ts';
import { shownLocale } from '../../i18n/locale.tsx';
import type { GosuslugiState, ChildAge } from '../../../shared/intake-details.ts';

export interface PublicCategory {
  id: string;
  code: string;
  name: string;
  children: { id: string; code: string; name: string }[];
}

export interface SchoolInfo {
  slug: string;
  name: string;
  shortName: string;
  phone: string | null;
  email: string | null;
  website?: string | null;
  /** The school's IANA time zone: its dates are shown in it. */
  timeZone: string;
}

export interface FormInfo {
  school: SchoolInfo;
  categories: PublicCategory[];
  consent: { version: string; text: string; custom: boolean };
  review: { termDays: number; termUnit: 'calendar_days' | 'working_days' };
  attachments: { maxFiles: number; maxBytes: number; types: string[] };
  pow: { difficulty: number };
}

export interface Challenge {
  challenge: string;
  difficulty: number;
  expiresAt: string;
}

export interface SubmissionBody {
  requesterKind: 'parent' | 'staff';
  name: string;
  email: string;
  phone: string;
  childClass: string | null;
  categoryId: string | null;
  subject: string;
  whatDid: string;
  expected: string;
  happened: string;
  description: string;
  details: {
    className?: string | null;
    lessonSubject?: string | null;
    lessonDate?: string | null;
    absenceDate?: string | null;
    gosuslugi?: GosuslugiState | null;
    childAge?: ChildAge | null;
    device?: string | null;
    errorText?: string | null;
    program?: string | null;
  };
  consent: boolean;
  consentVersion: string;
  idempotencyKey: string;
  pow: { challenge: string; nonce: string };
  website: string;
}

export interface SubmissionResult {
  created: boolean;
  number: string;
  status: string;
  registeredAt: string;
  dueAt: string;
  statusToken: string | null;
  statusPath: string | null;
  statusUrl: string | null;
  emailed: boolean;
  /** The school's IANA time zone: its dates are shown in it. */
  timeZone: string;
}

export interface ViewAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  url: string;
}

export interface ViewEvent {
  id: number;
  type: string;
  actor: { kind: 'staff' | 'requester' | 'system'; name: string | null };
  body: string | null;
  metadata: { action?: string; from?: string; to?: string; reason?: string };
  createdAt: string;
  attachments: ViewAttachment[];
}

export type RequestStatus = 'new' | 'in_progress' | 'waiting_for_requester' | 'resolved' | 'closed' | 'rejected';

export interface RequesterView {
  id: string;
  number: string;
  organization: { id: string; name: string };
  status: RequestStatus;
  category: { id: string; code: string; name: string; parent: { id: string; code: string; name: string } | null } | null;
  subject: string;
  wording: { whatDid: string | null; expected: string | null; happened: string | null; description: string | null };
  requester: { kind: 'parent' | 'staff'; name: string; childClass: string | null };
  registeredAt: string;
  deadlines: {
    dueAt: string | null;
    /** The law's answer term (59-FZ appeal, 152-FZ request, 210-FZ complaint); null for a consultation. */
    legalDueAt: string | null;
    legalExtendedAt: string | null;
    badge: { state: string };
  };
  resolvedAt: string | null;
  resolution: string | null;
  rejection: { reason: string; comment: string | null } | null;
  allowedActions: string[];
  timeline: ViewEvent[];
  school?: SchoolInfo | null;
  /** The school's IANA time zone: its dates are shown in it. */
  timeZone: string;
}

interface SendOptions {
  /** 'omit' for the public pages, 'same-origin' for the signed-in requester. */
  credentials: RequestCredentials;
  csrfToken?: string | null;
}

function toApiError(status: number, payload: unknown): ApiError {
  if (payload && typeof payload === 'object' && 'error' in payload && 'message' in payload) {
    const body = payload as { error: unknown; message: unknown; fields?: unknown; details?: unknown; requestId?: unknown };
    const fields = body.fields && typeof body.fields === 'object' ? (body.fields as Record<string, string>) : {};
    const error = new ApiError(
      status,
      String(body.error),
      String(body.message),
      fields,
      typeof body.requestId === 'string' ? body.requestId : null,
    );
    if (body.details && typeof body.details === 'object') Object.assign(error, { details: body.details });
    return error;
  }
  return new ApiError(status, UNEXPECTED_RESPONSE, '');
}

/** The machine-readable reason the server gave (e.g. `pow_expired`), if any. */
export function errorReason(error: unknown): string | null {
  const details = (error as { details?: { reason?: unknown } } | null)?.details;
  return typeof details?.reason === 'string' ? details.reason : null;
}

/** JSON, or multipart when there are files. */
export async function send<T>(
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  files: readonly File[],
  options: SendOptions,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // The page's language, not the cookie's: inside a school's site the cookie may be blocked.
  headers['accept-language'] = shownLocale();
  if (options.csrfToken && method !== 'GET') headers['x-csrf-token'] = options.csrfToken;
  let payload: BodyInit | undefined;
  if (method !== 'GET') {
    if (files.length > 0) {
      const form = new FormData();
      form.append('data', JSON.stringify(body));
      for (const file of files) form.append('files', file, file.name);
      payload = form;
    } else {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body ?? {});
    }
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: options.credentials, body: payload });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

const PUBLIC: SendOptions = { credentials: 'omit' };

export const publicApi = {
  form: (slug: string) => send<FormInfo>('GET', `/api/public/schools/${encodeURIComponent(slug)}/form`, undefined, [], PUBLIC),
  challenge: (slug: string) => send<Challenge>('POST', `/api/public/schools/${encodeURIComponent(slug)}/challenge`, {}, [], PUBLIC),
  submit: (slug: string, body: SubmissionBody, files: readonly File[]) =>
    send<SubmissionResult>('POST', `/api/public/schools/${encodeURIComponent(slug)}/requests`, body, files, PUBLIC),
  status: (token: string) => send<RequesterView>('GET', `/api/public/status/${encodeURIComponent(token)}`, undefined, [], PUBLIC),
  reply: (token: string, body: string, files: readonly File[]) =>
    send<RequesterView>('POST', `/api/public/status/${encodeURIComponent(token)}/messages`, { body, website: '' }, files, PUBLIC),
  action: (token: string, action: 'reopen' | 'close') =>
    send<RequesterView>('POST', `/api/public/status/${encodeURIComponent(token)}/actions`, { action }, [], PUBLIC),
};

export function useFormInfo(slug: string) {
  return useQuery({ queryKey: ['public-form', slug], queryFn: () => publicApi.form(slug), staleTime: 5 * 60_000, retry: false });
}

export function useStatusView(token: string) {
  return useQuery({ queryKey: ['public-status', token], queryFn: () => publicApi.status(token), retry: false, refetchOnWindowFocus: true });
}

// ---- the signed-in requester's own requests ----

export interface MyRequestItem {
  id: string;
  number: string;
  subject: string;
  status: RequestStatus;
  registeredAt: string;
  dueAt: string;
  badge: { state: string; dueAt: string | null };
  /** The school's IANA time zone: its dates are shown in it. */
  timeZone: string;
}

export interface MyRequestList {
  items: MyRequestItem[];
  total: number;
  limit: number;
  offset: number;
}

export function useMyRequests(limit: number) {
  return useQuery({
    queryKey: ['my-requests', limit],
    queryFn: () => api.get<MyRequestList>('/api/my/requests', { limit }),
    placeholderData: keepPreviousData,
  });
}

export function useMyRequest(id: string) {
  return useQuery({ queryKey: ['my-request', id], queryFn: () => api.get<RequesterView>(`/api/my/requests/${id}`), retry: false });
}

export const myApi = {
  reply: (id: string, body: string, files: readonly File[], csrfToken: string) =>
    send<RequesterView>('POST', `/api/my/requests/${id}/replies`, { body }, files, { credentials: 'same-origin', csrfToken }),
  action: (id: string, action: 'reopen' | 'close', csrfToken: string) =>
    send<RequesterView>('POST', `/api/my/requests/${id}/transitions`, { action }, [], { credentials: 'same-origin', csrfToken }),
};
