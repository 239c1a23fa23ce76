/**
 * The one fetch wrapper of the web app: JSON in and out, the session cookie, the CSRF header on
 * every mutation, and one typed error. Every 4xx/5xx body of the API is
 * `{ error, message, fields?, requestId }` with `message` already in the user's language, so the UI
 * shows `message` (and `fields` next to inputs) and never invents error texts of its own.
 */

/** Codes the client itself produces when there is no API error body to read. */
export const NETWORK_ERROR = 'NETWORK';
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, requestId: string | null = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }
}

let csrfToken: string | null = null;

/** Remembered from /api/me and the login response; sent as `x-csrf-token` on mutations. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return (await perform(method, path, body)).payload as T;
}

/**
 * The request itself: the body of a success as `read` takes it (parsed JSON by default) and the
 * response headers (e.g. a download's file name). A failure's body is always the API's JSON error.
 */
async function perform(
  method: Method,
  path: string,
  body?: unknown,
  read: (response: Response) => Promise<unknown> = readJson,
): Promise<{ payload: unknown; headers: Headers }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  if (!response.ok) throw toApiError(response.status, await readJson(response));
  return { payload: await read(response), headers: response.headers };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  if (payload && typeof payload === 'object' && 'error' in payload && 'message' in payload) {
    const body = payload as { error: unknown; message: unknown; fields?: unknown; requestId?: unknown };
    const fields = body.fields && typeof body.fields === 'object' ? (body.fields as Record<string, string>) : {};
    return new ApiError(
      status,
      String(body.error),
      String(body.message),
      fields,
      typeof body.requestId === 'string' ? body.requestId : null,
    );
  }
  return new ApiError(status, UNEXPECTED_RESPONSE, '');
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  /** A GET whose headers matter too: a JSON document offered as a file (content-disposition). */
  getWithHeaders: async <T>(path: string, query?: Query): Promise<{ body: T; headers: Headers }> => {
    const { payload, headers } = await perform('GET', withQuery(path, query));
    return { body: payload as T, headers };
  },
  /** A GET of a file (a PDF): its bytes and the headers; an error is read as usual. */
  getFile: async (path: string, query?: Query): Promise<{ blob: Blob; headers: Headers }> => {
    const { payload, headers } = await perform('GET', withQuery(path, query), undefined, (response) => response.blob());
    return { blob: payload as Blob, headers };
  },
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
