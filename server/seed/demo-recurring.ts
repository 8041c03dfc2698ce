import { ZScheduleInput } from '../modules/recurring/recurring.schemas.ts';
import { createSchedule } from '../modules/recurring/schedules.service.ts';
import type { Scope } from '../platform/actor.ts';
import type { Ctx } from '../platform/context.ts';
import { tenant } from '../platform/tenancy.ts';

interface DemoSchedule {
  name: string;
  service: string;
  site: string;
  team?: string;
  requester: string;
  assignee?: string;
  title: string;
  description: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  rule: Record<string, unknown>;
  checklist: string[];
}

/** The recurring work of the Horizon pool: what comes back every week, month or quarter. */
const SCHEDULES: DemoSchedule[] = [
  {
    name: 'Consolidation des notes de frais',
    service: 'Note de frais',
    site: 'lyon',
    requester: 'dirigeant@horizon.test',
    assignee: 'assistante@horizon.test',
    title: 'Consolidation des notes de frais — {mois_precedent}',
    description: 'Rassembler et contrôler les notes de frais de {mois_precedent} avant transmission à la Finance.',
    priority: 'P3',
    rule: { kind: 'monthly_business_day', n: 5, time: '09:00' },
    checklist: [
      'Relancer les retardataires',
      'Contrôler les justificatifs',
      'Saisir dans le logiciel comptable',
      'Envoyer le récapitulatif à la Finance',
    ],
  },
  {
    name: 'Tournée courrier',
    service: 'Numérisation du courrier entrant',
    site: 'reunion',
    team: 'pool',
    requester: 'priscilla.payet@horizon.test',
    assignee: 'ines.benali@horizon.test',
    title: 'Tournée courrier du {date}',
    description: 'Relever la boîte postale de l’agence, numériser les plis et distribuer les originaux.',
    priority: 'P4',
    rule: { kind: 'weekly', weekdays: ['mon'], time: '09:00', ifClosed: 'next' },
    checklist: ['Relever la boîte postale', 'Numériser les plis', 'Distribuer les originaux'],
  },
  {
    name: 'Déclaration de TVA trimestrielle',
    service: 'Facture fournisseur à saisir',
    site: 'lyon',
    requester: 'dirigeant@horizon.test',
    title: 'Déclaration de TVA — {trimestre_precedent}',
    description: 'Préparer la déclaration de TVA du {trimestre_precedent} pour validation par la direction financière.',
    priority: 'P2',
    rule: { kind: 'monthly_day', day: 15, time: '09:00', ifClosed: 'previous', everyMonths: 3, startMonth: 1 },
    checklist: [
      'Rapprocher les factures du trimestre',
      'Préparer le formulaire CA3',
      'Faire valider par la direction financière',
      'Télédéclarer et archiver l’accusé de réception',
    ],
  },
  {
    name: 'Relevé des badges',
    service: 'Badge d’accès',
    site: 'strasbourg',
    team: 'strasbourg',
    requester: 'lukas.meyer@horizon.test',
    assignee: 'elodie.schmitt@horizon.test',
    title: 'Relevé des badges — semaine du {date}',
    description: 'Relever les badges temporaires arrivés à échéance et désactiver ceux qui n’ont pas été rendus.',
    priority: 'P3',
    rule: { kind: 'weekly', weekdays: ['fri'], time: '16:00', ifClosed: 'previous' },
    checklist: ['Lister les badges temporaires échus', 'Récupérer les badges rendus', 'Désactiver les badges manquants'],
  },
];

/** The demo schedules of the Horizon group, through the real service (so audited like any other). */
export async function seedRecurring(
  ctx: Ctx,
  scope: Scope,
  ids: { siteIds: Map<string, string>; teamIds: Map<string, string>; userIds: Map<string, string> },
): Promise<void> {
  const services = await tenant.selectFrom(ctx.database.db, scope, 'services').select(['id', 'name']).execute();
  for (const s of SCHEDULES) {
    const input = ZScheduleInput.parse({
      name: s.name,
      serviceId: services.find((x) => x.name === s.service)?.id,
      siteId: ids.siteIds.get(s.site),
      teamId: s.team ? ids.teamIds.get(s.team) : null,
      requesterId: ids.userIds.get(s.requester),
      assigneeId: s.assignee ? ids.userIds.get(s.assignee) : null,
      title: s.title,
      description: s.description,
      priority: s.priority,
      rule: s.rule,
      checklist: s.checklist,
    });
    await createSchedule(ctx, scope, input);
  }
}
