import { type ExpressionBuilder, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Kdb } from '../../db/database.ts';
import type { DB, KbArticlesTable } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { actorRoles } from '../../platform/authz.ts';
import { tenant } from '../../platform/tenancy.ts';
import { KB_MANAGERS, KB_STAFF } from './kb.policy.ts';

/** The organisation's calendar day for review dates (the organisation has no zone of its own: Paris time). */
export const KB_ZONE = 'Europe/Paris';

let clock: () => Date = () => new Date();

/** Pins the knowledge base's "now" (tests of review dates); null restores the real clock. */
export function setKbClock(fn: (() => Date) | null): void {
  clock = fn ?? (() => new Date());
}

export function kbNow(): Date {
  return clock();
}

/** Today as YYYY-MM-DD in organisation time, at `now`. */
export function kbToday(now: Date = kbNow()): string {
  return DateTime.fromJSDate(now).setZone(KB_ZONE).toISODate() ?? '';
}

export type Visibility = 'all' | 'staff' | 'requester';

/** How much of the knowledge base an actor sees: everything, staff articles (not other teams'), or published requester articles. */
export function visibilityOf(actor: Actor): Visibility {
  const roles = actorRoles(actor);
  if (roles.some((r) => KB_MANAGERS.includes(r))) return 'all';
  if (roles.some((r) => KB_STAFF.includes(r))) return 'staff';
  return 'requester';
}

type AQ = SelectQueryBuilder<DB, 'kb_articles', object>;

/**
 * The articles an actor may see, as a query to refine (list, search, suggest, get): the audience rules
 * written in SQL. Requesters: published, audience « requesters » of every site or of their site. Staff:
 * every status and audience except « teams » articles of teams they are not in. Coordination: all.
 */
export function visibleArticles(db: Kdb, scope: Scope, actor: Actor): AQ {
  const q = tenant.selectFrom(db, scope, 'kb_articles') as AQ;
  const seen = visibilityOf(actor);
  if (seen === 'all') return q;
  return q.where((eb: ExpressionBuilder<DB, 'kb_articles'>) => {
    const targets = () =>
      eb.selectFrom('kb_article_targets as t').select('t.target_id').whereRef('t.article_id', '=', 'kb_articles.id');
    if (seen === 'staff') {
      const myTeams = eb
        .selectFrom('team_members as m')
        .select('m.team_id')
        .where('m.user_id', '=', actor.userId)
        .where('m.organization_id', '=', scope.organizationId);
      return eb.or([eb('kb_articles.audience_kind', '!=', 'teams'), eb.exists(targets().where('t.target_id', 'in', myTeams))]);
    }
    const site = actor.siteId ?? '';
    return eb.and([
      eb('kb_articles.status', '=', 'published'),
      eb('kb_articles.audience_kind', '=', 'requesters'),
      eb.or([eb.not(eb.exists(targets())), eb.exists(targets().where('t.target_id', '=', site))]),
    ]);
  });
}

export type ArticleRow = Selectable<KbArticlesTable> & {
  space_name: string;
  owner_name: string | null;
  helpful_count: number;
  unhelpful_count: number;
};

/** Adds what a summary shows next to the row: space and owner names, vote counts. */
export function withSummary(q: AQ) {
  const votes = (helpful: boolean) =>
    sql<number>`(select count(*) from kb_votes v where v.article_id = kb_articles.id and v.helpful = ${helpful})`;
  return q
    .innerJoin('kb_spaces', 'kb_spaces.id', 'kb_articles.space_id')
    .leftJoin('users as owner', 'owner.id', 'kb_articles.owner_id')
    .selectAll('kb_articles')
    .select(['kb_spaces.name as space_name', 'owner.display_name as owner_name'])
    .select([votes(true).as('helpful_count'), votes(false).as('unhelpful_count')]);
}

/** The catalogue services linked to some articles, by article. */
export async function servicesOf(db: Kdb, scope: Scope, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await tenant
    .selectFrom(db, scope, 'kb_article_services')
    .select(['article_id', 'service_id'])
    .where('article_id', 'in', ids)
    .orderBy('service_id')
    .execute();
  for (const r of rows) out.get(r.article_id)?.push(r.service_id);
  return out;
}

/** The next revision number of an article, inside the writing transaction. */
export async function nextRevision(trx: Kdb, scope: Scope, articleId: string): Promise<number> {
  const row = await tenant
    .selectFrom(trx, scope, 'kb_revisions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}
