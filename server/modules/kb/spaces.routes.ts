import type { FastifyInstance } from 'fastify';
import { can } from '../../platform/authz.ts';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { processArticles, reviewDue, suggestArticles } from './articles.read.ts';
import { ZEmpty, ZSpaceInput, ZSpacePatch, ZSuggestQuery } from './kb.schemas.ts';
import { copyTemplate, createSpace, deleteSpace, listSpaces, listTemplates, updateSpace } from './spaces.service.ts';

const KB = '/api/kb';

/** Knowledge-base spaces, provider templates, and the read-outs for the portal and the request view. */
export async function kbSpaceRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const one = { params: ZIdParam };
  const tag = (summary: string) => doc('kb', summary);
  const space = (action: string) => ({ action, resource: 'kbspace' });
  app.get(
    `${KB}/spaces`,
    { config: { action: 'kb.read' }, schema: tag('Espaces de la base de connaissances') },
    async (request) => listSpaces(ctxOf(deps, request), scopeOfRequest(request)),
  );
  app.post(
    `${KB}/spaces`,
    { config: { action: 'kb.space.manage' }, schema: { ...tag('Créer un espace'), body: ZSpaceInput } },
    async (request, reply) =>
      reply.status(201).send(await createSpace(ctxOf(deps, request), scopeOfRequest(request), request.body)),
  );
  app.patch(
    `${KB}/spaces/:id`,
    { config: space('kb.space.manage'), schema: { ...tag('Modifier un espace (version requise)'), ...one, body: ZSpacePatch } },
    async (request) => updateSpace(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body),
  );
  app.delete(
    `${KB}/spaces/:id`,
    { config: space('kb.space.manage'), schema: { ...tag('Supprimer un espace vide'), ...one } },
    async (request, reply) => {
      await deleteSpace(ctxOf(deps, request), scopeOfRequest(request), request.params.id);
      return noContent(reply);
    },
  );
  app.get(`${KB}/templates`, { config: { action: 'kb.read' }, schema: tag('Espaces modèles du fournisseur') }, async () =>
    listTemplates(deps.database.db),
  );
  app.post(
    `${KB}/templates/:id/copy`,
    {
      config: { action: 'kb.space.manage' },
      schema: { ...tag('Copier un espace modèle (articles en brouillon)'), ...one, body: ZEmpty },
    },
    async (request, reply) =>
      reply.status(201).send(await copyTemplate(ctxOf(deps, request), scopeOfRequest(request), request.params.id)),
  );
  app.get(
    `${KB}/suggest`,
    { config: { action: 'kb.read' }, schema: { ...tag('Articles suggérés pendant la saisie'), querystring: ZSuggestQuery } },
    async (request) => suggestArticles(ctxOf(deps, request), scopeOfRequest(request), request.query.q, request.query.serviceId),
  );
  app.get(
    `${KB}/services/:id/process`,
    {
      config: { action: 'kb.read', resource: 'service' },
      schema: { ...tag('Comment traiter une demande de ce service'), ...one },
    },
    async (request) => processArticles(ctxOf(deps, request), scopeOfRequest(request), request.params.id),
  );
  app.get(`${KB}/review-due`, { config: { action: 'kb.read' }, schema: tag('Articles à relire') }, async (request) =>
    reviewDue(ctxOf(deps, request), scopeOfRequest(request), can(actorOf(request), 'kb.review')),
  );
}
