import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LINK_KINDS } from '../../../common/requests.ts';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { addLink, removeLink } from './links.service.ts';

const Id = z.string().min(1).max(64);
export const ZLink = z.object({ otherId: Id, kind: z.enum(LINK_KINDS) });

/** Links between requests (parent / child, duplicate, related), kept in both directions. */
export async function linkRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const config = { action: 'request.update', resource: 'request' };
  app.post(
    '/api/requests/:id/links',
    { config, schema: { ...doc('requests', 'Lier à une autre demande'), params: ZIdParam, body: ZLink } },
    async (request, reply) =>
      reply.status(201).send(await addLink(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/requests/:id/links/:linkId',
    {
      config,
      schema: { ...doc('requests', 'Supprimer un lien (dans les deux sens)'), params: z.object({ id: Id, linkId: Id }) },
    },
    async (request, reply) => {
      await removeLink(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.params.linkId);
      return noContent(reply);
    },
  );
}
