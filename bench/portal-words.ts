/**
 * Word lists of the portal benchmark's data (bench/portal-data.ts): knowledge-base articles written
 * around the demo services (the requesters' own sentences from gen-words.ts, so suggestions meet
 * realistic matches), and archive folder and document names.
 */
import { fill, type Random } from './gen-random.ts';
import { SERVICE_WORDS } from './gen-words.ts';

const TOPICS = Object.entries(SERVICE_WORDS);

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const TITLES = [
  'Comment faire une demande de {s}',
  '{S} : mode d’emploi',
  '{S} — les questions fréquentes',
  'Procédure : {s}',
  '{S} : délais et pièces à fournir',
  'Que faire en cas de retard sur {s} ?',
  '{S} pour les nouveaux arrivants',
  '{S} : qui contacter sur votre site',
];

const STEPS = [
  'Ouvrez le portail Relais et choisissez le service dans le catalogue.',
  'Remplissez le formulaire en précisant votre site et la date souhaitée.',
  'Joignez les justificatifs au format PDF ou une photo lisible.',
  'L’assistante du site prend en charge la demande et vous répond sous deux jours ouvrés.',
  'Suivez l’avancement dans « Mes demandes » ; vous recevez un courriel à chaque étape.',
  'En cas de refus, le motif est indiqué dans la demande : vous pouvez la compléter et la renvoyer.',
  'Le responsable hiérarchique valide la demande lorsque le montant dépasse le plafond.',
  'Conservez les originaux jusqu’à la clôture de la demande.',
];

const NOTES = [
  'Les demandes reçues après 16 h sont traitées le jour ouvré suivant.',
  'Pendant les congés d’été, les délais peuvent doubler : anticipez vos demandes.',
  'Le service comptable clôture le mois le 25 : au-delà, le remboursement passe sur le mois suivant.',
  'Pour toute question, contactez l’assistante de votre site plutôt que d’écrire au siège.',
  'Les pièces justificatives sont archivées dix ans conformément aux obligations légales.',
  'Un modèle de document est disponible dans l’archive partagée, dossier « Modèles ».',
  'Le barème kilométrique appliqué est celui publié chaque année par l’administration fiscale.',
  'Les demandes urgentes doivent être justifiées dans la description.',
  'La mutuelle et la prévoyance sont gérées par le prestataire RH externalisé.',
  'Le badge perdu doit être signalé immédiatement pour être désactivé.',
];

/** One article: title and Markdown body (sections, steps, notes), from a demo service's vocabulary. */
export function kbText(rnd: Random, n: number): { title: string; body: string; topic: string } {
  const [topic, words] = rnd.pick(TOPICS);
  const title = rnd.pick(TITLES).replace('{s}', lower(topic)).replace('{S}', topic);
  const sentences = Array.from({ length: rnd.int(2, 5) }, () => fill(rnd.pick(words.sentences), rnd));
  const steps = Array.from({ length: rnd.int(3, 6) }, () => rnd.pick(STEPS));
  const notes = Array.from({ length: rnd.int(1, 3) }, () => rnd.pick(NOTES));
  const body = [
    `## Dans quels cas ?\n\n${sentences.join(' ')}`,
    `## Étapes\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`,
    `## Bon à savoir\n\n${notes.map((s) => `- ${s}`).join('\n')}`,
    `Exemple : « ${fill(rnd.pick(words.titles), rnd)} ».`,
  ].join('\n\n');
  // A suffix keeps titles distinct, as a real base grows variants per site and year.
  return { title: `${title} (${n % 7 === 0 ? fill('{ville}', rnd) : `fiche ${n + 1}`})`, body, topic };
}

/** Archive folders under each root: themes and years. */
export const SUBFOLDERS = [
  'Contrats fournisseurs',
  'Factures 2024',
  'Factures 2025',
  'Factures 2026',
  'Baux et assurances',
  'Procès-verbaux',
  'Attestations',
  'Courrier entrant',
  'Courrier sortant',
  'Procédures',
  'Modèles',
  'Maintenance',
  'Sécurité et incendie',
  'Véhicules',
  'Événements',
  'Achats',
  'Notes de frais',
  'Qualité',
  'Juridique',
];

const DOCS: { type: string; retention: string; names: string[]; tags: string[] }[] = [
  {
    type: 'contrat',
    retention: 'standard',
    names: ['Contrat de {objet} — {fournisseur}', 'Avenant au contrat {fournisseur}', 'Contrat cadre {objet} {ville}'],
    tags: ['fournisseur', 'renouvellement'],
  },
  {
    type: 'facture',
    retention: 'comptable',
    names: ['Facture {num} — {fournisseur}', 'Facture {fournisseur} {mois}', 'Avoir {num} — {fournisseur}'],
    tags: ['comptabilité', 'fin-de-mois'],
  },
  {
    type: 'attestation',
    retention: 'rh_salarie',
    names: ['Attestation employeur — {personne}', 'Attestation d’assurance {fournisseur}', 'Attestation URSSAF {mois}'],
    tags: ['rh', 'attestation'],
  },
  {
    type: 'procedure',
    retention: 'permanent',
    names: ['Procédure {objet}', 'Consignes de sécurité — site de {ville}', 'Mode opératoire {objet}'],
    tags: ['procédure'],
  },
  {
    type: 'courrier',
    retention: 'standard',
    names: ['Courrier {client} du {jour} {mois}', 'Recommandé {fournisseur} — mise en demeure', 'Réponse à {client}'],
    tags: ['courrier'],
  },
  {
    type: 'modele',
    retention: 'permanent',
    names: ['Modèle de note de frais', 'Modèle de bon de commande {objet}', 'Formulaire de demande de badge'],
    tags: ['modèle'],
  },
];

/** One archive document's metadata. */
export function docMeta(rnd: Random) {
  const d = rnd.pick(DOCS);
  const name = fill(rnd.pick(d.names), rnd);
  const tags = rnd.chance(0.6) ? [rnd.pick(d.tags)] : [];
  const description = rnd.chance(0.5) ? fill(`Document reçu de {fournisseur}, classé par l’assistante de {ville}.`, rnd) : '';
  return { name, type: d.type, retention: d.retention, tags, description };
}

/** A file name for a document name: lower-case ASCII words joined by dashes. */
export function fileNameOf(name: string, ext: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base.slice(0, 60)}.${ext}`;
}
