/**
 * The export of one person's data under 152-FZ art. 14: the head's or admin's search by e-mail or
 * phone (GET /api/organizations/:id/personal-data, permission `personalData.export`) and a
 * signed-in user's own data (GET /api/me/personal-data). Both answer a JSON document with a
 * `content-disposition` file name; the web keeps the document and saves it as a file on request.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { erasureActFileName } from '../../../domain/requests/erasure-act.ts';
import { REQUESTS_KEY } from '../requests/requests-api.ts';
import type { PersonalDataDocument } from '../../../shared/personal-data-document.ts';
import { defaultFileName, documentText, fileNameFromDisposition } from './personal-data-file.ts';

/** The query key of the record of destructions (refreshed after an erasure). */
const ERASURES_KEY = 'personal-data-erasures';

export interface PersonalDataFile {
  document: PersonalDataDocument;
  fileName: string;
}

async function fetchDocument(path: string, query?: Record<string, string>): Promise<PersonalDataFile> {
  const { body, headers } = await api.getWithHeaders<PersonalDataDocument>(path, query);
  return { document: body, fileName: fileNameFromDisposition(headers.get('content-disposition'), defaultFileName()) };
}

export interface PersonalDataQuery {
  email: string;
  phone: string;
}

/** The organisation's search; empty fields are left out of the query string. */
export function usePersonalDataExport(organizationId: string) {
  return useMutation({
    mutationFn: (query: PersonalDataQuery) =>
      fetchDocument(`/api/organizations/${organizationId}/personal-data`, { email: query.email.trim(), phone: query.phone.trim() }),
  });
}

/** The signed-in user's own data, saved as a file right away. */
export function useMyPersonalData() {
  return useMutation({
    mutationFn: () => fetchDocument('/api/me/personal-data'),
    onSuccess: (file) => saveDocument(file),
  });
}

/** Saves the document as a JSON file. */
export function saveDocument({ document: data, fileName }: PersonalDataFile): void {
  saveBlob(new Blob([documentText(data)], { type: 'application/json;charset=utf-8' }), fileName);
}

/** Offers a file to save through a temporary object URL. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns: let it go a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface ErasureResult {
  erased: Array<{ id: string; number: string }>;
  open: Array<{ id: string; number: string; status: string }>;
}

/**
 * A person's demand to destroy their data (152-FZ art. 21): their finished requests at the school
 * are de-personalised now (POST …/personal-data/erase, permission `personalData.erase`); the
 * answer lists them and the open ones that must be finished first.
 */
export function usePersonalDataErasure(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (query: PersonalDataQuery) =>
      api.post<ErasureResult>(`/api/organizations/${organizationId}/personal-data/erase`, {
        email: query.email.trim(),
        phone: query.phone.trim(),
      }),
    // Queues and request pages showed the erased requests with their data; the record of
    // destructions below on the same tab gains an entry.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [REQUESTS_KEY] }),
        queryClient.invalidateQueries({ queryKey: [ERASURES_KEY] }),
      ]),
  });
}

/** An act's period: its first and last day, `YYYY-MM-DD`. */
export interface ActPeriod {
  from: string;
  to: string;
}

export interface ErasureEntry {
  id: number;
  erasedAt: string;
  reason: 'retention' | 'subject_request';
  /** Null: the nightly housekeeping. */
  actor: { name: string; role: string | null } | null;
  numbers: string[];
  emailsDeleted: number;
  retentionDays: number | null;
}

export interface ErasureLog {
  period: ActPeriod;
  timeZone: string;
  requests: number;
  entries: ErasureEntry[];
}

/**
 * The record of destroyed personal data in a period (GET …/personal-data/erasures, permission
 * `personalData.erase`); without a period, this month so far where the school is.
 */
export function useErasureLog(organizationId: string, period: ActPeriod | null) {
  return useQuery({
    queryKey: [ERASURES_KEY, organizationId, period?.from, period?.to],
    queryFn: () => api.get<ErasureLog>(`/api/organizations/${organizationId}/personal-data/erasures`, { ...period }),
    retry: false,
  });
}

/** The act of destruction of the period as a PDF (GET …/erasures/act), saved as a file. */
export function useErasureAct(organizationId: string) {
  return useMutation({
    mutationFn: async (period: ActPeriod) => {
      const { blob, headers } = await api.getFile(`/api/organizations/${organizationId}/personal-data/erasures/act`, { ...period });
      const fileName = fileNameFromDisposition(headers.get('content-disposition'), erasureActFileName(period));
      saveBlob(blob, fileName);
      return fileName;
    },
  });
}
