import { CliError } from '../lib/cli-locale.ts';

/** A failure of the embedded PostgreSQL, worded as one sentence (from the catalogue) for the person who runs Opora. */
export class EmbeddedPostgresError extends CliError {
  override readonly name = 'EmbeddedPostgresError';
}
