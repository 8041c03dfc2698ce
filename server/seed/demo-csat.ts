/**
 * Satisfaction in the demo: a few more requests resolved by the pool (so the figures have groups to
 * compare), ratings from 2 to 5 with some French comments, and every survey marked as mailed so the
 * demo's outbox is not flooded at the first scheduler tick.
 */
import { type Actor, type Scope, systemActor } from '../platform/actor.ts';
import type { Ctx } from '../platform/context.ts';
import { tenant } from '../platform/tenancy.ts';
import { rateRequest } from '../modules/csat/csat.service.ts';
import { withoutSurveyMail } from '../modules/csat/csat.survey.ts';
import { addComment } from '../modules/requests/request-actions.ts';
import { createRequest } from '../modules/requests/request-create.ts';
import { updateRequest } from '../modules/requests/request-update.ts';
import { ZCreateRequest } from '../modules/requests/requests.schemas.ts';

interface Resolved {
  service: string;
  requester: string;
  by: string;
  title: string;
  answers: (siteId: string) => Record<string, unknown>;
  reply: string;
  close?: boolean;
}

const HISTORY: Resolved[] = [
  {
    service: 'Commande de fournitures',
    requester: 'kevin.dumont@horizon.test',
    by: 'assistante@horizon.test',
    title: 'Ramettes de papier pour l’accueil',
    answers: (site) => ({ articles: '10 ramettes A4 80 g', site }),
    reply: 'Les ramettes sont livrées à l’accueil.',
    close: true,
  },
  {
    service: 'Intervention de maintenance',
    requester: 'lukas.meyer@horizon.test',
    by: 'elodie.schmitt@horizon.test',
    title: 'Porte du quai 3 qui ne ferme plus',
    answers: (site) => ({
      site,
      lieu: 'Quai 3',
      description: 'La porte sectionnelle reste bloquée à mi-hauteur.',
      urgence: 'Normale',
    }),
    reply: 'Le réparateur est passé ce matin, la porte fonctionne de nouveau.',
  },
  {
    service: 'Réservation de salle',
    requester: 'amandine.lopez@horizon.test',
    by: 'lea.moreau@horizon.test',
    title: 'Salle pour les entretiens annuels',
    answers: (site) => ({ site, date: '2026-12-08', participants: 2 }),
    reply: 'La salle Calanques est réservée pour vous toute la journée.',
  },
  {
    service: 'Numérisation du courrier entrant',
    requester: 'lukas.meyer@horizon.test',
    by: 'elodie.schmitt@horizon.test',
    title: 'Courrier de la semaine – usine de Strasbourg',
    answers: (site) => ({ site }),
    reply: 'Courrier numérisé et distribué dans les boîtes de chacun.',
    close: true,
  },
  {
    service: 'Commande de fournitures',
    requester: 'priscilla.payet@horizon.test',
    by: 'thomas.garnier@horizon.test',
    title: 'Enveloppes et timbres pour l’agence',
    answers: (site) => ({ articles: '500 enveloppes C5, 200 timbres verts', site }),
    reply: 'Les enveloppes sont expédiées, les timbres suivent.',
  },
  {
    service: 'Intervention de maintenance',
    requester: 'kevin.dumont@horizon.test',
    by: 'assistante@horizon.test',
    title: 'Néon qui clignote dans l’entrepôt',
    answers: (site) => ({ site, lieu: 'Allée C', description: 'Un néon clignote au-dessus des racks.', urgence: 'Normale' }),
    reply: 'Le néon a été remplacé.',
  },
];

/** Ratings by request title: the demo's own resolved requests and the history above (one left unrated). */
const RATINGS: Record<string, { score: number; comment?: string }> = {
  'Devis climatisation de la salle de pause': { score: 4, comment: 'Devis reçus vite, il manquait seulement le délai de pose.' },
  'Courrier du jour – agence de Marseille': { score: 5 },
  'Ramettes de papier pour l’accueil': { score: 5, comment: 'Livraison dès le lendemain, parfait\u00a0!' },
  'Porte du quai 3 qui ne ferme plus': { score: 3, comment: 'Réparé, mais il a fallu relancer deux fois.' },
  'Salle pour les entretiens annuels': { score: 4 },
  'Courrier de la semaine – usine de Strasbourg': { score: 5 },
  'Enveloppes et timbres pour l’agence': { score: 2, comment: 'Les timbres sont arrivés une semaine plus tard que prévu.' },
};

type People = Map<string, { id: string; name: string; role: string; siteId: string | null }>;

function as(ctx: Ctx, people: People, email: string): Ctx {
  const p = people.get(email);
  if (!p) throw new Error(`personne de démonstration inconnue : ${email}`);
  const base = ctx.actor ?? systemActor(null);
  const actor: Actor = {
    ...base,
    userId: p.id,
    email,
    displayName: p.name,
    role: p.role as Actor['role'],
    isOperator: false,
    siteId: p.siteId,
  };
  return { ...ctx, actor };
}

async function resolveOne(ctx: Ctx, scope: Scope, people: People, services: Map<string, string>, r: Resolved) {
  const siteId = people.get(r.requester)?.siteId ?? '';
  const input = ZCreateRequest.parse({ serviceId: services.get(r.service), title: r.title, answers: r.answers(siteId) });
  const created = await createRequest(as(ctx, people, r.requester), scope, input);
  const staff = as(ctx, people, r.by);
  await updateRequest(staff, scope, created.id, { version: created.version, assigneeId: people.get(r.by)?.id });
  const resolved = await addComment(staff, scope, created.id, { body: r.reply, internal: false, status: 'resolved' });
  if (r.close) await updateRequest(staff, scope, created.id, { version: resolved.version, status: 'closed' });
}

/** Seeds the history, marks the surveys as mailed and rates them as their requesters. */
export async function seedCsat(ctx: Ctx, scope: Scope): Promise<void> {
  const db = ctx.database.db;
  const rows = await tenant
    .selectFrom(db, scope, 'memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'memberships.role', 'memberships.site_id'])
    .execute();
  const people: People = new Map(rows.map((r) => [r.email, { id: r.id, name: r.display_name, role: r.role, siteId: r.site_id }]));
  const services = new Map(
    (await tenant.selectFrom(db, scope, 'services').select(['id', 'name']).execute()).map((s) => [s.name, s.id]),
  );
  await withoutSurveyMail(async () => {
    for (const r of HISTORY) await resolveOne(ctx, scope, people, services, r);
  });
  await tenant
    .updateTable(db, scope, 'csat_surveys')
    .set((eb) => ({ mailed_at: eb.ref('created_at') }))
    .where('mailed_at', 'is', null)
    .execute();
  const surveys = await tenant
    .selectFrom(db, scope, 'csat_surveys')
    .innerJoin('requests', 'requests.id', 'csat_surveys.request_id')
    .innerJoin('users', 'users.id', 'csat_surveys.requester_id')
    .select(['requests.id', 'requests.title', 'users.email'])
    .execute();
  for (const s of surveys) {
    const rating = RATINGS[s.title];
    if (rating) await rateRequest(as(ctx, people, s.email), scope, s.id, rating);
  }
}
