/** A failure of the embedded PostgreSQL, worded as one sentence for the person who runs Opora. */
export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}
