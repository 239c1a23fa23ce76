/**
 * A real installation's first run: `opora init` creates the region and its administrator, who sets
 * a password on the printed one-time link and signs in; `opora password-link` issues another link.
 * Bad input is one sentence naming the option and writes nothing; a second `init` is refused.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { runOpora } from '../../../tests/helpers/cli.ts';
import { createEmptyDatabase } from '../../../tests/helpers/db.ts';
import { CliError } from '../lib/cli-locale.ts';
import { hasDemoSchool } from '../seed/demo.ts';
import { checkInitInput, initInstallation, passwordLink } from './first-run.ts';

const INPUT = { region: 'Тверская область', email: 'IT@Region.example', fullName: 'Белова Ольга Ивановна' };

let t: TestApp;
beforeAll(async () => {
  vi.stubEnv('OPORA_LOCALE', 'ru');
  t = await buildTestApp();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await t.close();
});

function cliError(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(/^[A-ZА-ЯЁ«].*\.$/s);
    return error as CliError;
  }
  throw new Error('no error');
}

async function rejected(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

async function setPassword(link: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token: tokenOf(link), password } });
}

async function signIn(email: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
}

describe('opora init', () => {
  it('checks its input: each problem names the option, nothing is written', async () => {
    expect(cliError(() => checkInitInput({ ...INPUT, region: '  ' })).params).toEqual({ option: '--region' });
    expect(cliError(() => checkInitInput({ ...INPUT, email: undefined })).params).toEqual({ option: '--email' });
    expect(cliError(() => checkInitInput({ ...INPUT, fullName: '' })).params).toEqual({ option: '--name' });
    expect(cliError(() => checkInitInput({ ...INPUT, email: 'it-region' })).key).toBe('cli.error.init.email');
    expect(cliError(() => checkInitInput({ ...INPUT, slug: 'Тверь' })).key).toBe('cli.error.init.slug');
    const zone = cliError(() => checkInitInput({ ...INPUT, timezone: 'Europe/Tver' }));
    expect(zone.message).toBe('Часовой пояс «Europe/Tver» неизвестен; укажите его как Europe/Moscow или Asia/Yekaterinburg.');
    expect(checkInitInput({ ...INPUT, timezone: 'Asia/Yekaterinburg' })).toEqual({
      region: 'Тверская область',
      email: 'it@region.example',
      fullName: 'Белова Ольга Ивановна',
      slug: 'region',
      timezone: 'Asia/Yekaterinburg',
    });
    await rejected(initInstallation(t.deps, { ...INPUT, email: 'no' }));
    expect((await t.db.pool.query('select count(*)::int as n from organizations')).rows[0]).toEqual({ n: 0 });
  });

  it('creates the region and its administrator, who sets a password on the link and signs in', async () => {
    const done = await initInstallation(t.deps, { ...INPUT, slug: 'tver-region' });
    expect(done).toMatchObject({ email: 'it@region.example', hours: 24 });
    expect(done.link).toMatch(/^http:\/\/opora\.test\/reset-password\?token=[\w-]+$/);

    const org = await t.db.pool.query(`select kind, name, slug, timezone, parent_id from organizations`);
    expect(org.rows).toEqual([
      { kind: 'region', name: 'Тверская область', slug: 'tver-region', timezone: 'Europe/Moscow', parent_id: null },
    ]);
    const user = await t.db.pool.query(
      `select u.full_name, u.password_hash, m.role from users u join memberships m on m.user_id = u.id where u.email = 'it@region.example'`,
    );
    expect(user.rows).toEqual([{ full_name: 'Белова Ольга Ивановна', password_hash: null, role: 'admin' }]);
    const audit = await t.db.pool.query(`select action, actor_user_id from audit_log order by id`);
    // No demo school, so the start banner does not offer the demo's logins.
    expect(await hasDemoSchool(t.db.db)).toBe(false);
    expect(audit.rows).toEqual([
      { action: 'organization.create', actor_user_id: null },
      { action: 'user.create', actor_user_id: null },
      { action: 'auth.password_link_issued', actor_user_id: null },
    ]);

    expect((await signIn('it@region.example', 'a-long-new-password')).statusCode).toBe(401);
    expect((await setPassword(done.link, 'a-long-new-password')).statusCode).toBe(200);
    const login = await signIn('it@region.example', 'a-long-new-password');
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ membership: { role: 'admin' } });
    // The link works once.
    expect((await setPassword(done.link, 'another-long-password')).statusCode).toBe(400);

    // A second first run is refused and changes nothing.
    const again = await rejected(initInstallation(t.deps, { ...INPUT, region: 'Другая область', email: 'other@region.example' }));
    expect(again.key).toBe('cli.error.init.notEmpty');
    expect((await t.db.pool.query('select count(*)::int as n from organizations')).rows[0]).toEqual({ n: 1 });
    expect((await t.db.pool.query('select count(*)::int as n from users')).rows[0]).toEqual({ n: 1 });
  });

  it('password-link gives an active user a new link, and refuses an unknown address', async () => {
    const unknown = await rejected(passwordLink(t.deps, 'nobody@region.example'));
    expect(unknown.message).toBe('Активного пользователя с адресом nobody@region.example нет.');
    expect((await rejected(passwordLink(t.deps, ' '))).key).toBe('cli.usage.needsEmail');
    const link = await passwordLink(t.deps, ' IT@region.example ');
    expect(link.email).toBe('it@region.example');
    expect((await setPassword(link.link, 'the-third-long-password')).statusCode).toBe(200);
    expect((await signIn('it@region.example', 'the-third-long-password')).statusCode).toBe(200);
  });
});

describe('the opora command', () => {
  const opora = (databaseUrl: string, args: string[]) => runOpora(databaseUrl, args, { PUBLIC_URL: 'https://opora.region.example' });

  it('init on a new database prints the link; password-link prints another; bad options are a usage error', async () => {
    const database = await createEmptyDatabase();
    try {
      const wrong = await opora(database.url, ['init', '--region', 'Тверская область', '--mail', 'it@region.example']);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/^Неверные параметры команды «init» \(.*--mail.*\)\.\nИспользование: opora <команда>/);

      const init = await opora(database.url, [
        'init',
        '--region',
        'Тверская область',
        '--email',
        'it@region.example',
        '--name',
        'Белова Ольга Ивановна',
      ]);
      expect(init).toMatchObject({ code: 0, stderr: '' });
      expect(init.stdout).toMatch(
        /^Созданы регион «Тверская область» и его администратор it@region\.example\.\nОткройте ссылку в течение 24 ч и задайте пароль, .*\nhttps:\/\/opora\.region\.example\/reset-password\?token=[\w-]+\n$/,
      );

      const link = await opora(database.url, ['password-link', 'it@region.example']);
      expect(link).toMatchObject({ code: 0, stderr: '' });
      expect(link.stdout).toMatch(
        /^Ссылка для смены пароля it@region\.example \(действует 24 ч, один раз\):\nhttps:\/\/opora\.region\.example\/reset-password\?token=/,
      );

      const again = await opora(database.url, ['init', '--region', 'Другая', '--email', 'x@region.example', '--name', 'Х']);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^В базе данных уже есть организации, первый запуск уже сделан\./);
    } finally {
      await database.drop();
    }
  });
});
