import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { addCleared, addWatcher, removeCleared, removeWatcher } from './watchers.service.ts';

const Id = z.string().min(1).max(64);
const ZUser = z.object({ userId: Id });
const ZUserParams = z.object({ id: Id, userId: Id });

/** Who follows a request (watchers) and which staff may work a confidential one (cleared). */
export async function watcherRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const r = (action: string) => ({ action, resource: 'request' });
  app.post(
    '/api/requests/:id/watchers',
    {
      config: r('request.watch'),
      schema: { ...doc('requests', 'Suivre une demande (soi-même, ou un membre pour l’équipe)'), params: ZIdParam, body: ZUser },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addWatcher(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body.userId)),
  );
  app.delete(
    '/api/requests/:id/watchers/:userId',
    { config: r('request.watch'), schema: { ...doc('requests', 'Ne plus suivre une demande'), params: ZUserParams } },
    async (request, reply) => {
      await removeWatcher(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.params.userId);
      return noContent(reply);
    },
  );
  app.post(
    '/api/requests/:id/cleared',
    {
      config: r('request.clear'),
      schema: { ...doc('requests', 'Habiliter un membre de l’équipe (demande confidentielle)'), params: ZIdParam, body: ZUser },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addCleared(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body.userId)),
  );
  app.delete(
    '/api/requests/:id/cleared/:userId',
    { config: r('request.clear'), schema: { ...doc('requests', 'Retirer une habilitation'), params: ZUserParams } },
    async (request, reply) => {
      await removeCleared(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.params.userId);
      return noContent(reply);
    },
  );
}
