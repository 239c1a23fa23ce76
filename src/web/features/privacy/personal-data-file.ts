/**
 * Pure helpers of the personal-data export: the document's shape (GET
 * /api/organizations/:id/personal-data and GET /api/me/personal-data), the file name the server
 * offers in `content-disposition`, and what the summary counts. No DOM here, so Vitest runs it in Node.
 */

import type { RequestStatus } from '../../../domain/requests/lifecycle.ts';
import { isErasable } from '../../../domain/requests/retention.ts';

export const PERSONAL_DATA_FORMAT = 'opora.personal-data/1';

export interface PersonalDataMembership {
  organizationId: string;
  organizationName: string;
  role: string;
  createdAt: string;
}

export interface PersonalDataSession {
  createdAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface PersonalDataAccount {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  locale: string;
  active?: boolean;
  createdAt: string;
  lastLoginAt?: string | null;
  memberships: PersonalDataMembership[];
  sessions: PersonalDataSession[];
}

export interface PersonalDataMessage {
  at: string;
  type: string;
  from: 'requester' | 'staff' | 'system';
  authorName: string | null;
  body: string | null;
  attachments: Array<{ fileName: string; contentType: string; sizeBytes: number }>;
}

export interface PersonalDataRequest {
  id: string;
  number: string;
  organizationName: string;
  registeredAt: string;
  channel: string;
  type: string;
  status: string;
  category: string | null;
  subject: string;
  whatDid: string | null;
  expected: string | null;
  happened: string | null;
  description: string | null;
  requester: { kind: string; name: string; email: string | null; phone: string | null; childClass: string | null };
  consent: { at: string; version: string; text: string } | null;
  resolution: string | null;
  rejectReason: string | null;
  rejectComment: string | null;
  anonymizedAt: string | null;
  messages: PersonalDataMessage[];
}

export interface PersonalDataDocument {
  format: typeof PERSONAL_DATA_FORMAT;
  generatedAt: string;
  organization: { id: string; name: string } | null;
  query: { email: string | null; phone: string | null } | { userId: string };
  accounts: PersonalDataAccount[];
  requests: PersonalDataRequest[];
}

/** `opora-personal-data-2026-03-14.json`, the date in Moscow time (the server names it the same way). */
export function defaultFileName(now: Date = new Date()): string {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(now);
  return `opora-personal-data-${day}.json`;
}

/** A name a browser may save: no folders, no control characters, not empty. */
function safeName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return clean && clean !== '.' && clean !== '..' ? clean : null;
}

/**
 * The file name from a `content-disposition` header (RFC 6266): `filename*=UTF-8''…` wins over
 * `filename="…"` or a bare `filename=…`; the fallback when the header is missing or gives none.
 */
export function fileNameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^';]*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      const decoded = safeName(decodeURIComponent(extended[2]!.trim().replace(/^"|"$/g, '')));
      if (decoded) return decoded;
    } catch {
      // A broken percent-encoding: try the plain parameter.
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted) return safeName(quoted[1]!.replace(/\\(.)/g, '$1')) ?? fallback;
  const bare = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header);
  if (bare) return safeName(bare[1]!) ?? fallback;
  return fallback;
}

/**
 * What a demand to destroy the person's data would do now: their finished requests that still hold
 * personal data are de-personalised; open ones must be finished first.
 */
export function erasureOf(document: Pick<PersonalDataDocument, 'requests'>): { finished: number; open: number } {
  const live = document.requests.filter((request) => request.anonymizedAt === null);
  const finished = live.filter((request) => isErasable(request.status as RequestStatus)).length;
  return { finished, open: live.length - finished };
}

/** What the summary after an export says: how many accounts and requests were found. */
export function summaryOf(document: Pick<PersonalDataDocument, 'accounts' | 'requests'>): { accounts: number; requests: number } {
  return { accounts: document.accounts.length, requests: document.requests.length };
}

/** The document as the file's text: the JSON, indented for a person to read. */
export function documentText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
