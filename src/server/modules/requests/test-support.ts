/**
 * Helpers for the request engine's integration tests (not a test file itself): multipart bodies,
 * small files of each kind, and making durable jobs due for the runner.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake png body')]);
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
export const HTML = Buffer.from('<!doctype html><script>alert(1)</script>');

export interface FilePart {
  name: string;
  data: Buffer;
  contentType?: string;
}

/** A multipart/form-data body: text fields (objects as JSON) and files under the field `files`. */
export function multipart(fields: Record<string, unknown>, files: FilePart[] = []): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----opora${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${text}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * The runner claims jobs by the database's clock; tests move the application clock instead.
 * This makes every pending job claimable now, as if real time had caught up.
 */
export async function makeJobsDue(db: Database): Promise<void> {
  await sql`update jobs set run_at = now() - interval '1 second' where finished_at is null and failed_at is null`.execute(db);
}
