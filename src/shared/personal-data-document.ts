/**
 * The export of one person's data (152-FZ art. 14) as it travels: the document the server builds
 * (GET /api/organizations/:id/personal-data, GET /api/me/personal-data) and the web app saves.
 * One declaration for both ends. `Time` is `Date` where the server builds the document and
 * `string` (ISO 8601) where the web app reads the JSON.
 */

export const PERSONAL_DATA_FORMAT = 'opora.personal-data/1';

/** A user's own export, and the web app's fallback file name, count the day in Moscow time (the Portal's). */
export const OWN_EXPORT_TIME_ZONE = 'Europe/Moscow';

export interface PersonalDataMembership<Time = string> {
  organizationId: string;
  organizationName: string;
  role: string;
  createdAt: Time;
}

export interface PersonalDataSession<Time = string> {
  createdAt: Time;
  expiresAt: Time;
  ip: string | null;
  userAgent: string | null;
}

export interface PersonalDataAccount<Time = string> {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  locale: string;
  active: boolean;
  createdAt: Time;
  lastLoginAt: Time | null;
  memberships: Array<PersonalDataMembership<Time>>;
  sessions: Array<PersonalDataSession<Time>>;
}

/** What the requester could see on a request's timeline: never the staff's internal notes. */
export interface PersonalDataMessage<Time = string> {
  at: Time;
  type: string;
  from: 'requester' | 'staff' | 'system';
  authorName: string | null;
  body: string | null;
  attachments: Array<{ fileName: string; contentType: string; sizeBytes: number }>;
}

export interface PersonalDataRequest<Time = string> {
  id: string;
  number: string;
  organizationName: string;
  registeredAt: Time;
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
  consent: { at: Time; version: string | null; text: string | null } | null;
  resolution: string | null;
  rejectReason: string | null;
  rejectComment: string | null;
  anonymizedAt: Time | null;
  messages: Array<PersonalDataMessage<Time>>;
}

export interface PersonalDataDocument<Time = string> {
  format: typeof PERSONAL_DATA_FORMAT;
  generatedAt: Time;
  /** The zone the file's name counts its day in: the organisation's, or Moscow for one's own. */
  timeZone: string;
  organization: { id: string; name: string } | null;
  query: { email: string | null; phone: string | null } | { userId: string };
  accounts: Array<PersonalDataAccount<Time>>;
  requests: Array<PersonalDataRequest<Time>>;
}

/** `opora-personal-data-2026-03-14.json`: the day the export was made, in `timeZone`. */
export function personalDataFileName(generatedAt: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone }).format(generatedAt);
  return `opora-personal-data-${day}.json`;
}
