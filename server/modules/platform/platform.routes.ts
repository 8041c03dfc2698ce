import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, zapp } from '../../platform/route-helpers.ts';
import { createOrganization, getOrganizationById, listOrganizations, updateOrganizationById } from './platform.service.ts';

const ZOrgCreate = z.object({
  name: z.string().trim().min(1).max(120),
  slug: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'code_chars'),
  adminEmail: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  adminName: z.string().trim().min(1).max(120),
});
const ZOrgRename = z.object({ name: z.string().trim().min(1).max(120).optional(), version: z.number().int().min(1) });

/** Operator screens: every client organisation of this installation. */
export async function platformRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  app.get(
    '/api/platform/organizations',
    { config: { action: 'platform.org.read' }, schema: doc('platform', 'Organisations clientes') },
    async (request) => ({
      items: await listOrganizations(ctxOf(deps, request)),
    }),
  );
  app.post(
    '/api/platform/organizations',
    {
      config: { action: 'platform.org.create' },
      schema: { ...doc('platform', 'Créer une organisation et son référent'), body: ZOrgCreate },
    },
    async (request, reply) => reply.status(201).send(await createOrganization(deps, ctxOf(deps, request), request.body)),
  );
  app.get(
    '/api/platform/organizations/:id',
    { config: { action: 'platform.org.read' }, schema: { ...doc('platform', 'Une organisation'), params: ZIdParam } },
    async (request) => getOrganizationById(ctxOf(deps, request), request.params.id),
  );
  app.patch(
    '/api/platform/organizations/:id',
    {
      config: { action: 'platform.org.update' },
      schema: { ...doc('platform', 'Renommer une organisation'), params: ZIdParam, body: ZOrgRename },
    },
    async (request) => updateOrganizationById(ctxOf(deps, request), request.params.id, request.body),
  );
}
