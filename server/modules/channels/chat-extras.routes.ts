import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { ctxOf, doc, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { sendStoredFile } from '../requests/sniff.ts';
import { setMuted } from './chat-extras.ts';
import { ZMute, ZToRequest } from './chat-extras.schemas.ts';
import { loadMessageFileSubject, openMessageFile, uploadChannelFile } from './message-files.ts';
import { messageToRequest } from './message-request.ts';

const one = { params: ZIdParam };
const tag = (summary: string) => doc('channels', summary);

registerLoader('message_file', loadMessageFileSubject);

/**
 * Chat extras (issue 5): files posted in channels, a message turned into a request, muting a channel.
 * Multipart is registered in this plugin only (one file per upload): the rest keeps its JSON body limit.
 */
export async function chatExtrasRoutes(fastify: FastifyInstance, deps: Deps) {
  await fastify.register(multipart, {
    limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 5, fieldSize: 1024 },
  });
  const app = zapp(fastify);
  app.post(
    '/api/channels/:id/attachments',
    {
      config: { action: 'channel.post', resource: 'channel' },
      schema: {
        ...tag('Déposer un fichier à joindre à un message (multipart, partie file)'),
        ...one,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'attachment_not_multipart');
      const [ctx, scope] = [ctxOf(deps, request), scopeOfRequest(request)];
      const upload = uploadChannelFile(ctx, scope, deps.storage, request.params.id, request.parts(), deps.config.maxUploadBytes);
      // A refused upload stops reading mid-body: close the connection, as Fastify does when a body parser fails.
      const out = await upload.catch((err) => {
        reply.header('connection', 'close');
        throw err;
      });
      return reply.status(201).send(out);
    },
  );
  app.get(
    '/api/message-attachments/:id',
    {
      config: { action: 'channel.read', resource: 'message_file' },
      schema: { ...tag('Télécharger un fichier d’un message'), ...one },
    },
    async (request, reply) => {
      const { file, body } = await openMessageFile(
        ctxOf(deps, request),
        scopeOfRequest(request),
        deps.storage,
        request.params.id,
      );
      return sendStoredFile(reply, file, body);
    },
  );
  app.post(
    '/api/messages/:id/request',
    {
      config: { action: 'message.to_request', resource: 'message' },
      schema: { ...tag('Transformer un message en demande'), ...one, body: ZToRequest },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await messageToRequest(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body)),
  );
  app.put(
    '/api/channels/:id/mute',
    {
      config: { action: 'channel.mute', resource: 'channel' },
      schema: { ...tag('Mettre un canal en sourdine'), ...one, body: ZMute },
    },
    async (request) => setMuted(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body.muted),
  );
}
