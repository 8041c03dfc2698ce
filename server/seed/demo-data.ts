import type { Role } from '../../common/roles.ts';
import type { TSiteInput } from '../modules/org/org.schemas.ts';

/** The one documented demo password (README, start-up banner). */
export const DEMO_PASSWORD = 'relais-demo';

const SPLIT: [string, string][] = [
  ['08:30', '12:30'],
  ['13:30', '17:30'],
];
const weekdays = (ranges: [string, string][]) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
  sat: [],
  sun: [],
});

export const HORIZON_SITES: (TSiteInput & { key: string })[] = [
  {
    key: 'lyon',
    name: 'Lyon — Siège',
    address: '12 quai Saint-Antoine, 69002 Lyon',
    timezone: 'Europe/Paris',
    holidayRegion: 'metropole',
    businessHours: weekdays(SPLIT),
  },
  {
    key: 'strasbourg',
    name: 'Strasbourg — Usine',
    address: '4 rue du Port-du-Rhin, 67100 Strasbourg',
    timezone: 'Europe/Paris',
    holidayRegion: '67',
    businessHours: weekdays(SPLIT),
  },
  {
    key: 'marseille',
    name: 'Marseille — Agence',
    address: '25 boulevard de Paris, 13002 Marseille',
    timezone: 'Europe/Paris',
    holidayRegion: 'metropole',
    businessHours: weekdays(SPLIT),
  },
  {
    key: 'lille',
    name: 'Lille — Entrepôt',
    address: '180 rue de l’Épinette, 59810 Lesquin',
    timezone: 'Europe/Paris',
    holidayRegion: 'metropole',
    businessHours: weekdays([['07:00', '15:00']]),
  },
  {
    key: 'reunion',
    name: 'Saint-Denis — Agence La Réunion',
    address: '10 rue de Paris, 97400 Saint-Denis',
    timezone: 'Indian/Reunion',
    holidayRegion: 'RE',
    businessHours: weekdays(SPLIT),
  },
];

export const HORIZON_FUNCTIONS = [
  { name: 'Ressources humaines', code: 'RH' },
  { name: 'Finance', code: 'FIN' },
  { name: 'Achats', code: 'ACH' },
  { name: 'Services généraux', code: 'SG' },
  { name: 'Direction', code: 'DIR' },
];

export interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  site: string | null;
  /** Matched against the services' required skills by the teams' assignment rules. */
  skills?: string[];
}

/** One account per role (the documented ones) plus the rest of the pool and requesters on each site. */
export const HORIZON_PEOPLE: DemoPerson[] = [
  { email: 'referent@horizon.test', name: 'Marc Dubois', role: 'org_admin', site: 'lyon' },
  { email: 'dirigeant@horizon.test', name: 'Claire Martin', role: 'executive', site: 'lyon' },
  { email: 'coordinatrice@horizon.test', name: 'Nadia Lefèvre', role: 'coordinator', site: 'lyon' },
  {
    email: 'assistante@horizon.test',
    name: 'Sophie Bernard',
    role: 'assistant',
    site: 'lyon',
    skills: ['paie', 'juridique', 'direction'],
  },
  {
    email: 'lea.moreau@horizon.test',
    name: 'Léa Moreau',
    role: 'assistant',
    site: 'marseille',
    skills: ['comptabilite', 'voyages'],
  },
  { email: 'thomas.garnier@horizon.test', name: 'Thomas Garnier', role: 'assistant', site: 'lille', skills: ['comptabilite'] },
  {
    email: 'ines.benali@horizon.test',
    name: 'Inès Benali',
    role: 'assistant',
    site: 'reunion',
    skills: ['voyages', 'juridique'],
  },
  {
    email: 'elodie.schmitt@horizon.test',
    name: 'Élodie Schmitt',
    role: 'assistant',
    site: 'strasbourg',
    skills: ['comptabilite'],
  },
  { email: 'agent-rh@horizon.test', name: 'Karim Haddad', role: 'external_agent', site: null, skills: ['paie', 'rh'] },
  { email: 'dpo@horizon.test', name: 'Isabelle Roux', role: 'dpo', site: 'lyon' },
  { email: 'demandeur@horizon.test', name: 'Julien Petit', role: 'requester', site: 'lyon' },
  { email: 'lukas.meyer@horizon.test', name: 'Lukas Meyer', role: 'requester', site: 'strasbourg' },
  { email: 'amandine.lopez@horizon.test', name: 'Amandine Lopez', role: 'requester', site: 'marseille' },
  { email: 'kevin.dumont@horizon.test', name: 'Kévin Dumont', role: 'requester', site: 'lille' },
  { email: 'priscilla.payet@horizon.test', name: 'Priscilla Payet', role: 'requester', site: 'reunion' },
];

