/**
 * kill -9 of Opora: its PostgreSQL lives on (or, when the whole process group was killed, lies
 * dead but unreaped for a while) holding postmaster.pid. The next start must succeed and every
 * write that was acknowledged before the kill must be there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/server/db/embedded.ts';
import {
  FIXTURES,
  isRunning,
  postgresProcessesOf,
  postmasterPid,
  query,
  removeFolder,
  spawnNode,
  tempFolder,
  waitFor,
} from './fixtures/support.ts';

const folder = tempFolder('opora-kill-');
const loops: Array<ReturnType<typeof spawnNode>> = [];
afterAll(() => {
  // Only after a failed test: leave no insert loop or PostgreSQL of ours behind.
  for (const loop of loops) if (loop.child.exitCode === null) loop.child.kill('SIGKILL');
  for (const name of ['node-only', 'group', 'repeated', 'first-start-300', 'first-start-550', 'first-start-800']) {
    const dataDir = path.join(folder, name);
    for (const pid of postgresProcessesOf(dataDir, postmasterPid(dataDir))) process.kill(pid, 'SIGKILL');
  }
  removeFolder(folder);
});

/** Runs the insert loop until `count` ids were acknowledged, kills it, returns every acknowledged id. */
async function killDuringInserts(dataDir: string, count: number, killGroup: boolean): Promise<{ acked: number[]; postmaster: number }> {
  const loop = spawnNode(path.join(FIXTURES, 'insert-loop.ts'), [dataDir], { detached: killGroup });
  loops.push(loop);
  const ackedIds = () =>
    loop
      .stdout()
      .split('\n')
      .filter((line) => /^\d+$/.test(line))
      .map(Number);
  await waitFor(
    `${count} acknowledged inserts`,
    () => {
      if (loop.child.exitCode !== null) throw new Error(`the insert loop ended early: ${loop.stderr()}`);
      return ackedIds().length >= count;
    },
    60_000,
  );
  const postmaster = postmasterPid(dataDir);
  expect(postmaster).not.toBeNull();
  if (killGroup) process.kill(-loop.child.pid!, 'SIGKILL');
  else process.kill(loop.child.pid!, 'SIGKILL');
  const { signal } = await loop.exited; // also drains what was already in the pipe
  expect(signal).toBe('SIGKILL');
  return { acked: ackedIds(), postmaster: postmaster! };
}

async function expectRecovered(dataDir: string, acked: number[], log: string[]): Promise<void> {
  const embedded = await startEmbeddedPostgres({ dataDir, log: (line) => log.push(line) });
  try {
    const rows = await query<{ id: number }>(embedded.connectionString(), 'select id::int as id from acked');
    const present = new Set(rows.map((row) => row.id));
    expect(acked.filter((id) => !present.has(id))).toEqual([]);
    expect(present.size).toBeGreaterThanOrEqual(acked.length);
  } finally {
    await embedded.stop();
  }
}

describe('after a kill -9 of Opora', () => {
  it('of the node process only: stops the leftover PostgreSQL, starts, and keeps every acknowledged row', async () => {
    const dataDir = path.join(folder, 'node-only');
    const { acked, postmaster } = await killDuringInserts(dataDir, 200, false);
    expect(acked.length).toBeGreaterThanOrEqual(200);
    // The scenario is real: the old postmaster and its children survived the kill.
    expect(isRunning(postmaster)).toBe(true);
    const leftovers = postgresProcessesOf(dataDir, postmaster);
    const log: string[] = [];
    await expectRecovered(dataDir, acked, log);
    expect(log.join('\n')).toContain(`stopping a leftover PostgreSQL (pid ${postmaster})`);
    expect(leftovers.filter(isRunning)).toEqual([]);
  });

  it('of the whole process group: waits out the dead PostgreSQL, starts, and keeps every acknowledged row', async () => {
    const dataDir = path.join(folder, 'group');
    const { acked, postmaster } = await killDuringInserts(dataDir, 200, true);
    expect(acked.length).toBeGreaterThanOrEqual(200);
    // The postmaster got the group's SIGKILL too. It dies once the kernel schedules it, which on a
    // busy machine can come a moment after the node process was reported dead. A zombie counts as
    // dead, so this waits for the kill to land, not for the reaping.
    await waitFor('the postmaster to die of the group kill', () => !isRunning(postmaster), 5_000);
    // Start again at once, inside the window in which the dead postmaster may be an unreaped zombie.
    const log: string[] = [];
    await expectRecovered(dataDir, acked, log);
    // And a third time after a clean stop, from the recovered folder.
    await expectRecovered(dataDir, acked, log);
  });

  it('of the whole process group during the very first start (initdb): the next start makes a whole cluster', async () => {
    // The kill lands at different moments of node start-up, initdb's bootstrap and its last steps.
    for (const delay of [300, 550, 800]) {
      const dataDir = path.join(folder, `first-start-${delay}`);
      const probe = spawnNode(path.join(FIXTURES, 'probe.ts'), [dataDir], { detached: true });
      loops.push(probe);
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (probe.child.exitCode === null) process.kill(-probe.child.pid!, 'SIGKILL');
      await probe.exited;
      const embedded = await startEmbeddedPostgres({ dataDir });
      try {
        const [row] = await query<{ encoding: string }>(
          embedded.connectionString(),
          `select current_setting('server_encoding') as encoding`,
        );
        expect(row!.encoding).toBe('UTF8');
      } finally {
        await embedded.stop();
      }
      expect(fs.readdirSync(folder).filter((name) => name.startsWith(`first-start-${delay}.initdb-`))).toEqual([]);
    }
  });

  it('survives repeated kills in a row', async () => {
    const dataDir = path.join(folder, 'repeated');
    const acked: number[] = [];
    // Each round's insert loop starts on the folder the previous round killed: that start is the recovery.
    for (const killGroup of [false, true, true, false]) {
      const round = await killDuringInserts(dataDir, 100, killGroup);
      acked.push(...round.acked);
    }
    expect(new Set(acked).size).toBe(acked.length);
    await expectRecovered(dataDir, acked, []);
  });
});
