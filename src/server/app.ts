/**
 * Builds the Fastify application from its dependencies; never listens. main.ts and the tests
 * both use this one factory.
 */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Deps } from './deps.ts';
import { authPlugin } from './http/auth.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { contentSecurityPolicy } from './http/security.ts';
import type { App } from './http/types.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { intakeRoutes } from './modules/intake/intake.routes.ts';
import { organizationRoutes } from './modules/organizations/organizations.routes.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { requestRoutes } from './modules/requests/requests.routes.ts';

import { WEB_DIST } from './lib/paths.ts';

export interface BuildOptions {
  /** Serve the built web app from dist/web when it exists (default true). */
  serveWeb?: boolean;
  /** Where the built web app is (default dist/web; tests use their own). */
  webRoot?: string;
}

/** Vite's output under assets/ carries a content hash in its name: a changed file gets a new name. */
const HASHED_ASSET = /^assets\//;

export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true, useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandling(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: contentSecurityPolicy(["'self'"]),
    strictTransportSecurity: deps.config.secureCookies,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Opora API', version: '0.1.0', description: 'Help desk for schools moving to the electronic grade journal' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'opora_sid' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(authPlugin, { deps });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  const routeOptions = { deps };
  await app.register(identityRoutes, routeOptions);
  await app.register(organizationRoutes, routeOptions);
  await app.register(auditRoutes, routeOptions);
  await app.register(calendarRoutes, routeOptions);
  await app.register(intakeRoutes, routeOptions);
  await app.register(requestRoutes, routeOptions);
  await app.register(privacyRoutes, routeOptions);

  const webRoot = options.webRoot ?? WEB_DIST;
  if (options.serveWeb !== false && fs.existsSync(path.join(webRoot, 'index.html'))) {
    // The build's .br/.gz copies go to browsers that accept them. Hashed assets are cached for a
    // year, since a new build names its files anew; index.html is revalidated every time, so a new
    // build is picked up at once (an index.html cached from the previous build would name assets
    // the new build no longer has).
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      maxAge: '1h',
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        const file = path.relative(webRoot, filePath).split(path.sep).join('/');
        if (HASHED_ASSET.test(file)) reply.header('cache-control', 'public, max-age=31536000, immutable');
        else if (/^index\.html(\.br|\.gz)?$/.test(file)) reply.header('cache-control', 'no-cache');
      },
    });
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      const file = request.url.split('?')[0]!.replace(/^\/+/, '');
      if (file && fs.existsSync(path.join(webRoot, file)) && !file.includes('..')) return reply.sendFile(file);
      return reply.sendFile('index.html');
    });
  }
  return app;
}
