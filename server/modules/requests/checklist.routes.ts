import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { addChecklistItem, removeChecklistItem, setChecklistItemDone } from './checklists.ts';

const Id = z.string().min(1).max(64);
const ZItemParams = z.object({ id: Id, itemId: Id });
const ZNewItem = z.object({ label: z.string().trim().min(1).max(200) });
const ZItemPatch = z.object({ done: z.boolean() });

/** A request's checklist, worked by the staff: add, tick or untick, remove (each on the staff timeline). */
export async function checklistRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const config = { action: 'request.update', resource: 'request' };
  app.post(
    '/api/requests/:id/checklist',
    {
      config,
      schema: { ...doc('requests', 'Ajouter un élément à la liste de contrôle'), params: z.object({ id: Id }), body: ZNewItem },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addChecklistItem(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body.label)),
  );
  app.patch(
    '/api/requests/:id/checklist/:itemId',
    { config, schema: { ...doc('requests', 'Cocher ou décocher un élément'), params: ZItemParams, body: ZItemPatch } },
    async (request) =>
      setChecklistItemDone(
        ctxOf(deps, request),
        scopeOfRequest(request),
        request.params.id,
        request.params.itemId,
        request.body.done,
      ),
  );
  app.delete(
    '/api/requests/:id/checklist/:itemId',
    { config, schema: { ...doc('requests', 'Retirer un élément de la liste de contrôle'), params: ZItemParams } },
    async (request, reply) => {
      await removeChecklistItem(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.params.itemId);
      return noContent(reply);
    },
  );
}
