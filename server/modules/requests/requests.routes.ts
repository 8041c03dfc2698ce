import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { addComment, cancelRequest, decideApproval, reopenRequest } from './request-actions.ts';
import { createRequest } from './request-create.ts';
import { listRequests } from './request-list.ts';
import { updateRequest } from './request-update.ts';
import { ZComment, ZCreateRequest, ZListQuery, ZPatchRequest } from './requests.schemas.ts';
import { getRequest } from './requests.service.ts';

const ZReason = z.object({ reason: z.string().trim().max(2000).optional() });
const ZDecision = z.object({ approve: z.boolean(), comment: z.string().trim().max(2000).optional() });

/** Requests: create, list (filters, sort, keyset, full-text), read with timeline, update, reply, workflow actions. */
export async function requestRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const one = { params: ZIdParam };
  const r = (action: string) => ({ action, resource: 'request' });
  app.get(
    '/api/requests',
    {
      config: { action: 'request.list' },
      schema: {
        ...doc('requests', 'Demandes visibles (filtres, tri, pagination par curseur, recherche)'),
        querystring: ZListQuery,
      },
    },
    async (request) => listRequests(ctxOf(deps, request), scopeOfRequest(request), request.query),
  );
  app.post(
    '/api/requests',
    { config: { action: 'request.create' }, schema: { ...doc('requests', 'Créer une demande'), body: ZCreateRequest } },
    async (request, reply) =>
      reply.status(201).send(await createRequest(ctxOf(deps, request), scopeOfRequest(request), request.body)),
  );
  app.get(
    '/api/requests/:id',
    { config: r('request.read'), schema: { ...doc('requests', 'Une demande et sa chronologie'), ...one } },
    async (request) => getRequest(ctxOf(deps, request), scopeOfRequest(request), request.params.id),
  );
  app.patch(
    '/api/requests/:id',
    {
      config: r('request.update'),
      schema: { ...doc('requests', 'Modifier une demande (version requise)'), ...one, body: ZPatchRequest },
    },
    async (request) => updateRequest(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body),
  );
  app.post(
    '/api/requests/:id/comments',
    {
      config: r('request.comment'),
      schema: { ...doc('requests', 'Répondre ou ajouter une note interne'), ...one, body: ZComment },
    },
    async (request, reply) =>
      reply.status(201).send(await addComment(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body)),
  );
  app.post(
    '/api/requests/:id/cancel',
    { config: r('request.cancel'), schema: { ...doc('requests', 'Annuler une demande'), ...one, body: ZReason } },
    async (request) => cancelRequest(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/requests/:id/reopen',
    {
      config: r('request.reopen'),
      schema: { ...doc('requests', 'Rouvrir une demande résolue (dans le délai)'), ...one, body: ZReason },
    },
    async (request) => reopenRequest(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/requests/:id/approval',
    { config: r('request.approve'), schema: { ...doc('requests', 'Valider ou refuser une demande'), ...one, body: ZDecision } },
    async (request) =>
      decideApproval(
        ctxOf(deps, request),
        scopeOfRequest(request),
        request.params.id,
        request.body.approve,
        request.body.comment,
      ),
  );
}
