import type { FastifyInstance } from 'fastify';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import {
  createAnnouncement,
  deleteAnnouncement,
  getAnnouncement,
  listAnnouncements,
  updateAnnouncement,
} from './announcements.service.ts';
import { deflectionStats, recordDeflection } from './deflection.service.ts';
import './portal.policy.ts';
import { portalHome } from './portal-home.service.ts';
import {
  ZAnnouncementInput,
  ZAnnouncementPatch,
  ZAnnouncementQuery,
  ZDeflectionEvent,
  ZDeflectionStatsQuery,
} from './portal.schemas.ts';

const PATH = '/api/announcements';

/** The coordinator's announcements (CRUD with version; members read the current ones of their site). */
async function announcementRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const one = { params: ZIdParam };
  const tag = (summary: string) => doc('portal', summary);
  const r = (action: string) => ({ action, resource: 'announcement' });
  app.get(
    PATH,
    {
      config: { action: 'announcement.read' },
      schema: { ...tag('Annonces (en cours pour mon site ; toutes pour le personnel)'), querystring: ZAnnouncementQuery },
    },
    async (request) => ({ items: await listAnnouncements(ctxOf(deps, request), scopeOfRequest(request), request.query) }),
  );
  app.post(
    PATH,
    { config: { action: 'announcement.create' }, schema: { ...tag('Publier une annonce'), body: ZAnnouncementInput } },
    async (request, reply) =>
      reply.status(201).send(await createAnnouncement(ctxOf(deps, request), scopeOfRequest(request), request.body)),
  );
  app.get(`${PATH}/:id`, { config: r('announcement.read'), schema: { ...tag('Une annonce'), ...one } }, async (request) =>
    getAnnouncement(ctxOf(deps, request), scopeOfRequest(request), request.params.id),
  );
  app.patch(
    `${PATH}/:id`,
    {
      config: r('announcement.update'),
      schema: { ...tag('Modifier une annonce (version requise)'), ...one, body: ZAnnouncementPatch },
    },
    async (request) => updateAnnouncement(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body),
  );
  app.delete(
    `${PATH}/:id`,
    { config: r('announcement.delete'), schema: { ...tag('Supprimer une annonce'), ...one } },
    async (request, reply) => {
      await deleteAnnouncement(ctxOf(deps, request), scopeOfRequest(request), request.params.id);
      return noContent(reply);
    },
  );
}

/** The requester portal: its home in one call, announcements, and the self-help (deflection) measurements. */
export async function portalRoutes(fastify: FastifyInstance, deps: Deps) {
  await announcementRoutes(fastify, deps);
  const app = zapp(fastify);
  const tag = (summary: string) => doc('portal', summary);
  app.get('/api/portal/home', { config: { action: 'portal.read' }, schema: tag('Accueil du portail') }, async (request) =>
    portalHome(ctxOf(deps, request), scopeOfRequest(request)),
  );
  app.post(
    '/api/portal/deflection',
    {
      config: { action: 'deflection.record' },
      schema: { ...tag('Enregistrer une étape d’auto-assistance (idempotent)'), body: ZDeflectionEvent },
    },
    async (request, reply) => {
      await recordDeflection(ctxOf(deps, request), scopeOfRequest(request), request.body);
      return noContent(reply);
    },
  );
  app.get(
    '/api/portal/deflection/stats',
    {
      config: { action: 'deflection.read' },
      schema: { ...tag('Taux d’évitement (auto-assistance)'), querystring: ZDeflectionStatsQuery },
    },
    async (request) => deflectionStats(ctxOf(deps, request), scopeOfRequest(request), request.query),
  );
}
