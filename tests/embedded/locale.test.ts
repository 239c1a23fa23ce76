/**
 * A school server often has no LANG at all: initdb would then make an SQL_ASCII cluster in which
 * Russian full-text search and trigram similarity silently stop working.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envWithoutLocale, FIXTURES, removeFolder, spawnNode, tempFolder } from './fixtures/support.ts';

const folder = tempFolder('opora-locale-');
afterAll(() => removeFolder(folder));

describe('a cluster created with no locale in the environment', () => {
  it('is UTF-8, stems Russian and matches trigrams', async () => {
    const probe = spawnNode(path.join(FIXTURES, 'probe.ts'), [path.join(folder, 'pg')], { env: envWithoutLocale() });
    const { code } = await probe.exited;
    expect(probe.stderr()).toBe('');
    expect(code).toBe(0);
    const answer = JSON.parse(probe.stdout()) as Record<string, unknown>;
    // The child really had no locale (otherwise this test would prove nothing).
    expect(answer.envLang).toBeNull();
    expect(answer.envLcAll).toBeNull();
    expect(answer.serverEncoding).toBe('UTF8');
    expect(answer.lcCtype).toBe('C.UTF-8');
    expect(answer.tsvector).toContain("'оценк'");
    expect(answer.tsMatch).toBe(true);
    expect(answer.similarity).toBeGreaterThan(0.3);
    expect(answer.lower).toBe('расписание');
  });
});
