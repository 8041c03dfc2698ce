import type { RequestStatus } from '../../common/requests.ts';

/** One thing a demo person does on a request: reply, note, or change status / assignee / priority. */
export type DemoStep = { by: string; status?: RequestStatus } & (
  | { reply: string }
  | { note: string }
  | { assign?: string; priority?: 'P1' | 'P2' | 'P3' | 'P4' }
);

export interface DemoRequest {
  service: string;
  requester: string;
  title: string;
  description: string;
  /** '@email' → that person's id, '@site:Name' → that site's id. */
  answers?: Record<string, unknown>;
  impact?: 'high' | 'medium' | 'low';
  urgency?: 'high' | 'medium' | 'low';
  source?: 'portal' | 'email' | 'phone' | 'chat';
  ageHours: number;
  steps?: DemoStep[];
}

const SOPHIE = 'assistante@horizon.test';
const LEA = 'lea.moreau@horizon.test';
const THOMAS = 'thomas.garnier@horizon.test';
const INES = 'ines.benali@horizon.test';
const ELODIE = 'elodie.schmitt@horizon.test';
const NADIA = 'coordinatrice@horizon.test';
const JULIEN = 'demandeur@horizon.test';
const LUKAS = 'lukas.meyer@horizon.test';
const AMANDINE = 'amandine.lopez@horizon.test';
const KEVIN = 'kevin.dumont@horizon.test';
const PRISCILLA = 'priscilla.payet@horizon.test';

