/**
 * Files attached to a request's messages: checked from their bytes (images and PDF only, ≤ 10 MB,
 * ≤ 5 per message — domain/requests/attachments.ts) before any transaction starts, then stored
 * in PostgreSQL (bytea, own table, so every backup has them) with the message's timeline event.
 */
import { createHash } from 'node:crypto';
import {
  cleanFileName,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  sniffAttachmentType,
  type AttachmentType,
} from '../../../domain/requests/attachments.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import * as repo from './requests.repository.ts';

/** A file as received (multipart upload, e-mail attachment …). */
export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

export interface CheckedFile {
  fileName: string;
  contentType: AttachmentType;
  data: Buffer;
  sha256: string;
}

const MAX_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

/**
 * Validates files; the type comes from the bytes, never from the name or the declared type.
 * @throws ATTACHMENT_TOO_MANY, ATTACHMENT_TOO_LARGE (413), ATTACHMENT_TYPE_NOT_ALLOWED (415).
 */
export function checkFiles(files: readonly UploadedFile[]): CheckedFile[] {
  if (files.length > MAX_ATTACHMENTS_PER_MESSAGE)
    throw new AppError('ATTACHMENT_TOO_MANY', { params: { max: MAX_ATTACHMENTS_PER_MESSAGE } });
  return files.map((file) => {
    const name = file.fileName || 'file';
    if (file.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE', { params: { name, maxMb: MAX_MB } });
    const type = file.data.length > 0 ? sniffAttachmentType(file.data) : null;
    if (!type) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', { params: { name } });
    return {
      fileName: cleanFileName(name, type),
      contentType: type,
      data: file.data,
      sha256: createHash('sha256').update(file.data).digest('hex'),
    };
  });
}

export async function storeFiles(
  db: Executor,
  request: { id: string; organizationId: string },
  eventId: number,
  files: readonly CheckedFile[],
) {
  const stored = [];
  for (const file of files) {
    stored.push(
      await repo.insertAttachment(db, {
        requestId: request.id,
        organizationId: request.organizationId,
        eventId,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.data.length,
        sha256: file.sha256,
        content: file.data,
      }),
    );
  }
  return stored;
}

export { MAX_MB as MAX_ATTACHMENT_MB };
