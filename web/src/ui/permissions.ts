import type { Me } from '../api/types.ts';

/** Org-level check on the actions `GET /api/me` says the user may perform. */
export function can(me: Me | null | undefined, action: string): boolean {
  return !!me?.allowedActions.includes(action);
}

/** Per-object check on the `allowedActions` an API object carries (falls back to the org-level list). */
export function canOn(subject: { allowedActions?: string[] } | undefined, me: Me | null | undefined, action: string): boolean {
  if (subject?.allowedActions) return subject.allowedActions.includes(action);
  return can(me, action);
}

const ADMIN_ACTIONS = ['org.update', 'site.create', 'function.create', 'team.create', 'user.create'];

/** Does this user configure the organisation (key user, operator)? */
export function isAdmin(me: Me | null | undefined): boolean {
  return !!me?.organization && ADMIN_ACTIONS.some((a) => can(me, a));
}
