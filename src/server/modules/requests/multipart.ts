/**
 * Multipart bodies for the request routes: a message with its files in one request. Text fields
 * become the body (a field named `data` may carry the whole JSON body), files are collected for
 * the service; the route's JSON schema then validates the body as usual. Limits: 10 MB per file,
 * 5 files — exceeding them gives 413 ATTACHMENT_TOO_LARGE / 400 ATTACHMENT_TOO_MANY.
 * Exported for the public form and status page routes.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '../../../domain/requests/attachments.ts';
import { AppError } from '../../http/errors.ts';
import { MAX_ATTACHMENT_MB, type UploadedFile } from './request-attachments.ts';

const files = new WeakMap<FastifyRequest, UploadedFile[]>();

/** Registers @fastify/multipart in the caller's plugin scope (once). */
export async function registerMultipart(app: FastifyInstance): Promise<void> {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  await app.register(multipart, {
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_ATTACHMENTS_PER_MESSAGE, fields: 30, fieldSize: 100_000, parts: 40 },
  });
}

interface MultipartError {
  code?: string;
  part?: { filename?: string };
}

/** preValidation hook: turns a multipart body into `request.body` + files (see {@link uploadedFiles}). */
export async function parseMultipartBody(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const body: Record<string, unknown> = {};
  const collected: UploadedFile[] = [];
  let current = '';
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        current = part.filename;
        collected.push({ fileName: part.filename, data: await part.toBuffer() });
      } else if (part.fieldname === 'data') {
        const value = String(part.value);
        try {
          Object.assign(body, JSON.parse(value) as Record<string, unknown>);
        } catch {
          throw new AppError('INVALID_JSON');
        }
      } else {
        body[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as MultipartError).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('ATTACHMENT_TOO_LARGE', {
        params: { name: (error as MultipartError).part?.filename ?? current, maxMb: MAX_ATTACHMENT_MB },
      });
    }
    if (code === 'FST_FILES_LIMIT') throw new AppError('ATTACHMENT_TOO_MANY', { params: { max: MAX_ATTACHMENTS_PER_MESSAGE } });
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('PAYLOAD_TOO_LARGE');
    // Anything else is a body the parser could not read: no boundary, cut short, a broken part.
    throw new AppError('INVALID_MULTIPART');
  }
  request.body = body;
  files.set(request, collected);
}

/** Files of a multipart request (empty for JSON). */
export function uploadedFiles(request: FastifyRequest): UploadedFile[] {
  return files.get(request) ?? [];
}
