import { type RawBuilder, sql } from 'kysely';
import { wordsOf } from './text.ts';

/**
 * Query building for both engines, generic over the index (requests, knowledge base, chat): the terms
 * come from `searchTerms` (letters and digits only), so quoting them cannot inject engine syntax.
 */

/** PostgreSQL text search configuration created by the search migration (French, accents folded). */
export const PG_CONFIG = 'relais_fr';
const CONFIG = sql.lit(PG_CONFIG);

/** PostgreSQL weights, from the most to the least important field. */
export type Weight = 'A' | 'B' | 'C' | 'D';

/**
 * FTS5 MATCH expression: every term required, each a prefix (`"fourn"*`), optionally restricted to
 * some columns (`{title body} : (...)`), so a requester never matches words of an internal column.
 */
export function fts5Match(terms: readonly string[], columns?: readonly string[]): string {
  const all = terms.map((t) => `"${t}"*`).join(' AND ');
  return columns?.length ? `{${columns.join(' ')}} : (${all})` : all;
}

/** `to_tsquery` text: every term required, each a prefix (`'fourn':*`), optionally limited to weights. */
export function tsQueryText(terms: readonly string[], weights: readonly Weight[] = []): string {
  return terms.map((t) => `'${t}':*${weights.join('')}`).join(' & ');
}

/** The PostgreSQL query value for the terms (stemmed and unaccented like the documents). */
export function pgQuery(terms: readonly string[], weights: readonly Weight[] = []): RawBuilder<unknown> {
  return sql`to_tsquery(${CONFIG}, ${tsQueryText(terms, weights)})`;
}

/**
 * A weighted tsvector from texts, computed by PostgreSQL from their words (see `wordsOf`): what the app
 * writes into a tsvector column on each change (unaccent is not IMMUTABLE: no generated column).
 */
export function pgVector(fields: readonly [text: string, weight: Weight][]): RawBuilder<unknown> {
  const parts = fields.map(([text, weight]) => sql`setweight(to_tsvector(${CONFIG}, ${wordsOf(text)}), ${sql.lit(weight)})`);
  return sql`(${sql.join(parts, sql` || `)})`;
}

/** bm25 of an FTS5 row with per-column weights, as a score where higher is better. */
export function fts5Score(table: string, weights: readonly number[]): RawBuilder<number> {
  return sql<number>`-bm25(${sql.table(table)}, ${sql.raw(weights.map((w) => w.toFixed(2)).join(', '))})`;
}
