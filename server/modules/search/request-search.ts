import { sql } from 'kysely';
import type { Scope } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { tenant } from '../../platform/tenancy.ts';
import { isWorker } from '../requests/request-create.ts';
import type { RequestSearcher, SearchCandidates, SearchMatch } from '../requests/search-bridge.ts';
import { highlight } from './highlight.ts';
import { fts5Match, fts5Score, pgQuery, type Weight } from './query.ts';
import { searchTerms } from './text.ts';

/**
 * Bounds of one search, so that a common word costs the same on a million requests as on ten thousand:
 * the engine reads at most SCAN_CAP matches, the most recent first (visibility and filters applied in
 * the same SQL, so they are matches the actor may see), and ranks them; the best SEARCH_CAP are
 * returned. A vaguer query than that shows the best of the recent requests: refine it to go further back.
 */
export const SCAN_CAP = 5000;
export const SEARCH_CAP = 500;

/** FTS5 columns (migration order) and their bm25 weights: reference and title count most. */
const COLUMNS = ['ref_text', 'title_text', 'body_text', 'reply_text', 'note_text'] as const;
const WEIGHTS = [10, 6, 3, 2, 1];
/** What a requester (or anyone who does not work requests) may search: everything but internal notes. */
const PUBLIC_COLUMNS = COLUMNS.slice(0, 4);
const PUBLIC_WEIGHTS: Weight[] = ['A', 'B', 'C'];

/** Staff who work requests search internal notes too; everyone else only what the requester sees. */
const seesNotes = (ctx: Ctx) => !!ctx.actor && isWorker(ctx.actor);

/** The candidates as a correlated EXISTS on the index row `s`: visibility checked per match, in SQL. */
const visible = (candidates: SearchCandidates) =>
  candidates.select(sql`1`.as('one')).where(sql<boolean>`requests.id = s.request_id`);

type Scored = { id: string; score: number };

async function sqliteMatches(ctx: Ctx, scope: Scope, terms: string[], candidates: SearchCandidates) {
  const notes = seesNotes(ctx);
  const match = fts5Match(terms, notes ? undefined : PUBLIC_COLUMNS);
  // A requester's ranking must not depend on words of the notes either: their weight is 0.
  const score = fts5Score('request_search_fts', notes ? WEIGHTS : [...WEIGHTS.slice(0, 4), 0]);
  // CROSS JOIN keeps the FTS index as the outer loop, read newest first (rowid desc) until SCAN_CAP.
  const { rows } = await sql<Scored>`
    select id, score from (
      select s.request_id as id, ${score} as score
      from request_search_fts cross join request_search as s
      where request_search_fts match ${match} and s.id = request_search_fts.rowid
        and s.organization_id = ${scope.organizationId} and exists ${visible(candidates)}
      order by request_search_fts.rowid desc limit ${SCAN_CAP})
    order by score desc, id limit ${SEARCH_CAP}`.execute(ctx.database.db);
  return rows;
}

async function pgMatches(ctx: Ctx, scope: Scope, terms: string[], candidates: SearchCandidates) {
  const query = pgQuery(terms, seesNotes(ctx) ? [] : PUBLIC_WEIGHTS);
  // Newest first (UUIDv7 ids) until SCAN_CAP: the planner walks the primary key backwards for a common
  // word and uses the GIN index for a rare one.
  const { rows } = await sql<Scored>`
    select m.id, ts_rank(m.tsv, ${query}) as score from (
      select s.request_id as id, s.tsv from request_search as s
      where s.organization_id = ${scope.organizationId} and s.tsv @@ ${query} and exists ${visible(candidates)}
      order by s.request_id desc limit ${SCAN_CAP}) as m
    order by score desc, m.id limit ${SEARCH_CAP}`.execute(ctx.database.db);
  return rows;
}

async function matches(ctx: Ctx, scope: Scope, q: string, candidates: SearchCandidates): Promise<SearchMatch[]> {
  const terms = searchTerms(q);
  if (!terms.length) return [];
  const search = ctx.database.dialect === 'postgres' ? pgMatches : sqliteMatches;
  return (await search(ctx, scope, terms, candidates)).map((r) => ({ id: r.id, rank: Number(r.score) }));
}

/** Snippets of the rows shown: description and answers first, then replies, notes (staff), title. */
async function snippets(ctx: Ctx, scope: Scope, q: string, ids: string[]): Promise<Map<string, string>> {
  const terms = searchTerms(q);
  if (!terms.length || !ids.length) return new Map();
  const notes = seesNotes(ctx);
  const rows = await tenant
    .selectFrom(ctx.database.db, scope, 'request_search')
    .select(['request_id', 'body_text', 'reply_text', 'note_text', 'title_text'])
    .where('request_id', 'in', ids)
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const snippet = highlight([r.body_text, r.reply_text, notes ? r.note_text : '', r.title_text], terms);
    if (snippet) out.set(r.request_id, snippet);
  }
  return out;
}

/** The full-text search of requests, as the requests list consumes it through its bridge. */
export const requestSearcher: RequestSearcher = { matches, snippets };