export const HORIZON_TEAMS = [
  {
    key: 'pool',
    name: 'Pôle assistantes Horizon',
    model: 'shared_pool' as const,
    coordinator: 'coordinatrice@horizon.test',
    members: ['assistante@horizon.test', 'lea.moreau@horizon.test', 'thomas.garnier@horizon.test', 'ines.benali@horizon.test'],
    sites: ['lyon', 'marseille', 'lille', 'reunion'],
    functions: ['FIN', 'ACH', 'SG', 'DIR'],
    providerName: null,
    contractRef: null,
    assignmentRule: 'skills' as const,
  },
  {
    key: 'strasbourg',
    name: 'Assistante dédiée Strasbourg',
    model: 'dedicated' as const,
    coordinator: 'coordinatrice@horizon.test',
    members: ['elodie.schmitt@horizon.test'],
    sites: ['strasbourg'],
    functions: ['FIN', 'ACH', 'SG', 'DIR'],
    providerName: null,
    contractRef: null,
    assignmentRule: 'manual' as const,
  },
  {
    key: 'rh',
    name: 'RH & paie externalisées — PaieServices',
    model: 'outsourced' as const,
    coordinator: null,
    members: ['agent-rh@horizon.test'],
    sites: ['lyon', 'strasbourg', 'marseille', 'lille', 'reunion'],
    functions: ['RH'],
    providerName: 'PaieServices SAS',
    contractRef: 'CTR-2026-014',
    assignmentRule: 'skills' as const,
  },
];

export const HORIZON_CLOSURES = [
  { site: 'lille', startsOn: '2026-12-28', endsOn: '2026-12-31', label: 'Inventaire annuel de l’entrepôt' },
  { site: 'lyon', startsOn: '2027-05-07', endsOn: '2027-05-07', label: 'Pont de l’Ascension' },
];

export const BELLEVUE = {
  site: {
    key: 'nantes',
    name: 'Nantes — Atelier',
    address: '3 rue de la Tannerie, 44000 Nantes',
    timezone: 'Europe/Paris',
    holidayRegion: 'metropole' as const,
    businessHours: weekdays(SPLIT),
  },
  functions: [{ name: 'Administration', code: 'ADM' }],
  people: [
    { email: 'referent@bellevue.test', name: 'Hugo Lambert', role: 'org_admin', site: 'nantes' },
    { email: 'coordinatrice@horizon.test', name: 'Nadia Lefèvre', role: 'coordinator', site: 'nantes' },
    { email: 'demandeur@bellevue.test', name: 'Chloé Girard', role: 'requester', site: 'nantes' },
  ] as DemoPerson[],
};

/** The documented demo accounts: one per role, plus the second organisation's key user. */
export const DEMO_ACCOUNTS: { email: string; role: string; label: string }[] = [
  { email: 'operateur@relais.test', role: 'operator', label: 'Opérateur (plateforme)' },
  { email: 'dirigeant@horizon.test', role: 'executive', label: 'Dirigeant' },
  { email: 'demandeur@horizon.test', role: 'requester', label: 'Demandeur (Lyon)' },
  { email: 'assistante@horizon.test', role: 'assistant', label: 'Assistante (pôle mutualisé)' },
  { email: 'coordinatrice@horizon.test', role: 'coordinator', label: 'Coordinatrice (2 organisations)' },
  { email: 'referent@horizon.test', role: 'org_admin', label: 'Référent' },
  { email: 'agent-rh@horizon.test', role: 'external_agent', label: 'Direction externalisée (RH/paie)' },
  { email: 'dpo@horizon.test', role: 'dpo', label: 'DPO / Auditeur' },
  { email: 'referent@bellevue.test', role: 'org_admin', label: 'Référent, Atelier Bellevue' },
];
