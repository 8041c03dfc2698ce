import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { addCleared, addWatcher, removeCleared, removeWatcher } from './watchers.service.ts';

const Id = z.string().min(1).max(64);
const ZUser = z.object({ userId: Id });
const ZUserParams = z.object({ id: Id, userId: Id });

type Ctx = ReturnType<typeof ctxOf>;
type Scope = ReturnType<typeof scopeOfRequest>;

/** A list of people on a request: add one (201 with the result), remove one (204), under one action. */
interface PersonList {
  path: string;
  action: string;
  summaries: [add: string, remove: string];
  add: (ctx: Ctx, scope: Scope, requestId: string, userId: string) => Promise<unknown>;
  remove: (ctx: Ctx, scope: Scope, requestId: string, userId: string) => Promise<unknown>;
}

function personListRoutes(app: ReturnType<typeof zapp>, deps: Deps, list: PersonList) {
  const config = { action: list.action, resource: 'request' };
  app.post(
    `/api/requests/:id/${list.path}`,
    { config, schema: { ...doc('requests', list.summaries[0]), params: ZIdParam, body: ZUser } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await list.add(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body.userId)),
  );
  app.delete(
    `/api/requests/:id/${list.path}/:userId`,
    { config, schema: { ...doc('requests', list.summaries[1]), params: ZUserParams } },
    async (request, reply) => {
      await list.remove(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.params.userId);
      return noContent(reply);
    },
  );
}

/** Who follows a request (watchers) and which staff may work a confidential one (cleared). */
export async function watcherRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  personListRoutes(app, deps, {
    path: 'watchers',
    action: 'request.watch',
    summaries: ['Suivre une demande (soi-même, ou un membre pour l’équipe)', 'Ne plus suivre une demande'],
    add: addWatcher,
    remove: removeWatcher,
  });
  personListRoutes(app, deps, {
    path: 'cleared',
    action: 'request.clear',
    summaries: ['Habiliter un membre de l’équipe (demande confidentielle)', 'Retirer une habilitation'],
    add: addCleared,
    remove: removeCleared,
  });
}
