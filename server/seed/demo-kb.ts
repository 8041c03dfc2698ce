import type { KbType } from '../../common/kb.ts';
import { createArticle } from '../modules/kb/articles.service.ts';
import { ensureKbTemplates } from '../modules/kb/kb-templates.ts';
import type { TAudience } from '../modules/kb/kb.schemas.ts';
import { transitionArticle } from '../modules/kb/lifecycle.service.ts';
import { createSpace } from '../modules/kb/spaces.service.ts';
import type { Scope } from '../platform/actor.ts';
import type { Ctx } from '../platform/context.ts';
import { nowIso } from '../platform/ids.ts';
import { tenant } from '../platform/tenancy.ts';
import { DEMO_KB_HELP, DEMO_KB_POOL, type DemoArticle } from './demo-kb-data.ts';

/** Ids the demo articles refer to by name: services, sites, teams and people. */
interface Refs {
  services: Map<string, string>;
  sites: Map<string, string>;
  teams: Map<string, string>;
  users: Map<string, string>;
}

async function refs(ctx: Ctx, scope: Scope): Promise<Refs> {
  const db = ctx.database.db;
  const byName = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.name, r.id]));
  const users = await tenant
    .selectFrom(db, scope, 'memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email'])
    .execute();
  return {
    services: byName(await tenant.selectFrom(db, scope, 'services').select(['id', 'name']).execute()),
    sites: byName(await tenant.selectFrom(db, scope, 'sites').select(['id', 'name']).execute()),
    teams: byName(await tenant.selectFrom(db, scope, 'teams').select(['id', 'name']).execute()),
    users: new Map(users.map((u) => [u.email, u.id])),
  };
}

function audienceOf(a: DemoArticle, r: Refs, fallback: TAudience): TAudience {
  if (a.sites) return { kind: 'requesters', siteIds: a.sites.map((s) => r.sites.get(s) ?? '') };
  if (a.teams) return { kind: 'teams', teamIds: a.teams.map((t) => r.teams.get(t) ?? '') };
  return fallback;
}

async function seedArticle(ctx: Ctx, scope: Scope, spaceId: string, a: DemoArticle, r: Refs, fallback: TAudience) {
  const created = await createArticle(ctx, scope, {
    spaceId,
    title: a.title,
    body: a.body,
    type: a.type as KbType,
    audience: audienceOf(a, r, fallback),
    serviceIds: (a.services ?? []).flatMap((s) => r.services.get(s) ?? []),
    ownerId: r.users.get(a.owner) ?? null,
    reviewAt: a.reviewAt ?? null,
  });
  // Seeded without a signed-in actor: the owner is shown as the author of the first version.
  await tenant
    .updateTable(ctx.database.db, scope, 'kb_revisions')
    .set({ author_id: r.users.get(a.owner) ?? null })
    .where('article_id', '=', created.id)
    .execute();
  if (a.status !== 'draft') await transitionArticle(ctx, scope, created.id, a.status ?? 'published', created.version);
  return created.id;
}

/** A few votes and view counts, so the help centre and the reports show something on first start. */
async function seedEngagement(ctx: Ctx, scope: Scope, id: string, a: DemoArticle, r: Refs) {
  if (!a.votes && !a.views) return;
  const db = ctx.database.db;
  const now = nowIso();
  const votes = (a.votes ?? []).map(([email, helpful]) => ({
    article_id: id,
    user_id: r.users.get(email) ?? '',
    helpful,
    created_at: now,
    updated_at: now,
  }));
  if (votes.length) await db.insertInto('kb_votes').values(tenant.values(scope, votes)).execute();
  await tenant
    .updateTable(db, scope, 'kb_articles')
    .set({ views: a.views ?? 0 })
    .where('id', '=', id)
    .execute();
}

/**
 * The demo knowledge base of Groupe Horizon: « Aide aux salariés » (requesters of every site, one
 * article for La Réunion only), « Procédures du pôle » (staff, process documentation linked to catalogue
 * services, one article past its review date owned by Sophie Bernard), and the provider's templates.
 */
export async function seedKnowledgeBase(ctx: Ctx, scope: Scope): Promise<void> {
  await ensureKbTemplates(ctx.database.db);
  const r = await refs(ctx, scope);
  const spaces: [string, string, DemoArticle[], TAudience][] = [
    [
      'Aide aux salariés',
      'Réponses aux questions courantes des salariés de tous les sites.',
      DEMO_KB_HELP,
      { kind: 'requesters', siteIds: [] },
    ],
    ['Procédures du pôle', 'Modes opératoires du pôle d’assistantes, par service du catalogue.', DEMO_KB_POOL, { kind: 'staff' }],
  ];
  for (const [name, description, articles, audience] of spaces) {
    const space = await createSpace(ctx, scope, { name, description });
    for (const a of articles) {
      const id = await seedArticle(ctx, scope, space.id, a, r, audience);
      await seedEngagement(ctx, scope, id, a, r);
    }
  }
}
