/**
 * The team assignment rules as pure functions over the team's candidates (no database): easy to test
 * and to explain. The caller (assignment.ts) loads the members, their availability and their load.
 */
import type { AssignmentNote } from '../../../common/assignment.ts';
import type { AssignmentRule } from '../../../common/requests.ts';

/** Open work weight of one request by priority (least loaded rule). */
export const PRIORITY_WEIGHTS: Record<string, number> = { P1: 4, P2: 3, P3: 2, P4: 1 };

export interface Candidate {
  userId: string;
  name: string;
  skills: readonly string[];
  /** Σ weight of the open requests assigned to this person. */
  load: number;
  /** Out-of-office until this instant (ISO), null when available. */
  unavailableUntil: string | null;
}

export interface Choice {
  pick: Candidate | null;
  note: AssignmentNote;
}

const norm = (s: string) => s.trim().toLocaleLowerCase('fr');

/** Available now: no out-of-office flag, or one that has already ended. */
export function isAvailable(c: Candidate, now: Date): boolean {
  return !c.unavailableUntil || new Date(c.unavailableUntil) <= now;
}

/**
 * The candidates in rotation order: a stable order (user id) starting right after the last person
 * assigned, so that round robin — and ties of the other rules — take turns even when people join or leave.
 */
export function rotation(candidates: readonly Candidate[], lastAssigneeId: string | null): Candidate[] {
  const ordered = [...candidates].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  if (!lastAssigneeId) return ordered;
  const next = ordered.findIndex((c) => c.userId > lastAssigneeId);
  return next <= 0 ? ordered : [...ordered.slice(next), ...ordered.slice(0, next)];
}

/** The least loaded person; ties go to whoever comes first in the rotation. */
export function leastLoaded(inRotation: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of inRotation) if (!best || c.load < best.load) best = c;
  return best;
}

/** People holding every required skill (case and surrounding spaces ignored). */
export function withSkills(candidates: readonly Candidate[], required: readonly string[]): Candidate[] {
  const wanted = required.map(norm);
  return candidates.filter((c) => {
    const has = new Set(c.skills.map(norm));
    return wanted.every((s) => has.has(s));
  });
}

/**
 * Applies a team's rule: manual leaves the request alone (null); otherwise the chosen person (or null
 * when nobody is available) and the note that explains the choice on the request.
 */
export function chooseAssignee(
  rule: AssignmentRule,
  members: readonly Candidate[],
  opts: { lastAssigneeId: string | null; requiredSkills: readonly string[]; now: Date },
): Choice | null {
  if (rule === 'manual') return null;
  const available = members.filter((c) => isAvailable(c, opts.now));
  const skipped = members.filter((c) => !isAvailable(c, opts.now)).map((c) => c.name);
  const order = rotation(available, opts.lastAssigneeId);
  const note: AssignmentNote = { rule, candidates: order.length };
  if (skipped.length) note.unavailable = skipped;
  let pick: Candidate | null;
  if (rule === 'round_robin') pick = order[0] ?? null;
  else if (rule === 'least_loaded') pick = leastLoaded(order);
  else {
    const required = opts.requiredSkills.filter((s) => s.trim());
    const qualified = required.length ? withSkills(order, required) : order;
    if (required.length) note.skill = [...required];
    if (qualified.length) {
      note.candidates = qualified.length;
      pick = leastLoaded(qualified);
    } else {
      if (order.length) note.fallback = true;
      pick = leastLoaded(order);
    }
  }
  if (pick && rule !== 'round_robin') note.load = pick.load;
  return { pick, note };
}
