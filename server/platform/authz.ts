import type { ActorRole } from '../../common/roles.ts';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';

/** A subject an action applies to; `siteId` lets rules say "only on my own site". */
export interface Subject {
  siteId?: string | null;
  userId?: string | null;
  /** People party to the subject (a request's requester and watchers). */
  parties?: readonly string[];
  /** A restricted subject (confidential request): staff must be named in `cleared`. */
  restricted?: boolean;
  cleared?: readonly string[];
  /** The role named to approve the subject, while it waits for approval. */
  approvalRole?: string | null;
}

export interface Rule {
  roles: readonly ActorRole[];
  /**
   * ownSite: the subject's site is the actor's home site; self: the subject is the actor; party: the actor
   * is one of the subject's parties; cleared: the subject is not restricted or names the actor;
   * approver: the actor holds the role named to approve the subject.
   */
  when?: 'ownSite' | 'self' | 'party' | 'cleared' | 'approver';
}
export type Policy = Record<string, readonly Rule[]>;

const registry = new Map<string, readonly Rule[]>();

/** Registers a module's declarative policy (called from each `*.policy.ts`). */
export function definePolicy<P extends Policy>(policy: P): P {
  for (const [action, rules] of Object.entries(policy)) {
    if (registry.has(action)) throw new Error(`action déclarée deux fois : ${action}`);
    registry.set(action, rules);
  }
  return policy;
}

export function rulesFor(action: string): readonly Rule[] | undefined {
  return registry.get(action);
}

export function actorRoles(actor: Actor): ActorRole[] {
  const roles: ActorRole[] = actor.role ? [actor.role] : [];
  if (actor.isOperator && !roles.includes('operator')) roles.push('operator');
  return roles;
}

/** True when one rule of the action lets this actor act on this subject. Unknown actions are denied. */
export function can(actor: Actor, action: string, subject: Subject = {}): boolean {
  const rules = registry.get(action);
  if (!rules) return false;
  const roles = actorRoles(actor);
  return rules.some((rule) => {
    if (!rule.roles.some((r) => roles.includes(r))) return false;
    if (rule.when === 'ownSite') return !!subject.siteId && subject.siteId === actor.siteId;
    if (rule.when === 'self') return subject.userId === actor.userId;
    if (rule.when === 'party') return !!subject.parties?.includes(actor.userId);
    if (rule.when === 'cleared') return !subject.restricted || !!subject.cleared?.includes(actor.userId);
    if (rule.when === 'approver') return !!subject.approvalRole && roles.includes(subject.approvalRole as ActorRole);
    return true;
  });
}

/** The one authorization check (DESIGN rule 2): throws 403 when the actor may not. */
export function authorize(actor: Actor, action: string, subject: Subject = {}): void {
  if (!can(actor, action, subject)) throw new AppError('forbidden');
}

/** Actions the actor may perform on a subject, sent with API responses so the UI hides the rest. */
export function allowedActions(actor: Actor, actions: readonly string[], subject: Subject = {}): string[] {
  return actions.filter((a) => can(actor, a, subject));
}

export const ANY_MEMBER: readonly Rule[] = [
  { roles: ['requester', 'assistant', 'coordinator', 'org_admin', 'external_agent', 'dpo', 'executive', 'operator'] },
];
export const STAFF_READ: readonly Rule[] = [
  { roles: ['assistant', 'coordinator', 'org_admin', 'external_agent', 'dpo', 'executive', 'operator'] },
];
export const ADMINS: readonly Rule[] = [{ roles: ['org_admin', 'operator'] }];

export function registeredActions(): string[] {
  return [...registry.keys()];
}
