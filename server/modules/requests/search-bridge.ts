import type { SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';

/** The requests a search may return: the actor's visible requests with the list's filters applied. */
export type SearchCandidates = SelectQueryBuilder<DB, 'requests', object>;

export interface SearchMatch {
  id: string;
  /** Relevance, higher is better (only comparable within one search). */
  rank: number;
}

/**
 * Full-text search of requests, provided by the search module at start-up so that requests does not
 * import it. `matches` answers the best matches among the candidates (visibility and filters are
 * applied inside the search's SQL, so a cap never hides an actor's own requests); `snippets` the
 * highlighted extracts of the rows actually shown (plain text, highlighted words between ⟦ and ⟧).
 */
export interface RequestSearcher {
  matches(ctx: Ctx, scope: Scope, q: string, candidates: SearchCandidates): Promise<SearchMatch[]>;
  snippets(ctx: Ctx, scope: Scope, q: string, ids: string[]): Promise<Map<string, string>>;
}

let searcher: RequestSearcher | null = null;

/** Called once by the search module when it is imported (server/modules/index.ts). */
export function setSearchMatcher(impl: RequestSearcher): void {
  searcher = impl;
}

function registered(): RequestSearcher {
  if (!searcher) throw new Error('search module not registered');
  return searcher;
}

/** Best matches first, capped (see the search module); empty when the query has nothing searchable. */
export function searchMatches(ctx: Ctx, scope: Scope, q: string, candidates: SearchCandidates): Promise<SearchMatch[]> {
  return registered().matches(ctx, scope, q, candidates);
}

/** Highlighted extracts by request id, for the page of results only. */
export function searchSnippets(ctx: Ctx, scope: Scope, q: string, ids: string[]): Promise<Map<string, string>> {
  return ids.length ? registered().snippets(ctx, scope, q, ids) : Promise.resolve(new Map());
}
