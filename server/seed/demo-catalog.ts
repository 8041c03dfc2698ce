import type { FormField } from '../../common/catalog.ts';

type Field = Omit<FormField, 'required'> & { required?: boolean };
export interface DemoService {
  name: string;
  description: string;
  category: string;
  team: 'pool' | 'rh' | 'strasbourg';
  fn: string;
  autonomy: 1 | 2 | 3 | 4;
  skills: string[];
  confidentiality: 'normal' | 'confidential' | 'sensitive';
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  approval?: 'executive' | 'org_admin';
  sla?: 'rh';
  form: Field[];
}

export const f = (key: string, label: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({
  key,
  label,
  type,
  ...extra,
});
export const req = { required: true };

export const DEMO_CATEGORIES = [
  { key: 'rh', name: 'Ressources humaines', icon: 'users' },
  { key: 'finance', name: 'Finance et comptabilité', icon: 'receipt' },
  { key: 'achats', name: 'Achats et fournitures', icon: 'shopping-cart' },
  { key: 'sg', name: 'Services généraux', icon: 'building' },
  { key: 'voyages', name: 'Déplacements', icon: 'plane' },
  { key: 'direction', name: 'Direction', icon: 'briefcase' },
];

/** The demo SLA contract (issue: P1 1 h / 4 h, P2 4 h / 8 h, P3 8 h / 24 h, P4 16 h / 40 h, in business minutes). */
export const DEMO_SLA = {
  default: {
    name: 'Contrat de service Groupe Horizon 2026',
    targets: {
      P1: { firstResponse: 60, resolution: 240 },
      P2: { firstResponse: 240, resolution: 480 },
      P3: { firstResponse: 480, resolution: 1440 },
      P4: { firstResponse: 960, resolution: 2400 },
    },
  },
  rh: {
    name: 'Niveau de service PaieServices (RH et paie)',
    targets: {
      P1: { firstResponse: 120, resolution: 480 },
      P2: { firstResponse: 240, resolution: 960 },
      P3: { firstResponse: 480, resolution: 2400 },
      P4: { firstResponse: 960, resolution: 4800 },
    },
  },
};

/** Human resources and finance services. */
export const HR_FINANCE_SERVICES: DemoService[] = [
  {
    name: 'Attestation employeur',
    description: 'Attestation de travail, de salaire ou destinée à France Travail.',
    category: 'rh',
    team: 'rh',
    fn: 'RH',
    autonomy: 3,
    skills: ['paie'],
    confidentiality: 'confidential',
    priority: 'P3',
    sla: 'rh',
    form: [
      f('type', 'Type d’attestation', 'choice', {
        ...req,
        options: ['Attestation de travail', 'Attestation de salaire', 'Attestation France Travail'],
      }),
      f('destinataire', 'Destinataire', 'text'),
      f('date_souhaitee', 'Date souhaitée', 'date', req),
      f('precisions', 'Précisions', 'long_text'),
    ],
  },
  {
    name: 'Onboarding d’un salarié',
    description: 'Arrivée d’un nouveau collaborateur : contrat, matériel, accès, badge, accueil.',
    category: 'rh',
    team: 'rh',
    fn: 'RH',
    autonomy: 2,
    skills: ['rh'],
    confidentiality: 'confidential',
    priority: 'P2',
    sla: 'rh',
    form: [
      f('nom', 'Nom et prénom', 'text', req),
      f('poste', 'Poste', 'text', req),
      f('site', 'Site d’affectation', 'site', req),
      f('arrivee', 'Date d’arrivée', 'date', req),
      f('manager', 'Manager', 'person', req),
      f('materiel', 'Matériel à prévoir', 'multi_choice', {
        options: ['Ordinateur', 'Téléphone', 'Badge', 'Accès logiciels', 'Véhicule'],
      }),
      f('contrat', 'Contrat signé', 'file'),
    ],
  },
  {
    name: 'Départ d’un salarié',
    description: 'Solde de tout compte, restitution du matériel, fermeture des accès.',
    category: 'rh',
    team: 'rh',
    fn: 'RH',
    autonomy: 2,
    skills: ['rh', 'paie'],
    confidentiality: 'sensitive',
    priority: 'P2',
    approval: 'executive',
    sla: 'rh',
    form: [
      f('salarie', 'Salarié', 'person', req),
      f('depart', 'Date de départ', 'date', req),
      f('motif', 'Motif', 'choice', {
        ...req,
        options: ['Démission', 'Fin de CDD', 'Rupture conventionnelle', 'Retraite', 'Licenciement'],
      }),
      f('materiel_rendu', 'Matériel à restituer', 'yes_no'),
    ],
  },
  {
    name: 'Mise à jour de la mutuelle',
    description: 'Ajout d’un ayant droit, changement de situation, résiliation.',
    category: 'rh',
    team: 'rh',
    fn: 'RH',
    autonomy: 3,
    skills: ['rh'],
    confidentiality: 'confidential',
    priority: 'P4',
    sla: 'rh',
    form: [
      f('situation', 'Situation', 'choice', {
        ...req,
        options: ['Ajout d’un ayant droit', 'Changement de situation familiale', 'Résiliation'],
      }),
      f('effet', 'Date d’effet', 'date', req),
      f('justificatif', 'Justificatif', 'file'),
    ],
  },
  {
    name: 'Demande d’acompte',
    description: 'Avance sur salaire versée avec la paie suivante.',
    category: 'rh',
    team: 'rh',
    fn: 'RH',
    autonomy: 2,
    skills: ['paie'],
    confidentiality: 'sensitive',
    priority: 'P3',
    approval: 'executive',
    sla: 'rh',
    form: [
      f('montant', 'Montant (€)', 'number', { ...req, min: 50, max: 2000 }),
      f('motif', 'Motif (facultatif)', 'long_text', { maxLength: 1000 }),
    ],
  },
  {
    name: 'Note de frais',
    description: 'Contrôle et saisie des frais professionnels du mois.',
    category: 'finance',
    team: 'pool',
    fn: 'FIN',
    autonomy: 3,
    skills: ['comptabilite'],
    confidentiality: 'normal',
    priority: 'P3',
    form: [
      f('mois', 'Mois concerné', 'date', req),
      f('montant', 'Montant total (€)', 'number', { ...req, min: 0 }),
      f('justificatifs', 'Justificatifs', 'file', req),
      f('centre_cout', 'Projet ou centre de coût', 'text'),
    ],
  },
  {
    name: 'Facture fournisseur à saisir',
    description: 'Enregistrement et mise en paiement d’une facture reçue.',
    category: 'finance',
    team: 'pool',
    fn: 'FIN',
    autonomy: 3,
    skills: ['comptabilite'],
    confidentiality: 'normal',
    priority: 'P3',
    form: [
      f('fournisseur', 'Fournisseur', 'text', req),
      f('montant_ht', 'Montant HT (€)', 'number', { ...req, min: 0 }),
      f('echeance', 'Échéance', 'date'),
      f('facture', 'Facture', 'file', req),
    ],
  },
  {
    name: 'Relance d’un client impayé',
    description: 'Relance amiable ou mise en demeure d’une facture échue.',
    category: 'finance',
    team: 'pool',
    fn: 'FIN',
    autonomy: 2,
    skills: ['comptabilite'],
    confidentiality: 'normal',
    priority: 'P3',
    form: [
      f('client', 'Client', 'text', req),
      f('facture', 'Numéro de facture', 'text', req),
      f('montant', 'Montant TTC (€)', 'number', { min: 0 }),
      f('niveau', 'Niveau de relance', 'choice', { ...req, options: ['1re relance', '2e relance', 'Mise en demeure'] }),
    ],
  },
];
