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
