import type { Scope } from '../platform/actor.ts';
import type { Ctx } from '../platform/context.ts';
import { createCanned } from '../modules/canned/canned.service.ts';

const NB = '\u00a0';

/** Three demo canned responses: one for the whole organisation, one for the pool, one for payroll. */
export const DEMO_CANNED: { team: string | null; title: string; body: string }[] = [
  {
    team: null,
    title: 'Accusé de réception',
    body: `Bonjour {{prenom}},\n\nNous avons bien reçu votre demande {{reference}} («${NB}{{titre}}${NB}») et nous nous en occupons. Vous aurez une réponse au plus tard le {{echeance}}.\n\nBien cordialement,\n{{assistant}}`,
  },
  {
    team: 'pool',
    title: 'Demande de précisions',
    body: `Bonjour {{prenom}},\n\nPour avancer sur votre demande {{reference}}, pourriez-vous nous préciser votre besoin (quantités, dates, budget)${NB}? Le délai de traitement est suspendu en attendant votre réponse.\n\nMerci d’avance,\n{{assistant}}`,
  },
  {
    team: 'rh',
    title: 'Paie — demande traitée',
    body: `Bonjour {{prenom}},\n\nVotre demande {{reference}} a été traitée par le service paie. Le document sera disponible dans votre espace salarié sous 48${NB}heures.\n\nN’hésitez pas à répondre à ce message si quelque chose ne va pas.\n\n{{assistant}}`,
  },
];

/** Seeds the demo canned responses, linked to the teams seeded before. */
export async function seedCannedResponses(ctx: Ctx, scope: Scope, teamIds: Map<string, string>): Promise<void> {
  for (const c of DEMO_CANNED) {
    const teamId = c.team ? (teamIds.get(c.team) ?? null) : null;
    await createCanned(ctx, scope, { title: c.title, body: c.body, teamId });
  }
}
