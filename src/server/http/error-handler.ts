import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translate, type Locale, type MessageKey } from '../../shared/i18n/index.ts';
import { AppError, type FieldProblem } from './errors.ts';

export interface ErrorBody {
  error: string;
  message: string;
  fields?: Record<string, string>;
  details?: Record<string, unknown>;
  requestId: string;
}

interface AjvIssue {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Installs the one error handler and the not-found handler. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const locale = request.locale;
    if (error instanceof AppError) {
      return send(reply, request, error.status, error.code, translate(locale, error.messageKey, error.options.params), {
        fields: translateFields(locale, error.options.fields),
        details: error.options.details,
      });
    }
    const fastifyError = error as FastifyError & { validation?: AjvIssue[] };
    if (fastifyError.validation) {
      const fields = fieldsFromAjv(fastifyError.validation, fastifyError.validationContext);
      return send(reply, request, 400, 'VALIDATION', translate(locale, 'error.VALIDATION'), {
        fields: translateFields(locale, fields),
      });
    }
    if (isUnstorableText(error)) return send(reply, request, 400, 'INVALID_CHARACTERS', translate(locale, 'error.INVALID_CHARACTERS'));
    // A unique key taken between a service's check and its write (two people at once): a conflict.
    if ((error as { code?: unknown }).code === '23505') return send(reply, request, 409, 'CONFLICT', translate(locale, 'error.CONFLICT'));
    const known = mapFastifyError(fastifyError);
    if (known) {
      const params: Record<string, number> = known.code === 'RATE_LIMITED' ? { seconds: Number(reply.getHeader('retry-after') ?? 60) } : {};
      return send(reply, request, known.status, known.code, translate(locale, `error.${known.code}` as MessageKey, params));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, 'INTERNAL', translate(locale, 'error.INTERNAL', { requestId: request.id }));
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, 'ROUTE_NOT_FOUND', translate(request.locale, 'error.ROUTE_NOT_FOUND')),
  );
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  extra: { fields?: Record<string, string> | undefined; details?: Record<string, unknown> | undefined } = {},
): FastifyReply {
  const body: ErrorBody = { error: code, message, requestId: request.id };
  if (extra.fields && Object.keys(extra.fields).length > 0) body.fields = extra.fields;
  if (extra.details) body.details = extra.details;
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

function translateFields(locale: Locale, fields: Record<string, FieldProblem> | undefined): Record<string, string> | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([name, p]) => [name, translate(locale, p.key, p.params)]));
}

function fieldsFromAjv(issues: AjvIssue[], context: string | undefined): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    const params = issue.params ?? {};
    let name = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    if (issue.keyword === 'required' && typeof params.missingProperty === 'string') {
      name = name ? `${name}.${params.missingProperty}` : params.missingProperty;
    }
    if (issue.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      name = name ? `${name}.${params.additionalProperty}` : params.additionalProperty;
    }
    if (!name) name = context ?? 'body';
    if (!fields[name]) fields[name] = problemFor(issue.keyword, params);
  }
  return fields;
}

function problemFor(keyword: string | undefined, params: Record<string, unknown>): FieldProblem {
  switch (keyword) {
    case 'required':
      return { key: 'field.required' };
    case 'minLength':
      return { key: 'field.tooShort', params: { min: Number(params.limit) } };
    case 'maxLength':
      return { key: 'field.tooLong', params: { max: Number(params.limit) } };
    case 'format':
      return { key: params.format === 'email' ? 'field.email' : 'field.format' };
    case 'pattern':
      return { key: 'field.format' };
    case 'additionalProperties':
      return { key: 'field.unknown' };
    case 'type':
      return { key: 'field.type' };
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return { key: 'field.enum' };
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'maxItems':
      return { key: 'field.range' };
    default:
      return { key: 'field.invalid' };
  }
}

/**
 * PostgreSQL refuses text with a NUL character (SQLSTATE 22021 as a parameter, 22P05 from a JSON
 * parameter's `\u0000`). Only a client sends one, so it is the client's 400, wherever it was typed.
 */
function isUnstorableText(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}

function mapFastifyError(error: FastifyError): { status: number; code: string } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'INVALID_JSON' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
    default:
      break;
  }
  if (error.statusCode === 429) return { status: 429, code: 'RATE_LIMITED' };
  if (error instanceof SyntaxError && error.statusCode === 400) return { status: 400, code: 'INVALID_JSON' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return { status: error.statusCode, code: 'VALIDATION' };
  return null;
}
