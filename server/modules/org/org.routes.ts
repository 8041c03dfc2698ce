import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { getOrganization, overview, updateOrganization } from './organization.service.ts';
import { ZOrgPatch } from './org.schemas.ts';

/** The current organisation's settings and the overview shown on every home page. */
export async function orgRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  app.get(
    '/api/organization',
    { config: { action: 'org.read' }, schema: doc('organization', 'Organisation courante') },
    async (request) => getOrganization(ctxOf(deps, request), scopeOfRequest(request)),
  );
  app.patch(
    '/api/organization',
    {
      config: { action: 'org.update' },
      schema: { ...doc('organization', 'Modifier l’organisation (version requise)'), body: ZOrgPatch },
    },
    async (request) => updateOrganization(ctxOf(deps, request), scopeOfRequest(request), request.body),
  );
  app.get(
    '/api/overview',
    { config: { action: 'overview.read' }, schema: doc('organization', 'Vue d’ensemble : sites, équipes, compteurs') },
    async (request) => overview(ctxOf(deps, request), scopeOfRequest(request)),
  );
}
