import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has laptop defaults: embedded PostgreSQL in ./data/pg, port 3000', () => {
    const config = loadConfig({}, '/srv/opora');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      dataDir: '/srv/opora/data/pg',
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
    });
  });

  it('reports every bad variable at once, in one message', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        SMTP_HOST: 'mail',
        SMTP_PORT: '0',
        SECURE_COOKIES: 'maybe',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'SMTP_PORT', 'SECURE_COOKIES']) expect(message).toContain(name);
    }
  });

  it('trusts a reverse proxy on this machine or at the given addresses, never every one', () => {
    const trust = (value: string | undefined) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;
    expect([trust(undefined), trust(''), trust('false'), trust('0')]).toEqual([false, false, false, false]);
    expect([trust('true'), trust('1')]).toEqual([['loopback'], ['loopback']]);
    expect(trust('127.0.0.1, 10.0.0.0/8,::1,uniquelocal')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'uniquelocal']);
    for (const bad of ['maybe', '10.0.0.0/33', 'nginx', '2']) expect(() => trust(bad), bad).toThrow(/TRUST_PROXY/);
  });

  it('reads a blank PORT as the default and an upper-case HTTPS address as HTTPS', () => {
    const config = loadConfig({ PORT: ' ', PUBLIC_URL: 'HTTPS://Opora.School27.ru' });
    expect(config.port).toBe(3000);
    expect(config.secureCookies).toBe(true);
  });

  it('turns on Secure cookies behind HTTPS and reads SMTP settings', () => {
    const config = loadConfig({
      PUBLIC_URL: 'https://opora.school27.ru/',
      SMTP_HOST: 'smtp.school27.ru',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
    });
    expect(config.secureCookies).toBe(true);
    expect(config.publicUrl).toBe('https://opora.school27.ru');
    expect(config.smtp).toMatchObject({ host: 'smtp.school27.ru', port: 465, secure: true });
  });
});
