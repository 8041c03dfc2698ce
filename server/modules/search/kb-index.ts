import { type SelectQueryBuilder, sql } from 'kysely';
import { markdownToText } from '../../../common/markdown.ts';
import type { Dialect, Kdb } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../platform/actor.ts';
import { tenant } from '../../platform/tenancy.ts';
import { highlight } from './highlight.ts';
import { fts5Score, PG_CONFIG, pgQuery, pgVector, tsQueryText } from './query.ts';
import { cleanText, MAX_TERMS, searchTerms } from './text.ts';

/**
 * Full-text index of knowledge-base articles (table `kb_search`, migration 0009), on the same French
 * analysis as requests: the title weighs more than the body, accents are folded on both dialects.
 * Visibility is the caller's: it passes the articles the actor may see as a query, checked per match in SQL.
 */

/** At most this many matches are ranked (a knowledge base is small: this is a safety bound). */
export const KB_SEARCH_CAP = 1000;
/** Words too common to suggest anything when a requester types a sentence (SQLite does not drop them). */
const STOPWORDS = new Set(
  'les des une un le la de du et en au aux pour par sur dans avec est sont pas que qui quoi comment mon ma mes ne je vous nous il elle on ce cette ces son sa ses leur plus tres bonjour merci svp'.split(
    ' ',
  ),
);

