import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { ANY_MEMBER, definePolicy } from '../../platform/authz.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Scope } from '../../platform/actor.ts';
import { ctxOf, doc, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { tenant } from '../../platform/tenancy.ts';

definePolicy({ 'directory.read': ANY_MEMBER });

const ZDirectoryQuery = z.object({
  q: z.string().trim().max(80).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/**
 * The organisation's people by name, for the « person » fields of request forms: every member may pick a
 * colleague (a manager, a new hire's badge holder) without reading the staff-only member list (no e-mail,
 * no role, no account details).
 */
export async function searchDirectory(ctx: Ctx, scope: Scope, query: z.infer<typeof ZDirectoryQuery>) {
  let q = tenant
    .selectFrom(ctx.database.db, scope, 'memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('sites', 'sites.id', 'memberships.site_id')
    .select(['users.id', 'users.display_name', 'sites.name as site_name'])
    .where('users.disabled', '=', false);
  const words = query.q.split(/\s+/).filter(Boolean).slice(0, 4);
  for (const w of words) q = q.where(sql`lower(users.display_name)`, 'like', `%${w.replace(/[%_\\]/g, '').toLowerCase()}%`);
  const rows = await q.orderBy('users.display_name').limit(query.limit).execute();
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, siteName: r.site_name })) };
}

export async function directoryRoutes(fastify: FastifyInstance, deps: Deps) {
  zapp(fastify).get(
    '/api/directory',
    {
      config: { action: 'directory.read' },
      schema: { ...doc('users', 'Annuaire : personnes de l’organisation par nom'), querystring: ZDirectoryQuery },
    },
    async (request) => searchDirectory(ctxOf(deps, request), scopeOfRequest(request), request.query),
  );
}
