import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../domain/requests/attachments.ts';

/** Sends a stored attachment: its sniffed type, as a download, never cached by shared caches. */
export function sendAttachment(reply: FastifyReply, file: { fileName: string; contentType: string; content: Buffer }): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
