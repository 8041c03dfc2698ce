import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { verifyChain } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { doc, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';

const ZAuditQuery = z.object({
  action: z.string().max(80).optional(),
  actorId: z.string().max(64).optional(),
  targetType: z.string().max(40).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The organisation's append-only, hash-chained audit trail, newest first, with filters. */
export async function auditRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  app.get(
    '/api/audit',
    {
      config: { action: 'audit.read' },
      schema: { ...doc('audit', 'Journal d’audit (filtres, pagination par séquence)'), querystring: ZAuditQuery },
    },
    async (request) => {
      const q = request.query;
      let query = deps.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('organization_id', '=', scopeOfRequest(request).organizationId);
      if (q.action) query = query.where('action', 'like', `${q.action}%`);
      if (q.actorId) query = query.where('actor_id', '=', q.actorId);
      if (q.targetType) query = query.where('target_type', '=', q.targetType);
      if (q.from) query = query.where('created_at', '>=', `${q.from}T00:00:00.000Z`);
      if (q.to) query = query.where('created_at', '<=', `${q.to}T23:59:59.999Z`);
      if (q.before) query = query.where('seq', '<', q.before);
      const rows = await query
        .orderBy('seq', 'desc')
        .limit(q.limit + 1)
        .execute();
      const items = rows.slice(0, q.limit).map((r) => ({
        id: r.id,
        seq: Number(r.seq),
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        summary: r.summary,
        ip: r.ip,
        createdAt: r.created_at,
      }));
      return { items, nextBefore: rows.length > q.limit ? items[items.length - 1].seq : null };
    },
  );
  app.get(
    '/api/audit/verify',
    { config: { action: 'audit.read' }, schema: doc('audit', 'Vérifier l’intégrité de la chaîne de hachage') },
    async (request) => verifyChain(deps.database.db, scopeOfRequest(request).organizationId),
  );
}
