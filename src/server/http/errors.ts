/**
 * One error model. Services throw AppError with a code from a closed list; one table maps codes
 * to HTTP statuses, and the error handler renders `{ error, message, fields?, requestId }` with
 * the message in the caller's language.
 */
import type { MessageKey, MessageParams } from '../../shared/i18n/index.ts';

export const ERROR_STATUS = {
  VALIDATION: 400,
  INVALID_JSON: 400,
  WEAK_PASSWORD: 400,
  RESET_TOKEN_INVALID: 400,
  ORG_PARENT_INVALID: 400,
  CALENDAR_FILE_INVALID: 400,
  REQUEST_WORDING_UNCLEAR: 400,
  CONSENT_REQUIRED: 400,
  ATTACHMENT_TOO_MANY: 400,
  INVALID_MULTIPART: 400,
  INVALID_CHARACTERS: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  EMAIL_TAKEN: 409,
  SLUG_TAKEN: 409,
  MEMBERSHIP_EXISTS: 409,
  LAST_ADMIN: 409,
  PAYLOAD_TOO_LARGE: 413,
  ATTACHMENT_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field problem: the message key is translated by the error handler. */
export interface FieldProblem {
  key: MessageKey;
  params?: MessageParams;
}

export interface AppErrorOptions {
  /** Message key when it is not `error.<code>`. */
  messageKey?: MessageKey;
  params?: MessageParams;
  fields?: Record<string, FieldProblem>;
  /** Extra machine-readable data for the client (e.g. allowed transitions). */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly options: AppErrorOptions;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(code);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.options = options;
  }

  get messageKey(): MessageKey {
    return this.options.messageKey ?? (`error.${this.code}` as MessageKey);
  }
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
export const forbidden = (): AppError => new AppError('FORBIDDEN');
export const validation = (fields: Record<string, FieldProblem>): AppError => new AppError('VALIDATION', { fields });
