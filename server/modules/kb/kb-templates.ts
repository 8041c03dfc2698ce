import type { Kdb } from '../../db/database.ts';
import { newId, nowIso } from '../../platform/ids.ts';

const NB = '\u00a0';

interface TemplateArticle {
  title: string;
  type: 'faq' | 'howto' | 'process';
  body: string;
}
interface Template {
  name: string;
  description: string;
  articles: TemplateArticle[];
}

/** The provider's template spaces: generic French content an organisation copies, then adapts. */
export const KB_TEMPLATES: Template[] = [
  {
    name: 'Modèles Relais — Services généraux',
    description: 'Fiches types pour les services généraux : courrier, fournitures, salles, accès.',
    articles: [
      {
        title: 'Commander des fournitures de bureau',
        type: 'howto',
        body: `## Quand faire une demande${NB}?\n\nPour tout besoin de papeterie, consommables d’impression ou petit matériel.\n\n## Étapes\n\n1. Ouvrez **Faire une demande** puis le service *Commande de fournitures*.\n2. Indiquez les articles, les quantités et le lieu de livraison.\n3. Les commandes passées avant le mardi midi sont livrées le vendredi.\n\n> Adaptez ce modèle à votre fournisseur et à vos jours de livraison.`,
      },
      {
        title: 'Envoyer un courrier recommandé',
        type: 'howto',
        body: `Déposez le pli **non fermé** à l’accueil avec l’adresse complète du destinataire.\n\n- Précisez si un avis de réception est nécessaire.\n- Le bordereau est scanné et joint à votre demande le jour même.`,
      },
      {
        title: 'Réserver une salle de réunion',
        type: 'faq',
        body: `Les salles se réservent au plus tard la veille à 17${NB}h. Pour une salle équipée (visioconférence, plus de 12 personnes), faites une demande *Réservation de salle*${NB}: l’équipe vérifie le matériel.`,
      },
      {
        title: 'Traiter une demande de badge d’accès',
        type: 'process',
        body: `## Contrôles\n\n1. Vérifier l’accord du manager dans la demande.\n2. Vérifier la date d’arrivée ou de perte du badge.\n\n## Réalisation\n\n1. Créer ou réactiver le badge dans l’outil de contrôle d’accès.\n2. Désactiver immédiatement un badge déclaré perdu.\n3. Répondre au demandeur avec le lieu de retrait.`,
      },
    ],
  },
  {
    name: 'Modèles Relais — RH',
    description: 'Fiches types pour les ressources humaines : attestations, arrivées, mutuelle.',
    articles: [
      {
        title: `Comment obtenir une attestation employeur${NB}?`,
        type: 'faq',
        body: `Faites une demande *Attestation employeur* en précisant le type (travail, salaire, France Travail) et la date souhaitée. Le document vous est envoyé sous 3${NB}jours ouvrés.`,
      },
      {
        title: 'Préparer l’arrivée d’un nouveau salarié',
        type: 'process',
        body: `## J-15\n\n- Contrat signé reçu\n- Matériel commandé (ordinateur, téléphone)\n\n## J-5\n\n- Comptes et accès créés\n- Badge préparé\n\n## Jour J\n\n- Accueil, visite du site, remise du livret d’accueil`,
      },
      {
        title: 'Mettre à jour sa mutuelle',
        type: 'faq',
        body: `Un changement de situation (mariage, naissance, PACS) se déclare dans le mois. Joignez le justificatif à votre demande *Mise à jour de la mutuelle*.`,
      },
    ],
  },
];

/**
 * Inserts the provider's template spaces that are missing (by name), with their articles: idempotent,
 * called by the demo seed; templates belong to no organisation.
 */
export async function ensureKbTemplates(db: Kdb): Promise<void> {
  const existing = new Set((await db.selectFrom('kb_templates').select('name').execute()).map((r) => r.name));
  for (const t of KB_TEMPLATES) {
    if (existing.has(t.name)) continue;
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('kb_templates')
        .values({ id, name: t.name, description: t.description, created_at: nowIso() })
        .execute();
      await trx
        .insertInto('kb_template_articles')
        .values(t.articles.map((a, position) => ({ id: newId(), template_id: id, ...a, position })))
        .execute();
    });
  }
}
