import { createAnnouncement } from '../modules/portal/announcements.service.ts';
import type { Scope } from '../platform/actor.ts';
import type { Ctx } from '../platform/context.ts';
import { newId } from '../platform/ids.ts';
import { tenant } from '../platform/tenancy.ts';

const NB = '\u00a0';
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** Demo announcements, dated from today: two current (one for every site, one for Strasbourg), one scheduled, one past. */
export const DEMO_ANNOUNCEMENTS = [
  {
    title: 'Fermeture des services le 24 décembre après-midi',
    body: `Le pôle assistantes et les services généraux ferment à **12${NB}h** le 24${NB}décembre. Les demandes urgentes passent par le standard.\n\nPensez à envoyer vos notes de frais de décembre **avant le 20**.`,
    sites: [],
    from: -3,
    to: 30,
    pinned: true,
  },
  {
    title: 'Nouveaux badges d’accès à Strasbourg',
    body: `Les badges de l’usine changent la semaine prochaine. Faites votre demande «${NB}Badge d’accès${NB}» dans le portail, avec votre photo d’identité.`,
    sites: ['strasbourg'],
    from: -1,
    to: 14,
    pinned: false,
  },
  {
    title: 'Inventaire des fournitures en janvier',
    body: `L’inventaire annuel des fournitures aura lieu la deuxième semaine de janvier${NB}: les commandes seront regroupées.`,
    sites: [],
    from: 20,
    to: 45,
    pinned: false,
  },
  {
    title: 'Campagne des entretiens annuels terminée',
    body: `Merci à toutes et à tous${NB}: les comptes rendus sont disponibles auprès du service RH.`,
    sites: [],
    from: -40,
    to: -10,
    pinned: false,
  },
];

/** Seeds the portal: announcements (sites by their demo key) and a month of self-help history. */
export async function seedPortal(ctx: Ctx, scope: Scope, siteIds: Map<string, string>): Promise<void> {
  await seedAnnouncements(ctx, scope, siteIds);
  await seedDeflectionHistory(ctx, scope);
}

/** A small deterministic generator, so every demo start tells the same story. */
function sequence(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

/**
 * 60 request-form visits over the last 30 days by the demo requesters, on the published articles: about a
 * third find their answer alone (the deflection rate the announcements screen shows on first start).
 */
async function seedDeflectionHistory(ctx: Ctx, scope: Scope): Promise<void> {
  const db = ctx.database.db;
  const people = await tenant
    .selectFrom(db, scope, 'memberships')
    .select(['user_id', 'site_id'])
    .where('role', '=', 'requester')
    .execute();
  const articles = (
    await tenant.selectFrom(db, scope, 'kb_articles').select('id').where('status', '=', 'published').orderBy('id').execute()
  ).map((a) => a.id);
  if (!people.length || !articles.length) return;
  const next = sequence(42);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
  const rows = [];
  for (let i = 0; i < 60; i++) {
    const who = pick(people);
    const start = Date.now() - (1 + next() * 29) * DAY;
    const row = (kind: string, articleId = '', minutes = 0) => ({
      id: newId(),
      session_id: `demo${String(i).padStart(4, '0')}`,
      user_id: who.user_id,
      site_id: who.site_id,
      service_id: null,
      kind,
      article_id: articleId,
      request_id: null,
      created_at: new Date(start + minutes * 60_000).toISOString(),
    });
    const roll = next();
    const shown = [pick(articles), pick(articles)].filter((a, k, all) => all.indexOf(a) === k);
    if (roll < 0.2) {
      rows.push(row(next() < 0.5 ? 'submitted' : 'abandoned', '', 3));
      continue;
    }
    rows.push(...shown.map((a) => row('suggestion_shown', a, 1)));
    if (roll < 0.5) rows.push(row('article_opened', shown[0], 2), row('abandoned', '', 4));
    else if (roll < 0.65) rows.push(row('article_opened', shown[0], 2), row('submitted', '', 6));
    else if (roll < 0.9) rows.push(row('submitted', '', 5));
    else rows.push(row('abandoned', '', 5));
  }
  await db.insertInto('deflection_events').values(tenant.values(scope, rows)).execute();
}

async function seedAnnouncements(ctx: Ctx, scope: Scope, siteIds: Map<string, string>): Promise<void> {
  for (const a of DEMO_ANNOUNCEMENTS) {
    await createAnnouncement(ctx, scope, {
      title: a.title,
      body: a.body,
      siteIds: a.sites.map((s) => siteIds.get(s) ?? ''),
      startsAt: at(a.from),
      endsAt: at(a.to),
      pinned: a.pinned,
    });
  }
}
