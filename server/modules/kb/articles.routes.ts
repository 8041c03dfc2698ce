import type { FastifyInstance } from 'fastify';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { getArticle, listArticles } from './articles.read.ts';
import { createArticle, deleteArticle, updateArticle } from './articles.service.ts';
import { viewArticle, voteArticle } from './engagement.service.ts';
import { articleFromRequest } from './from-request.ts';
import {
  ZArticleInput,
  ZArticlePatch,
  ZArticleQuery,
  ZDiffQuery,
  ZEmpty,
  ZFromRequest,
  ZRestore,
  ZTransition,
  ZVote,
} from './kb.schemas.ts';
import { diffRevisions, listRevisions, restoreRevision, transitionArticle } from './lifecycle.service.ts';

const PATH = '/api/kb/articles';

/** Knowledge-base articles: list and search, CRUD with revisions, lifecycle, diff and restore, votes and views. */
export async function kbArticleRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const one = { params: ZIdParam };
  const tag = (summary: string) => doc('kb', summary);
  const r = (action: string) => ({ action, resource: 'kbarticle' });
  const c = ctxOf;
  const s = scopeOfRequest;
  app.get(
    PATH,
    { config: { action: 'kb.read' }, schema: { ...tag('Articles visibles (filtres, recherche)'), querystring: ZArticleQuery } },
    async (request) => listArticles(c(deps, request), s(request), request.query),
  );
  app.post(
    PATH,
    { config: { action: 'kb.create' }, schema: { ...tag('Créer un article (brouillon)'), body: ZArticleInput } },
    async (request, reply) => reply.status(201).send(await createArticle(c(deps, request), s(request), request.body)),
  );
  app.post(
    `${PATH}/from-request`,
    { config: { action: 'kb.create' }, schema: { ...tag('Brouillon de FAQ depuis une demande résolue'), body: ZFromRequest } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await articleFromRequest(c(deps, request), s(request), request.body.requestId, request.body.spaceId)),
  );
  app.get(`${PATH}/:id`, { config: r('kb.read'), schema: { ...tag('Un article'), ...one } }, async (request) =>
    getArticle(c(deps, request), s(request), request.params.id),
  );
  app.patch(
    `${PATH}/:id`,
    { config: r('kb.update'), schema: { ...tag('Modifier un article (version requise)'), ...one, body: ZArticlePatch } },
    async (request) => updateArticle(c(deps, request), s(request), request.params.id, request.body),
  );
  app.delete(
    `${PATH}/:id`,
    { config: r('kb.delete'), schema: { ...tag('Supprimer un brouillon ou un article archivé'), ...one } },
    async (request, reply) => {
      await deleteArticle(c(deps, request), s(request), request.params.id);
      return noContent(reply);
    },
  );
  app.post(
    `${PATH}/:id/view`,
    { config: r('kb.view'), schema: { ...tag('Compter une consultation (une par heure)'), ...one, body: ZEmpty } },
    async (request, reply) => {
      await viewArticle(c(deps, request), s(request), request.params.id);
      return noContent(reply);
    },
  );
  app.post(
    `${PATH}/:id/vote`,
    { config: r('kb.vote'), schema: { ...tag('Cet article vous a-t-il aidé ?'), ...one, body: ZVote } },
    async (request) => voteArticle(c(deps, request), s(request), request.params.id, request.body.helpful),
  );
  app.post(
    `${PATH}/:id/transition`,
    {
      config: r('kb.update'),
      schema: { ...tag('Changer l’état (relecture, publication, archivage)'), ...one, body: ZTransition },
    },
    async (request) => transitionArticle(c(deps, request), s(request), request.params.id, request.body.to, request.body.version),
  );
  app.get(`${PATH}/:id/revisions`, { config: r('kb.history'), schema: { ...tag('Versions'), ...one } }, async (request) =>
    listRevisions(c(deps, request), s(request), request.params.id),
  );
  app.get(
    `${PATH}/:id/diff`,
    { config: r('kb.history'), schema: { ...tag('Différences entre deux versions'), ...one, querystring: ZDiffQuery } },
    async (request) => diffRevisions(c(deps, request), s(request), request.params.id, request.query.from, request.query.to),
  );
  app.post(
    `${PATH}/:id/restore`,
    { config: r('kb.update'), schema: { ...tag('Restaurer une version'), ...one, body: ZRestore } },
    async (request) =>
      restoreRevision(c(deps, request), s(request), request.params.id, request.body.revision, request.body.version),
  );
}
