import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { deleteAttachment, openAttachment, uploadAttachments } from './attachments.service.ts';
import { sendStoredFile } from './sniff.ts';
import { stageUploads } from './staging.ts';

const Id = z.string().min(1).max(64);
const ZAttachmentParams = z.object({ id: Id, attachmentId: Id });

/**
 * Attachments of a request (DESIGN rule 9): multipart upload checked by content, download always as a
 * file (`attachment`, sniffed type, nosniff, sandbox CSP) so nothing uploaded ever runs in our origin.
 * Multipart is registered in this plugin only: the rest of the API keeps its 1 MiB JSON body limit.
 */
export async function attachmentRoutes(fastify: FastifyInstance, deps: Deps) {
  await fastify.register(multipart, {
    limits: { fileSize: deps.config.maxUploadBytes, files: 10, fields: 10, fieldSize: 1024 },
  });
  const app = zapp(fastify);
  const r = (action: string) => ({ action, resource: 'request' });
  app.post(
    '/api/requests/:id/attachments',
    {
      config: r('request.comment'),
      schema: {
        ...doc(
          'requests',
          'Joindre des fichiers (multipart/form-data\u00a0: parties file, champ internal=true pour une pièce interne)',
        ),
        params: ZIdParam,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'attachment_not_multipart');
      const [ctx, scope, { id }] = [ctxOf(deps, request), scopeOfRequest(request), request.params];
      const upload = uploadAttachments(ctx, scope, deps.storage, id, request.parts(), deps.config.maxUploadBytes);
      // A refused upload stops reading mid-body: close the connection, as Fastify does when a body parser fails.
      const out = await upload.catch((err) => {
        reply.header('connection', 'close');
        throw err;
      });
      return reply.status(201).send(out);
    },
  );
  app.post(
    '/api/uploads',
    {
      config: { action: 'request.create' },
      schema: {
        ...doc('requests', 'Déposer des fichiers pour une demande en cours de rédaction (réponses de type fichier)'),
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'attachment_not_multipart');
      const upload = stageUploads(
        ctxOf(deps, request),
        scopeOfRequest(request),
        deps.storage,
        request.parts(),
        deps.config.maxUploadBytes,
      );
      const out = await upload.catch((err) => {
        reply.header('connection', 'close');
        throw err;
      });
      return reply.status(201).send(out);
    },
  );
  app.get(
    '/api/requests/:id/attachments/:attachmentId',
    {
      config: r('request.read'),
      schema: { ...doc('requests', 'Télécharger une pièce jointe (toujours en fichier)'), params: ZAttachmentParams },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      const { attachment, body } = await openAttachment(
        ctxOf(deps, request),
        scopeOfRequest(request),
        deps.storage,
        id,
        attachmentId,
      );
      return sendStoredFile(reply, attachment, body);
    },
  );
  app.delete(
    '/api/requests/:id/attachments/:attachmentId',
    {
      config: r('request.comment'),
      schema: { ...doc('requests', 'Supprimer une pièce jointe (son auteur ou l’équipe)'), params: ZAttachmentParams },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      await deleteAttachment(ctxOf(deps, request), scopeOfRequest(request), deps.storage, id, attachmentId);
      return noContent(reply);
    },
  );
}