/** Requests of the demo organisation: new, assigned, in progress, waiting, resolved, closed, late. */
export const DEMO_REQUESTS: DemoRequest[] = [
  {
    service: 'Commande de fournitures',
    requester: JULIEN,
    title: 'Cartouches pour l’imprimante du 2e étage',
    description: 'L’imprimante HP du 2e étage affiche « toner faible » depuis lundi.',
    answers: { articles: '2 cartouches HP 305A noir', site: '@site:Lyon — Siège' },
    ageHours: 2,
  },
  {
    service: 'Réservation de salle',
    requester: AMANDINE,
    title: 'Salle pour la réunion commerciale de jeudi',
    description: 'Douze personnes, avec visioconférence pour l’équipe de Lyon.',
    answers: {
      site: '@site:Marseille — Agence',
      date: '2026-12-03',
      participants: 12,
      besoins: ['Visioconférence', 'Café d’accueil'],
    },
    ageHours: 5,
    steps: [{ by: LEA, assign: LEA }],
  },
  {
    service: 'Intervention de maintenance',
    requester: KEVIN,
    title: 'Porte du quai n°3 bloquée',
    description: 'La porte sectionnelle du quai 3 ne remonte plus : les livraisons sont déviées vers le quai 2.',
    answers: {
      site: '@site:Lille — Entrepôt',
      lieu: 'Quai n°3',
      description: 'Moteur qui force puis s’arrête.',
      urgence: 'Urgente (bloquant)',
    },
    impact: 'high',
    urgency: 'high',
    source: 'phone',
    ageHours: 3,
    steps: [
      { by: THOMAS, assign: THOMAS },
      {
        by: THOMAS,
        reply: 'Le prestataire de maintenance est prévenu, passage prévu avant 14 h.',
        status: 'waiting_third_party',
      },
    ],
  },
  {
    service: 'Attestation employeur',
    requester: LUKAS,
    title: 'Attestation de salaire pour un prêt immobilier',
    description: 'La banque demande les trois derniers mois.',
    answers: { type: 'Attestation de salaire', destinataire: 'Crédit Mutuel', date_souhaitee: '2026-12-04' },
    ageHours: 30,
    steps: [
      {
        by: 'agent-rh@horizon.test',
        reply: 'Bien reçu, je prépare l’attestation avec les bulletins d’octobre.',
        status: 'in_progress',
      },
    ],
  },
  {
    service: 'Réservation de déplacement',
    requester: JULIEN,
    title: 'Aller-retour Lyon–Strasbourg pour l’audit qualité',
    description: 'Audit à l’usine le 10 décembre, retour le 11 au soir.',
    answers: {
      voyageur: `@${JULIEN}`,
      depart: 'Lyon',
      destination: 'Strasbourg',
      aller: '2026-12-10',
      retour: '2026-12-11',
      transport: 'Train',
      hotel: true,
      nuits: 1,
    },
    ageHours: 50,
    steps: [
      { by: SOPHIE, assign: SOPHIE },
      { by: SOPHIE, reply: 'Deux options de train : 7 h 04 ou 9 h 04. Laquelle préférez-vous ?', status: 'waiting_requester' },
    ],
  },
  {
    service: 'Badge d’accès',
    requester: LUKAS,
    title: 'Badge temporaire pour un intérimaire',
    description: 'Arrivée lundi prochain pour quatre semaines en production.',
    answers: {
      personne: `@${LUKAS}`,
      site: '@site:Strasbourg — Usine',
      type: 'Badge temporaire',
      debut: '2026-11-30',
      fin: '2026-12-24',
    },
    ageHours: 26,
    steps: [
      { by: ELODIE, assign: ELODIE },
      { by: ELODIE, note: 'Voir avec la sécurité du site : le modèle temporaire a changé.' },
    ],
  },
  {
    service: 'Préparation d’un comité de direction',
    requester: 'dirigeant@horizon.test',
    title: 'Comité de direction du 15 décembre',
    description: 'Ordre du jour habituel plus le budget 2027.',
    answers: { date: '2026-12-15', ordre_du_jour: '1. Résultats novembre\n2. Budget 2027\n3. Recrutements' },
    impact: 'high',
    urgency: 'medium',
    ageHours: 8,
    steps: [{ by: NADIA, assign: SOPHIE }],
  },
  {
    service: 'Demande de devis',
    requester: PRISCILLA,
    title: 'Devis climatisation de la salle de pause',
    description: 'La climatisation actuelle est en panne depuis septembre.',
    answers: { besoin: 'Remplacement d’un climatiseur mural 3,5 kW', nombre: 3 },
    ageHours: 70,
    steps: [
      { by: INES, assign: INES },
      { by: INES, reply: 'Trois devis reçus, je vous les transmets en pièce jointe.', status: 'resolved' },
    ],
  },
  {
    service: 'Numérisation du courrier entrant',
    requester: AMANDINE,
    title: 'Courrier du jour – agence de Marseille',
    description: 'Quatre plis dont un recommandé de l’URSSAF.',
    answers: { site: '@site:Marseille — Agence' },
    ageHours: 100,
    steps: [
      { by: LEA, assign: LEA },
      { by: LEA, reply: 'Courrier numérisé et classé dans l’archive.', status: 'resolved' },
      { by: LEA, status: 'closed' },
    ],
  },
  {
    service: 'Véhicule de service',
    requester: KEVIN,
    title: 'Utilitaire pour un déménagement de rayonnages',
    description: 'Transfert de rayonnages vers le site de Lyon.',
    answers: { site: '@site:Lille — Entrepôt', du: '2026-12-07', au: '2026-12-08', motif: 'Transfert de matériel' },
    ageHours: 45,
  },
  {
    service: 'Commande de fournitures',
    requester: PRISCILLA,
    title: 'Ramettes de papier et enveloppes',
    description: 'Stock presque épuisé à l’agence.',
    answers: { articles: '10 ramettes A4, 500 enveloppes C5', site: '@site:Saint-Denis — Agence La Réunion' },
    ageHours: 20,
    steps: [{ by: INES, assign: INES }],
  },
  {
    service: 'Organisation d’un événement interne',
    requester: JULIEN,
    title: 'Pot de fin d’année du siège',
    description: 'Vendredi 18 décembre à partir de 17 h, environ 80 personnes.',
    answers: { type: 'Fête de fin d’année', date: '2026-12-18', site: '@site:Lyon — Siège', participants: 80, budget: 1500 },
    ageHours: 6,
  },
];
