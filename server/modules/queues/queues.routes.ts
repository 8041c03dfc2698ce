import type { FastifyInstance } from 'fastify';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { bulkUpdate } from './bulk.service.ts';
import { ZBulk, ZViewInput, ZViewPatch } from './queues.schemas.ts';
import { createView, deleteView, getView, listViews, updateView, viewCounts } from './views.service.ts';

/** Queues: saved views with live counts (built-in, shared, personal) and bulk actions on requests. */
export async function queueRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const one = { params: ZIdParam };
  const tag = (summary: string) => doc('queues', summary);
  const r = (action: string) => ({ action, resource: 'view' });
  const ctx = (request: Parameters<typeof ctxOf>[1]) => [ctxOf(deps, request), scopeOfRequest(request)] as const;
  app.get(
    '/api/views',
    { config: { action: 'view.read' }, schema: tag('Files : vues prédéfinies, partagées, personnelles, avec leurs compteurs') },
    async (request) => ({
      items: await listViews(...ctx(request)),
    }),
  );
  app.get(
    '/api/views/counts',
    { config: { action: 'view.read' }, schema: tag('Compteurs des files { id: nombre }') },
    async (request) => viewCounts(...ctx(request)),
  );
  app.post(
    '/api/views',
    { config: { action: 'view.create' }, schema: { ...tag('Enregistrer une vue'), body: ZViewInput } },
    async (request, reply) => reply.status(201).send(await createView(...ctx(request), request.body)),
  );
  app.get('/api/views/:id', { config: r('view.read'), schema: { ...tag('Une vue et son compteur'), ...one } }, async (request) =>
    getView(...ctx(request), request.params.id),
  );
  app.patch(
    '/api/views/:id',
    { config: r('view.update'), schema: { ...tag('Modifier une vue (version requise)'), ...one, body: ZViewPatch } },
    async (request) => updateView(...ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/views/:id',
    { config: r('view.delete'), schema: { ...tag('Supprimer une vue'), ...one } },
    async (request, reply) => {
      await deleteView(...ctx(request), request.params.id);
      return noContent(reply);
    },
  );
  app.post(
    '/api/requests/bulk',
    {
      config: { action: 'request.bulk' },
      schema: { ...doc('requests', 'Action groupée (200 demandes au plus, chacune vérifiée)'), body: ZBulk },
    },
    async (request) => bulkUpdate(...ctx(request), request.body),
  );
}