/** (Re)indexes one article with the writing transaction: title, and the plain text of its Markdown body. */
export async function indexArticle(trx: Kdb, dialect: Dialect, scope: Scope, articleId: string): Promise<void> {
  const row = await tenant
    .selectFrom(trx, scope, 'kb_articles')
    .select(['id', 'title', 'body'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!row) return;
  const doc = {
    article_id: row.id,
    organization_id: scope.organizationId,
    title_text: cleanText(row.title),
    body_text: cleanText(markdownToText(row.body)),
  };
  const values =
    dialect === 'postgres'
      ? {
          ...doc,
          tsv: pgVector([
            [doc.title_text, 'A'],
            [doc.body_text, 'B'],
          ]),
        }
      : doc;
  await trx
    .insertInto('kb_search')
    .values(values)
    .onConflict((oc) =>
      oc.column('article_id').doUpdateSet((eb) => ({
        title_text: eb.ref('excluded.title_text'),
        body_text: eb.ref('excluded.body_text'),
        ...(dialect === 'postgres' ? { tsv: eb.ref('excluded.tsv') } : {}),
      })),
    )
    .execute();
}

/** The candidate articles (any query over kb_articles), checked per match as a correlated EXISTS on the index row `s`. */
type Candidates = SelectQueryBuilder<DB, 'kb_articles', object>;
const visible = (candidates: Candidates) =>
  candidates.select(sql`1`.as('one')).where(sql<boolean>`kb_articles.id = s.article_id`);

export interface KbMatch {
  id: string;
  score: number;
}

/**
 * Ranked matches among the candidates. `every`: all terms required (search box); otherwise any term
 * (suggestions while typing a sentence, common words dropped), best matches first.
 */
export async function searchArticles(
  db: Kdb,
  dialect: Dialect,
  scope: Scope,
  q: string,
  candidates: Candidates,
  every = true,
): Promise<KbMatch[]> {
  const terms = every ? searchTerms(q) : await withoutCommon(db, dialect, scope, sentenceTerms(q));
  if (!terms.length) return [];
  const rows =
    dialect === 'postgres'
      ? await pgMatches(db, scope, terms, candidates, every)
      : await sqliteMatches(db, scope, terms, candidates, every);
  return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

/**
 * The words of a sentence being typed worth suggesting on: short and common words are dropped before
 * the MAX_TERMS cap, so that the end of a long sentence (what the requester just typed) still counts.
 */
function sentenceTerms(q: string): string[] {
  const words = (q.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).flatMap((w) => searchTerms(w));
  return [...new Set(words.filter((t) => t.length >= 3 && !STOPWORDS.has(t)))].slice(0, MAX_TERMS);
}

/** A typed word found in more than this share of the index (and in over COMMON_MIN articles) is dropped from suggestions. */
const COMMON_SHARE = 0.1;
const COMMON_MIN = 100;

/**
 * Suggestions match any term, so a word most articles contain (« savoir », « faire ») would make every
 * article a match, all of them scored, while it barely moves the ranking (bm25's idf is near zero): such
 * words are dropped, as a search engine's stop list would, keeping at least one term. Counted in the
 * organisation's own articles (nothing of another tenant weighs on its suggestions), in one statement.
 */
async function withoutCommon(db: Kdb, dialect: Dialect, scope: Scope, terms: string[]): Promise<string[]> {
  if (terms.length < 2) return terms;
  const org = scope.organizationId;
  const total = await tenant
    .selectFrom(db, scope, 'kb_search')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const limit = Math.floor(Math.max(COMMON_MIN, Number(total?.n ?? 0) * COMMON_SHARE));
  // Counting stops past the limit: a word in every article costs no more than one at the limit.
  const matches =
    dialect === 'postgres'
      ? (t: string) => sql`select 1 from kb_search where organization_id = ${org} and tsv @@ ${pgQuery([t])}`
      : (t: string) =>
          sql`select 1 from kb_search_fts cross join kb_search as s
            where kb_search_fts match ${`"${t}"*`} and s.id = kb_search_fts.rowid and s.organization_id = ${org}`;
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(
    terms.map((t, i) => sql`(select count(*) from (${matches(t)} limit ${limit + 1}) as m) as ${sql.id(`t${i}`)}`),
  )}`.execute(db);
  const row = rows[0] ?? {};
  const counted = terms.map((t, i) => ({ t, n: Number(row[`t${i}`]) }));
  const kept = counted.filter((c) => c.n <= limit).map((c) => c.t);
  if (kept.length) return kept;
  // Every word is common: keep the first (counts are capped, so « rarest » is not known).
  return terms.slice(0, 1);
}

async function sqliteMatches(db: Kdb, scope: Scope, terms: string[], candidates: Candidates, every: boolean) {
  const match = terms.map((t) => `"${t}"*`).join(every ? ' AND ' : ' OR ');
  const { rows } = await sql<KbMatch>`
    select s.article_id as id, ${fts5Score('kb_search_fts', [8, 1])} as score
    from kb_search_fts cross join kb_search as s
    where kb_search_fts match ${match} and s.id = kb_search_fts.rowid
      and s.organization_id = ${scope.organizationId} and exists ${visible(candidates)}
    order by score desc, s.article_id limit ${KB_SEARCH_CAP}`.execute(db);
  return rows;
}

async function pgMatches(db: Kdb, scope: Scope, terms: string[], candidates: Candidates, every: boolean) {
  const query = every ? pgQuery(terms) : sql`to_tsquery(${sql.lit(PG_CONFIG)}, ${tsQueryText(terms).replaceAll(' & ', ' | ')})`;
  // Title words (A) count ten times body words (B).
  const { rows } = await sql<KbMatch>`
    select s.article_id as id, ts_rank('{0.01, 0.02, 0.1, 1.0}'::real[], s.tsv, ${query}) as score
    from kb_search as s
    where s.organization_id = ${scope.organizationId} and s.tsv @@ ${query} and exists ${visible(candidates)}
    order by score desc, s.article_id limit ${KB_SEARCH_CAP}`.execute(db);
  return rows;
}

/** Highlighted snippets (⟦ ⟧) of the articles shown, body first then title. */
export async function kbSnippets(db: Kdb, scope: Scope, q: string, ids: string[]): Promise<Map<string, string>> {
  const terms = searchTerms(q);
  const out = new Map<string, string>();
  if (!terms.length || !ids.length) return out;
  const rows = await tenant
    .selectFrom(db, scope, 'kb_search')
    .select(['article_id', 'title_text', 'body_text'])
    .where('article_id', 'in', ids)
    .execute();
  for (const r of rows) {
    const snippet = highlight([r.body_text, r.title_text], terms, 24);
    if (snippet) out.set(r.article_id, snippet);
  }
  return out;
}
