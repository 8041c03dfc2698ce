import type { FastifyInstance } from 'fastify';
import { registerCrud, ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { ZClosureInput, ZClosureParams, ZSiteInput, ZSitePatch, ZYearQuery } from './org.schemas.ts';
import {
  addClosure,
  createSite,
  deleteSite,
  getSite,
  listClosures,
  listSites,
  removeClosure,
  siteCalendar,
  updateSite,
} from './sites.service.ts';

/** Sites: address, IANA time zone, holiday region, weekly business hours and custom closures. */
export async function siteRoutes(fastify: FastifyInstance, deps: Deps) {
  registerCrud(fastify, deps, {
    path: '/api/sites',
    resource: 'site',
    tag: 'sites',
    summaries: ['Sites de l’organisation', 'Créer un site', 'Un site', 'Modifier un site (version requise)', 'Supprimer un site'],
    create: ZSiteInput,
    patch: ZSitePatch,
    service: { list: listSites, get: getSite, create: createSite, update: updateSite, remove: deleteSite },
  });
  const app = zapp(fastify);
  const ctx = (r: Parameters<typeof ctxOf>[1]) => ctxOf(deps, r);
  app.get(
    '/api/sites/:id/closures',
    {
      config: { action: 'site.read', resource: 'site' },
      schema: { ...doc('sites', 'Fermetures exceptionnelles'), params: ZIdParam },
    },
    async (request) => ({
      items: await listClosures(ctx(request), scopeOfRequest(request), request.params.id),
    }),
  );
  app.post(
    '/api/sites/:id/closures',
    {
      config: { action: 'site.closures.write', resource: 'site' },
      schema: { ...doc('sites', 'Ajouter une fermeture'), params: ZIdParam, body: ZClosureInput },
    },
    async (request, reply) =>
      reply.status(201).send(await addClosure(ctx(request), scopeOfRequest(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/sites/:id/closures/:closureId',
    {
      config: { action: 'site.closures.write', resource: 'site' },
      schema: { ...doc('sites', 'Retirer une fermeture'), params: ZClosureParams },
    },
    async (request, reply) => {
      await removeClosure(ctx(request), scopeOfRequest(request), request.params.id, request.params.closureId);
      return noContent(reply);
    },
  );
  app.get(
    '/api/sites/:id/calendar',
    {
      config: { action: 'site.read', resource: 'site' },
      schema: { ...doc('sites', 'Jours fériés et fermetures de l’année'), params: ZIdParam, querystring: ZYearQuery },
    },
    async (request) =>
      siteCalendar(ctx(request), scopeOfRequest(request), request.params.id, request.query.year ?? new Date().getFullYear()),
  );
}
