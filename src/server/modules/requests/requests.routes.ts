/**
 * HTTP routes of the request engine. Thin: validated input + actor → one service call.
 * Workspace (/api/requests…), the requester's own requests (/api/my/requests…), desk settings and
 * categories (/api/organizations/:id/request-…) and in-app notifications (/api/notifications…).
 * Message routes accept JSON or multipart (text fields, or a JSON `data` field, plus files).
 */
import { sendAttachment } from '../../http/attachment-reply.ts';
import { contextOf } from '../../http/auth.ts';
import { IdParams } from '../../http/common.schemas.ts';
import type { App, RouteOptions } from '../../http/types.ts';
import * as desk from './desk.service.ts';
import { parseMultipartBody, registerMultipart, uploadedFiles } from './multipart.ts';
import * as notifications from './notifications.service.ts';
import * as queries from './request-queries.service.ts';
import { rescheduleOpenRequests } from './request-deadlines.ts';
import * as service from './requests.service.ts';
import {
  AssignmentBody,
  AttachmentParams,
  CategoryListQuery,
  CategoryParams,
  CategoryPatchBody,
  ClassificationBody,
  DeskPatchBody,
  IntakeBody,
  LegalExtensionBody,
  MessageBody,
  NewCategoryBody,
  NotificationQuery,
  OrgQuery,
  OwnRequestBody,
  PageQuery,
  QueueQuery,
  RequesterSearchQuery,
  RequesterTransitionBody,
  TransitionBody,
} from './requests.schemas.ts';

const tags = ['requests'];
const withFiles = { preValidation: parseMultipartBody };

async function workspaceRoutes(app: App, { deps }: RouteOptions): Promise<void> {
  app.get('/api/requests', { schema: { tags, querystring: QueueQuery } }, async (request) =>
    queries.listQueue(deps, contextOf(request), request.query),
  );
  app.get('/api/requests/counts', { schema: { tags, querystring: OrgQuery } }, async (request) =>
    queries.queueCounts(deps, contextOf(request), request.query.organizationId),
  );
  app.get('/api/requests/assignees', { schema: { tags, querystring: OrgQuery } }, async (request) =>
    queries.listAssignees(deps, contextOf(request), request.query.organizationId),
  );
  app.get('/api/requests/requesters', { schema: { tags, querystring: RequesterSearchQuery } }, async (request) =>
    queries.findRequesters(deps, contextOf(request), request.query.q, request.query.organizationId),
  );
  app.post('/api/requests', { schema: { tags, body: OwnRequestBody }, ...withFiles }, async (request, reply) =>
    reply.status(201).send(await service.createOwnRequest(deps, contextOf(request), request.body, uploadedFiles(request))),
  );
  app.post('/api/requests/intake', { schema: { tags, body: IntakeBody }, ...withFiles }, async (request, reply) => {
    const { receivedAt, ...body } = request.body;
    const input = { ...body, ...(receivedAt ? { receivedAt: new Date(receivedAt) } : {}) };
    return reply.status(201).send(await service.createIntakeRequest(deps, contextOf(request), input, uploadedFiles(request)));
  });
  app.get('/api/requests/:id', { schema: { tags, params: IdParams } }, async (request) =>
    queries.getRequestDetail(deps, contextOf(request), request.params.id),
  );
  app.patch('/api/requests/:id', { schema: { tags, params: IdParams, body: ClassificationBody } }, async (request) =>
    service.updateClassification(deps, contextOf(request), request.params.id, request.body),
  );
  app.put('/api/requests/:id/assignment', { schema: { tags, params: IdParams, body: AssignmentBody } }, async (request) =>
    service.assignRequest(deps, contextOf(request), request.params.id, request.body.assigneeId),
  );
  app.post('/api/requests/:id/transitions', { schema: { tags, params: IdParams, body: TransitionBody }, ...withFiles }, async (request) =>
    service.changeStatus(deps, contextOf(request), request.params.id, request.body, uploadedFiles(request)),
  );
  app.post('/api/requests/:id/legal-extension', { schema: { tags, params: IdParams, body: LegalExtensionBody } }, async (request) =>
    service.extendRequestLegalTerm(deps, contextOf(request), request.params.id, request.body.reason),
  );
  app.post('/api/requests/:id/replies', { schema: { tags, params: IdParams, body: MessageBody }, ...withFiles }, async (request, reply) =>
    reply.status(201).send(await service.replyToRequest(deps, contextOf(request), request.params.id, request.body, uploadedFiles(request))),
  );
  app.post('/api/requests/:id/notes', { schema: { tags, params: IdParams, body: MessageBody }, ...withFiles }, async (request, reply) =>
    reply
      .status(201)
      .send(await service.addInternalNote(deps, contextOf(request), request.params.id, request.body, uploadedFiles(request))),
  );
  app.get('/api/requests/:id/attachments/:attachmentId', { schema: { tags, params: AttachmentParams } }, async (request, reply) =>
    sendAttachment(reply, await queries.getDeskAttachment(deps, contextOf(request), request.params.id, request.params.attachmentId)),
  );
}

