import { seedAcknowledgement, seedChannel, seedMessage } from '../modules/channels/channels.fixtures.ts';
import type { Scope } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { HORIZON_PEOPLE, HORIZON_SITES, HORIZON_TEAMS } from './demo-data.ts';

const NB = '\u00a0';
const STAFF_ROLES = new Set(['assistant', 'coordinator', 'org_admin', 'executive']);

interface Ids {
  siteIds: Map<string, string>;
  teamIds: Map<string, string>;
  userIds: Map<string, string>;
}

/**
 * The demo organisation's channels: one per site (its people and the pool), the pool's channel,
 * « Urgences » (every message urgent) and « Point hebdo » with a thread, all with French messages.
 */
export async function seedChannels(deps: Deps, scope: Scope, ids: Ids): Promise<void> {
  const org = scope.organizationId;
  const user = (email: string) => ids.userIds.get(email) ?? '';
  const pool = HORIZON_TEAMS.find((t) => t.key === 'pool')?.members.map(user) ?? [];
  const staff = HORIZON_PEOPLE.filter((p) => STAFF_ROLES.has(p.role)).map((p) => user(p.email));
  const owner = [user('assistante@horizon.test')];
  const say = (channel: string, email: string, body: string, root: string | null = null) =>
    seedMessage(deps, org, channel, user(email), body, root);
  const siteChannels = new Map<string, string>();
  for (const site of HORIZON_SITES) {
    const people = HORIZON_PEOPLE.filter((p) => p.site === site.key).map((p) => user(p.email));
    const input = { kind: 'site', name: site.name, siteId: ids.siteIds.get(site.key), description: `Vie du site ${site.name}` };
    siteChannels.set(site.key, await seedChannel(deps, org, input, [...people, ...pool], owner));
  }
  const lyon = siteChannels.get('lyon') ?? '';
  await say(lyon, 'demandeur@horizon.test', `La salle Rhône est-elle libre jeudi après-midi${NB}?`);
  await say(lyon, 'assistante@horizon.test', 'Oui, je vous la réserve de 14 h à 16 h.');
  const poolInput = { kind: 'team', name: 'Pôle assistantes', teamId: ids.teamIds.get('pool'), description: 'Entre nous' };
  const poolChannel = await seedChannel(deps, org, poolInput, pool, owner);
  await say(poolChannel, 'lea.moreau@horizon.test', `Je suis en congé vendredi${NB}: Thomas reprend mes demandes de Marseille.`);
  await say(poolChannel, 'thomas.garnier@horizon.test', 'C’est noté, bon week-end prolongé\u00a0!');
  const urgentInput = { kind: 'topic', name: 'Urgences', urgent: true, description: 'Tout message y est urgent' };
  const urgent = await seedChannel(deps, org, urgentInput, staff, [...owner, user('coordinatrice@horizon.test')]);
  const outage = await say(
    urgent,
    'coordinatrice@horizon.test',
    `**Coupure électrique** prévue à Lille demain de 7 h à 9 h${NB}: prévenez les équipes.`,
  );
  // Already taken in charge: a demo left running must not repeat and escalate it by e-mail every 5 minutes.
  await seedAcknowledgement(deps, org, outage, user('thomas.garnier@horizon.test'));
  const weeklyInput = { kind: 'topic', name: 'Point hebdo', description: 'Le point du lundi du pôle' };
  const weekly = await seedChannel(deps, org, weeklyInput, staff, [user('coordinatrice@horizon.test')]);
  const root = await say(
    weekly,
    'coordinatrice@horizon.test',
    `Ordre du jour de lundi${NB}:\n\n1. Demandes en retard\n2. Congés de décembre\n3. Nouveau prestataire paie`,
  );
  await say(weekly, 'assistante@horizon.test', 'J’ajoute le point sur les fournitures de Strasbourg.', root);
  await say(weekly, 'referent@horizon.test', `Parfait${NB}; je présenterai les chiffres du mois.`, root);
}
