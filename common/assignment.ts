/**
 * Why a request went to someone: the note the server stores on the request (`assignment_note`) and the
 * sentence shown next to the assignee, built here so the server and the web say exactly the same thing.
 * Shared by server and web: no zod, no Node, no DOM.
 */
import type { Locale } from './messages.ts';
import type { AssignmentRule } from './requests.ts';

export interface AssignmentNote {
  /** The team's rule, 'manual' for a person's choice, 'template' for a recurring request's named assignee. */
  rule: AssignmentRule | 'template';
  /** How many people the final choice was made among (after skills and availability). */
  candidates?: number;
  /** Skills the service requires (skills rule). */
  skill?: string[];
  /** Weighted open work of the chosen person before this request (P1 4, P2 3, P3 2, P4 1). */
  load?: number;
  /** Nobody had the required skills: chosen among every available member instead. */
  fallback?: boolean;
  /** Members skipped because they are marked unavailable. */
  unavailable?: string[];
}

const NB = '\u00a0';

const fr = {
  people: (n: number) => (n === 1 ? 'la seule personne' : `la moins chargée parmi ${n}${NB}personnes`),
  skills: (s: string[]) =>
    s.length === 1
      ? `ayant la compétence «${NB}${s[0]}${NB}»`
      : `ayant les compétences ${s.map((x) => `«${NB}${x}${NB}»`).join(', ')}`,
  noSkill: (s: string[]) =>
    s.length === 1
      ? `personne n’a la compétence «${NB}${s[0]}${NB}»`
      : `personne n’a toutes les compétences ${s.map((x) => `«${NB}${x}${NB}»`).join(', ')}`,
  available: 'disponible',
  availablePlural: 'disponibles',
  roundRobin: (n: number) => (n === 1 ? 'la seule personne disponible' : `à tour de rôle parmi ${n}${NB}personnes`),
  assigned: (name: string, why: string) => `Attribuée à ${name}${NB}: ${why}`,
  manual: (name: string) => `Attribuée à ${name} manuellement`,
  template: (name: string) => `Attribuée à ${name}${NB}: personne désignée par la demande récurrente`,
  nobody: 'Non attribuée\u00a0: aucune personne disponible dans l’équipe',
  skipped: (names: string[]) => `Indisponibles, écartées${NB}: ${names.join(', ')}`,
};

const en = {
  people: (n: number) => (n === 1 ? 'the only person' : `least loaded of ${n} people`),
  skills: (s: string[]) => (s.length === 1 ? `with the skill “${s[0]}”` : `with the skills ${s.map((x) => `“${x}”`).join(', ')}`),
  noSkill: (s: string[]) =>
    s.length === 1 ? `nobody has the skill “${s[0]}”` : `nobody has all the skills ${s.map((x) => `“${x}”`).join(', ')}`,
  available: 'available',
  availablePlural: 'available',
  roundRobin: (n: number) => (n === 1 ? 'the only available person' : `round robin among ${n} people`),
  assigned: (name: string, why: string) => `Assigned to ${name}: ${why}`,
  manual: (name: string) => `Assigned to ${name} manually`,
  template: (name: string) => `Assigned to ${name}: named by the recurring request`,
  nobody: 'Not assigned: nobody available in the team',
  skipped: (names: string[]) => `Unavailable, skipped: ${names.join(', ')}`,
};

/** The reason part of the sentence for the automatic rules. */
function reason(t: typeof fr, note: AssignmentNote): string {
  const n = note.candidates ?? 0;
  if (note.rule === 'round_robin') return t.roundRobin(n);
  const skills = note.skill ?? [];
  if (note.rule === 'skills' && skills.length && !note.fallback) return `${t.people(n)} ${t.skills(skills)}`;
  const base = `${t.people(n)} ${n === 1 ? t.available : t.availablePlural}`;
  return note.fallback && skills.length ? `${base} (${t.noSkill(skills)})` : base;
}

/**
 * The sentence explaining an assignment, e.g. « Attribuée à Claire Martin : la moins chargée parmi
 * 3 personnes ayant la compétence « paie » ». `name` is null when the rule found nobody.
 */
export function explainAssignment(note: AssignmentNote | null | undefined, name: string | null, locale: Locale = 'fr'): string {
  if (!note) return '';
  const t = locale === 'en' ? en : fr;
  let sentence: string;
  if (!name) sentence = t.nobody;
  else if (note.rule === 'manual') sentence = t.manual(name);
  else if (note.rule === 'template') sentence = t.template(name);
  else sentence = t.assigned(name, reason(t, note));
  const skipped = note.unavailable?.length ? `. ${t.skipped(note.unavailable)}` : '';
  return `${sentence}${skipped}.`;
}