async function myRoutes(app: App, { deps }: RouteOptions): Promise<void> {
  const mine = (id: string) => ({ kind: 'user' as const, requestId: id });
  app.get('/api/my/requests', { schema: { tags, querystring: PageQuery } }, async (request) =>
    queries.listMyRequests(deps, contextOf(request), request.query),
  );
  app.get('/api/my/requests/:id', { schema: { tags, params: IdParams } }, async (request) =>
    queries.getMyRequest(deps, contextOf(request), request.params.id),
  );
  app.post(
    '/api/my/requests/:id/replies',
    { schema: { tags, params: IdParams, body: MessageBody }, ...withFiles },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addRequesterReply(deps, contextOf(request), mine(request.params.id), request.body, uploadedFiles(request))),
  );
  app.post(
    '/api/my/requests/:id/transitions',
    { schema: { tags, params: IdParams, body: RequesterTransitionBody }, ...withFiles },
    async (request) => service.requesterAction(deps, contextOf(request), mine(request.params.id), request.body, uploadedFiles(request)),
  );
  app.get('/api/my/requests/:id/attachments/:attachmentId', { schema: { tags, params: AttachmentParams } }, async (request, reply) =>
    sendAttachment(
      reply,
      await service.getRequesterAttachment(deps, contextOf(request), mine(request.params.id), request.params.attachmentId),
    ),
  );
}

async function deskRoutes(app: App, { deps }: RouteOptions): Promise<void> {
  const settingsTags = ['request settings'];
  app.get('/api/organizations/:id/request-desk', { schema: { tags: settingsTags, params: IdParams } }, async (request) =>
    desk.getDeskSettings(deps, contextOf(request), request.params.id),
  );
  app.patch(
    '/api/organizations/:id/request-desk',
    { schema: { tags: settingsTags, params: IdParams, body: DeskPatchBody } },
    async (request) =>
      desk.updateDeskSettings(deps, contextOf(request), request.params.id, request.body, (tx, policy) =>
        rescheduleOpenRequests(tx, policy, deps.clock.now()),
      ),
  );
  app.get(
    '/api/organizations/:id/request-categories',
    { schema: { tags: settingsTags, params: IdParams, querystring: CategoryListQuery } },
    async (request) => desk.listCategories(deps, contextOf(request), request.params.id, request.query.includeInactive ?? false),
  );
  app.post(
    '/api/organizations/:id/request-categories',
    { schema: { tags: settingsTags, params: IdParams, body: NewCategoryBody } },
    async (request, reply) => reply.status(201).send(await desk.createCategory(deps, contextOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/organizations/:id/request-categories/:categoryId',
    { schema: { tags: settingsTags, params: CategoryParams, body: CategoryPatchBody } },
    async (request) => desk.updateCategory(deps, contextOf(request), request.params.id, request.params.categoryId, request.body),
  );
}

async function notificationRoutes(app: App, { deps }: RouteOptions): Promise<void> {
  const notificationTags = ['notifications'];
  app.get('/api/notifications', { schema: { tags: notificationTags, querystring: NotificationQuery } }, async (request) =>
    notifications.listMyNotifications(deps, contextOf(request), request.query),
  );
  app.get('/api/notifications/unread-count', { schema: { tags: notificationTags } }, async (request) =>
    notifications.unreadCount(deps, contextOf(request)),
  );
  app.post('/api/notifications/read-all', { schema: { tags: notificationTags } }, async (request) =>
    notifications.markAllNotificationsRead(deps, contextOf(request)),
  );
  app.post('/api/notifications/:id/read', { schema: { tags: notificationTags, params: IdParams } }, async (request) =>
    notifications.markNotificationRead(deps, contextOf(request), request.params.id),
  );
}

/** Every route of the request engine, in one plugin (multipart is registered inside its scope). */
export async function requestRoutes(app: App, options: RouteOptions): Promise<void> {
  await registerMultipart(app);
  await workspaceRoutes(app, options);
  await myRoutes(app, options);
  await deskRoutes(app, options);
  await notificationRoutes(app, options);
}
