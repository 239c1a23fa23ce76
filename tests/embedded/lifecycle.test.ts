/** A graceful stop stops PostgreSQL completely; durability settings stay on. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/server/db/embedded.ts';
import { isRunning, postgresProcessesOf, postmasterPid, query, removeFolder, tempFolder } from './fixtures/support.ts';

const folder = tempFolder('opora-life-');
afterAll(() => removeFolder(folder));

describe('the embedded cluster', () => {
  it('keeps fsync and synchronous_commit on, and stop() leaves no PostgreSQL process or lock file', async () => {
    const dataDir = path.join(folder, 'pg');
    const embedded = await startEmbeddedPostgres({ dataDir });
    const [settings] = await query<Record<string, string>>(
      embedded.connectionString(),
      `select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit,
              current_setting('full_page_writes') as full_page_writes`,
    );
    expect(settings).toEqual({ fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' });

    const pid = postmasterPid(dataDir);
    expect(pid).not.toBeNull();
    const processes = postgresProcessesOf(dataDir, pid);
    expect(processes).toContain(pid); // the postmaster
    expect(processes.length).toBeGreaterThan(3); // and its checkpointer, writers, launcher …

    await embedded.stop();
    expect(isRunning(pid!)).toBe(false);
    expect(processes.filter(isRunning)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    await embedded.stop(); // a second stop is harmless

    // It starts again on the same folder, with the data it had.
    const again = await startEmbeddedPostgres({ dataDir });
    expect((await query<{ n: number }>(again.connectionString(), 'select 1 as n'))[0]!.n).toBe(1);
    await again.stop();
  });
});
