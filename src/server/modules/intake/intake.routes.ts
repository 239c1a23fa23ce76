/**
 * Public intake routes — no account needed:
 *   GET  /api/public/schools/:slug/form          the form's data (school, topics, consent text, limits)
 *   POST /api/public/schools/:slug/challenge     a proof-of-work challenge
 *   POST /api/public/schools/:slug/requests      a submission (JSON, or multipart: `data` + files) → 201
 *   GET  /api/public/status/:token               the private status page's view
 *   POST /api/public/status/:token/messages      the requester's reply (JSON or multipart) → 201
 *   POST /api/public/status/:token/actions       reopen / close a resolved request
 *   GET  /api/public/status/:token/attachments/:attachmentId
 * Settings (head, admin): GET/PUT /api/organizations/:id/intake/consent — the 152-FZ consent text.
 * Pages: /s/* (the form, embeddable in a school's site: any site may frame it) and /status/*
 * (never cached, not indexed) are served here with their own security headers.
 * Every public route has a per-IP limit (@fastify/rate-limit, route config).
 */
import type { FastifyReply } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { sendAttachment } from '../../http/attachment-reply.ts';
import { contextOf } from '../../http/auth.ts';
import type { App, RouteOptions } from '../../http/types.ts';
import { parseMultipartBody, registerMultipart, uploadedFiles } from '../requests/multipart.ts';
import {
  ActionBody,
  AttachmentParams,
  ConsentTextBody,
  OrganizationParams,
  PublicRequestBody,
  ReplyBody,
  SlugParams,
  TokenParams,
} from './intake.schemas.ts';
import { contentSecurityPolicy } from '../../http/security.ts';
import { WEB_DIST } from '../../lib/paths.ts';
import * as intake from './intake.service.ts';

/** Per-IP limits. A parent meeting on the school's Wi-Fi shares one address, so they are not tight. */
export const LIMITS = {
  form: { max: 120, timeWindow: '1 minute' },
  challenge: { max: 30, timeWindow: '1 minute' },
  submit: { max: 20, timeWindow: '15 minutes' },
  status: { max: 120, timeWindow: '1 minute' },
  reply: { max: 30, timeWindow: '15 minutes' },
} as const;

/** The app's policy, except that any site may frame the page (the school's own site embeds the form). */
const EMBEDDABLE = { contentSecurityPolicy: contentSecurityPolicy(['*']), frameguard: false } as const;

export async function intakeRoutes(app: App, { deps }: RouteOptions): Promise<void> {
  await registerMultipart(app);
  const tags = ['public'];

  app.get('/api/public/schools/:slug/form', { schema: { tags, params: SlugParams }, config: { rateLimit: LIMITS.form } }, async (request) =>
    intake.formInfo(deps, contextOf(request), request.params.slug),
  );

  app.post(
    '/api/public/schools/:slug/challenge',
    { schema: { tags, params: SlugParams }, config: { rateLimit: LIMITS.challenge } },
    async (request) => {
      const issued = await intake.newChallenge(deps, request.params.slug);
      return { challenge: issued.challenge, difficulty: issued.difficulty, expiresAt: issued.expiresAt };
    },
  );

  app.post(
    '/api/public/schools/:slug/requests',
    {
      schema: { tags, params: SlugParams, body: PublicRequestBody },
      config: { rateLimit: LIMITS.submit },
      preValidation: parseMultipartBody,
    },
    async (request, reply) => {
      const result = await intake.submit(deps, contextOf(request), request.params.slug, request.body, uploadedFiles(request));
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/public/status/:token',
    { schema: { tags, params: TokenParams }, config: { rateLimit: LIMITS.status } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return intake.statusView(deps, contextOf(request), request.params.token);
    },
  );

  app.post(
    '/api/public/status/:token/messages',
    { schema: { tags, params: TokenParams, body: ReplyBody }, config: { rateLimit: LIMITS.reply }, preValidation: parseMultipartBody },
    async (request, reply) =>
      reply.status(201).send(await intake.reply(deps, contextOf(request), request.params.token, request.body, uploadedFiles(request))),
  );

  app.post(
    '/api/public/status/:token/actions',
    { schema: { tags, params: TokenParams, body: ActionBody }, config: { rateLimit: LIMITS.reply } },
    async (request) => intake.action(deps, contextOf(request), request.params.token, request.body),
  );

  app.get(
    '/api/public/status/:token/attachments/:attachmentId',
    { schema: { tags, params: AttachmentParams }, config: { rateLimit: LIMITS.status } },
    async (request, reply) =>
      sendAttachment(reply, await intake.attachment(deps, contextOf(request), request.params.token, request.params.attachmentId)),
  );

  app.get('/api/organizations/:id/intake/consent', { schema: { tags: ['settings'], params: OrganizationParams } }, async (request) =>
    intake.getConsentSettings(deps, contextOf(request), request.params.id),
  );
  app.put(
    '/api/organizations/:id/intake/consent',
    { schema: { tags: ['settings'], params: OrganizationParams, body: ConsentTextBody } },
    async (request) => intake.updateConsentText(deps, contextOf(request), request.params.id, request.body.text),
  );

  // The pages themselves (the single-page app's index.html) with their own headers.
  const indexHtml = path.join(WEB_DIST, 'index.html');
  const page = (headers: Record<string, string>) => async (_request: unknown, reply: FastifyReply) => {
    if (!fs.existsSync(indexHtml)) return reply.callNotFound();
    return reply
      .headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', ...headers })
      .send(fs.createReadStream(indexHtml));
  };
  app.get('/s/*', { schema: { hide: true }, helmet: EMBEDDABLE }, page({}));
  app.get('/status/*', { schema: { hide: true } }, page({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' }));
}
