import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { sendStoredFile } from '../requests/sniff.ts';
import type { UploadPart } from '../requests/upload-receive.ts';
import { attachFromArchive, saveAttachmentToArchive } from './archive-bridge.ts';
import { uploadDocument, uploadVersion } from './archive-upload.ts';
import { ZDocumentPatch, ZDocumentSearch, ZDownloadQuery, ZFromArchive, ZFromAttachment } from './archive.schemas.ts';
import { getDocument, searchDocuments } from './documents.read.ts';
import { deleteDocument, openVersion, updateDocument } from './documents.service.ts';
import { folderRoutes } from './folders.routes.ts';

const tag = (summary: string) => doc('archive', summary);
const one = { params: ZIdParam };
const onDoc = (action: string) => ({ action, resource: 'archivedoc' });

/** Reads a multipart body through `run`; a refused upload closes the connection (the rest is unread). */
async function multipartUpload<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  run: (parts: AsyncIterable<UploadPart>) => Promise<T>,
) {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'attachment_not_multipart');
  const out = await run(request.parts() as AsyncIterable<UploadPart>).catch((err) => {
    reply.header('connection', 'close');
    throw err;
  });
  return reply.status(201).send(out);
}

/**
 * The shared document archive (PRODUCT §2): folders with permissions, documents with versions, uploads
 * checked like request attachments (DESIGN rule 9), audited downloads, search, and the bridge with
 * request attachments. Multipart is registered in this plugin only (one file per upload).
 */
export async function archiveRoutes(fastify: FastifyInstance, deps: Deps) {
  const max = deps.config.maxUploadBytes;
  await fastify.register(multipart, { limits: { fileSize: max, files: 1, fields: 10, fieldSize: 4096 } });
  const app = zapp(fastify);
  await folderRoutes(app, deps);
  const upload = { consumes: ['multipart/form-data'] };
  app.post(
    '/api/archive/folders/:id/documents',
    {
      config: { action: 'archive.upload', resource: 'archivefolder' },
      schema: {
        ...tag('Déposer un document (multipart\u00a0: file, name, type, retention, description, tags)'),
        ...one,
        ...upload,
      },
    },
    (request, reply) =>
      multipartUpload(request, reply, (parts) =>
        uploadDocument(ctxOf(deps, request), scopeOfRequest(request), deps.storage, request.params.id, parts, max),
      ),
  );
  app.post(
    '/api/archive/documents/:id/versions',
    {
      config: onDoc('archive.upload'),
      schema: { ...tag('Déposer une nouvelle version (multipart\u00a0: file)'), ...one, ...upload },
    },
    (request, reply) =>
      multipartUpload(request, reply, (parts) =>
        uploadVersion(ctxOf(deps, request), scopeOfRequest(request), deps.storage, request.params.id, parts, max),
      ),
  );
  app.get(
    '/api/archive/documents',
    {
      config: { action: 'archive.read' },
      schema: { ...tag('Rechercher des documents (nom, métadonnées)'), querystring: ZDocumentSearch },
    },
    async (request) => searchDocuments(ctxOf(deps, request), scopeOfRequest(request), request.query),
  );
  app.post(
    '/api/archive/documents/from-attachment',
    {
      config: { action: 'archive.upload' },
      schema: { ...tag('Enregistrer une pièce jointe de demande dans les archives'), body: ZFromAttachment },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await saveAttachmentToArchive(ctxOf(deps, request), scopeOfRequest(request), deps.storage, request.body)),
  );
  app.get(
    '/api/archive/documents/:id',
    { config: onDoc('archive.read'), schema: { ...tag('Un document et ses versions'), ...one } },
    (request) => getDocument(ctxOf(deps, request), scopeOfRequest(request), request.params.id),
  );
  app.patch(
    '/api/archive/documents/:id',
    {
      config: onDoc('archive.update'),
      schema: { ...tag('Modifier ou déplacer un document (version requise)'), ...one, body: ZDocumentPatch },
    },
    (request) => updateDocument(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body),
  );
  app.delete(
    '/api/archive/documents/:id',
    { config: onDoc('archive.delete'), schema: { ...tag('Supprimer un document et ses fichiers'), ...one } },
    async (request, reply) => {
      await deleteDocument(ctxOf(deps, request), scopeOfRequest(request), deps.storage, request.params.id);
      return noContent(reply);
    },
  );
  app.get(
    '/api/archive/documents/:id/download',
    {
      config: onDoc('archive.read'),
      schema: { ...tag('Télécharger une version (toujours en fichier, journalisé)'), ...one, querystring: ZDownloadQuery },
    },
    async (request, reply) => {
      const ctx = ctxOf(deps, request);
      const { version, body } = await openVersion(
        ctx,
        scopeOfRequest(request),
        deps.storage,
        request.params.id,
        request.query.version,
      );
      return sendStoredFile(reply, version, body);
    },
  );
  app.post(
    '/api/requests/:id/attachments/from-archive',
    {
      config: { action: 'request.comment', resource: 'request' },
      schema: { ...doc('requests', 'Joindre un document des archives à la demande'), ...one, body: ZFromArchive },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await attachFromArchive(ctxOf(deps, request), scopeOfRequest(request), deps.storage, request.params.id, request.body),
        ),
  );
}
