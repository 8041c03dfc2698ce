import { sql } from 'kysely';
import type { Actor, Scope } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { listCategories } from '../catalog/categories.service.ts';
import { listServices } from '../catalog/services.service.ts';
import { applyFilters, listRequests } from '../requests/request-list.ts';
import { visibleRequests } from '../requests/requests.repository.ts';
import { type TListQuery, ZListQuery } from '../requests/requests.schemas.ts';
import { listAnnouncements } from './announcements.service.ts';

const OPEN_SHOWN = 20;

/** How many requests of the actor's list match the filters (the portal's tab counters). */
async function countOf(ctx: Ctx, scope: Scope, filters: Partial<TListQuery>): Promise<number> {
  const actor = ctx.actor as Actor;
  const row = await applyFilters(visibleRequests(ctx.database.db, scope, actor), filters, actor)
    .select(sql<number>`count(*)`.as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** The catalogue a requester can pick from: active services grouped under their category (empty ones left out). */
async function catalogue(ctx: Ctx, scope: Scope) {
  const [categories, services] = await Promise.all([listCategories(ctx, scope), listServices(ctx, scope)]);
  const active = services.filter((s) => s.active);
  const brief = (s: (typeof active)[number]) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    approvalRole: s.approvalRole,
  });
  return categories
    .map((c) => ({
      id: c.id,
      name: c.name,
      icon: c.icon,
      services: active.filter((s) => s.categoryId === c.id).map(brief),
    }))
    .filter((c) => c.services.length > 0);
}

/**
 * The portal home in one round-trip: current announcements for the actor's site, the catalogue by
 * category, the actor's open requests (next due first) and the counters of the « Mes demandes » tabs.
 */
export async function portalHome(ctx: Ctx, scope: Scope) {
  const open = ZListQuery.parse({ requesterId: 'me', open: 'true', sort: 'due', limit: OPEN_SHOWN });
  const [announcements, categories, mine, counts] = await Promise.all([
    listAnnouncements(ctx, scope, { status: 'current', audience: 'mine' }),
    catalogue(ctx, scope),
    listRequests(ctx, scope, open),
    Promise.all([
      countOf(ctx, scope, { requesterId: 'me', open: 'true' }),
      countOf(ctx, scope, { requesterId: 'me', status: ['waiting_requester'] }),
      countOf(ctx, scope, { watching: 'true', open: 'true' }),
      countOf(ctx, scope, { approving: 'true' }),
    ]),
  ]);
  const [openCount, waitingOnMe, watching, toApprove] = counts;
  return {
    announcements,
    categories,
    openRequests: mine.items.map(({ snippet: _s, ...r }) => r),
    counts: { open: openCount, waitingOnMe, watching, toApprove },
  };
}
