import type { Scope } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';

export interface SearchMatch {
  id: string;
  rank: number;
  snippet: string;
}

/**
 * Full-text matches for a list's `q`, best first (ids only; the list applies visibility and filters).
 * Set by the search module at start-up, so requests does not import it.
 */
let matcher: ((ctx: Ctx, scope: Scope, q: string) => Promise<SearchMatch[]>) | null = null;

export function setSearchMatcher(fn: typeof matcher): void {
  matcher = fn;
}

export async function searchMatches(ctx: Ctx, scope: Scope, q: string): Promise<SearchMatch[]> {
  if (!matcher) throw new Error('search module not registered');
  return matcher(ctx, scope, q);
}
