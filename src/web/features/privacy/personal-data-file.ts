/**
 * Pure helpers of the personal-data export (its shape is shared with the server:
 * shared/personal-data-document.ts): the file name the server offers in `content-disposition`,
 * and what the summary counts. No DOM here, so Vitest runs it in Node.
 */

import type { RequestStatus } from '../../../domain/requests/lifecycle.ts';
import { isErasable } from '../../../domain/requests/retention.ts';
import { OWN_EXPORT_TIME_ZONE, personalDataFileName, type PersonalDataDocument } from '../../../shared/personal-data-document.ts';

/** The name to save under when the answer names none: today, in Moscow time (as a user's own export). */
export function defaultFileName(now: Date = new Date()): string {
  return personalDataFileName(now, OWN_EXPORT_TIME_ZONE);
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
