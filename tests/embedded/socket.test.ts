/**
 * No port clash: the embedded cluster listens on a Unix socket inside its data folder only, so
 * two of them run side by side while another PostgreSQL holds TCP port 5432.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '../../src/server/db/embedded.ts';
import { query, removeFolder, tempFolder } from './fixtures/support.ts';

const folder = tempFolder('opora-socket-');
let portHolder: net.Server | null = null;
const running: RunningEmbeddedPostgres[] = [];

/** Makes sure something listens on 127.0.0.1:5432: the system PostgreSQL, or a stand-in. */
async function holdPort5432(): Promise<void> {
  const taken = await new Promise<boolean>((resolve) => {
    const socket = net.connect(5432, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
  if (taken) return;
  portHolder = net.createServer();
  await new Promise<void>((resolve, reject) => {
    portHolder!.once('error', reject);
    portHolder!.listen(5432, '127.0.0.1', resolve);
  });
}

beforeAll(holdPort5432);
afterAll(async () => {
  await Promise.all(running.map((cluster) => cluster.stop()));
  await new Promise((resolve) => (portHolder ? portHolder.close(resolve) : resolve(undefined)));
  removeFolder(folder);
});

describe('two embedded clusters while port 5432 is taken', () => {
  it('start at the same time, listen on no TCP address and both answer', async () => {
    const [a, b] = await Promise.all([
      startEmbeddedPostgres({ dataDir: path.join(folder, 'a') }),
      startEmbeddedPostgres({ dataDir: path.join(folder, 'b') }),
    ]);
    running.push(a, b);
    for (const cluster of [a, b]) {
      expect(cluster.socketDir).toBe(cluster.dataDir);
      expect(fs.existsSync(path.join(cluster.dataDir, '.s.PGSQL.5432'))).toBe(true);
      const [settings] = await query<{ listen: string; port: string }>(
        cluster.connectionString(),
        `select current_setting('listen_addresses') as listen, current_setting('port') as port`,
      );
      expect(settings).toEqual({ listen: '', port: '5432' });
    }
    // Two distinct clusters, not one answering twice.
    const ids = await Promise.all(
      [a, b].map(
        async (cluster) =>
          (await query<{ id: string }>(cluster.connectionString(), 'select system_identifier::text as id from pg_control_system()'))[0]!.id,
      ),
    );
    expect(ids[0]).not.toBe(ids[1]);
  });
});
