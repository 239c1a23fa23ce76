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
}

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

  if (options.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false, maxAge: '1h' });
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      const file = request.url.split('?')[0]!.replace(/^\/+/, '');
      if (file && fs.existsSync(path.join(WEB_DIST, file)) && !file.includes('..')) return reply.sendFile(file);
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
