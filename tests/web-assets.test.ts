/**
 * The built web app as a phone gets it: the build's Brotli or gzip copy when the browser accepts
 * one (else the file itself), hashed assets cached for a year, index.html revalidated, unknown
 * paths of the single-page app answered with index.html.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { App } from '../src/server/http/types.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { precompress } from '../src/server/lib/precompress.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

let app: App;
let db: TestDatabase;
let root: string;
const script = `export const texts = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `Обращение № ${i}: оценка не видна в дневнике`))};\n`;
const index = `<!doctype html><html lang="ru"><head><script type="module" src="/assets/main-abc123.js"></script></head><body><div id="root"></div>${' '.repeat(2000)}</body></html>`;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-web-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), index);
  fs.writeFileSync(path.join(root, 'assets/main-abc123.js'), script);
  fs.writeFileSync(path.join(root, 'assets/tiny-abc123.js'), 'export {};\n');
  fs.writeFileSync(path.join(root, 'assets/main-abc123.js.map'), '{"version":3}'.padEnd(4000, ' '));
  db = await createTestDatabase();
  app = await buildApp(
    { db: db.db, config: loadConfig({ NODE_ENV: 'test' }), clock: systemClock, log: pino({ level: 'silent' }) },
    { webRoot: root },
  );
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the build’s compressed copies', () => {
  it('are written for text files worth compressing, and decompress to the file', () => {
    const done = precompress(root);
    expect(done.files).toBe(2); // main-abc123.js and index.html; not the tiny file, not the source map
    expect(fs.existsSync(path.join(root, 'assets/tiny-abc123.js.br'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'assets/main-abc123.js.map.br'))).toBe(false);
    const brotli = fs.readFileSync(path.join(root, 'assets/main-abc123.js.br'));
    const gzip = fs.readFileSync(path.join(root, 'assets/main-abc123.js.gz'));
    expect(zlib.brotliDecompressSync(brotli).toString()).toBe(script);
    expect(zlib.gunzipSync(gzip).toString()).toBe(script);
    expect(done.brotliBytes).toBeLessThan(done.bytes / 4);
    expect(done.gzipBytes).toBeLessThan(done.bytes / 3);
  });
});

describe('serving the web app', () => {
  it('sends the Brotli copy to a browser that accepts it, with the script’s type and a year of caching', async () => {
    const response = await app.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(script);
    expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);
  });

  it('sends gzip to a browser without Brotli, and the file itself to one that accepts neither', async () => {
    const gzip = await app.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    const tiny = await app.inject({ url: '/assets/tiny-abc123.js', headers: { 'accept-encoding': 'br' } });
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('export {};\n');
  });

  it('revalidates index.html, at its own path and for the app’s routes', async () => {
    for (const url of ['/index.html', '/requests/42', '/login']) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      const body =
        response.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(response.rawPayload).toString() : response.body;
      expect(body, url).toBe(index);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('keeps API paths out of the web app', async () => {
    const response = await app.inject({ url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe('ROUTE_NOT_FOUND');
  });
});
