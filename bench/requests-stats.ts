/**
 * What a benchmarked data set holds (requests, open ones, timeline rows, matches of each search word),
 * read directly from the copy before the server starts, so the figures can be read against it.
 */
import { sql } from 'kysely';
import { OPEN_STATUSES } from '../common/requests.ts';
import { openDatabase } from '../server/db/database.ts';
import { fts5Match, pgQuery } from '../server/modules/search/query.ts';
import { searchTerms } from '../server/modules/search/text.ts';
import type { Dataset } from './datasets.ts';

export interface DatasetStats {
  requests: number;
  open: number;
  events: number;
  access: number;
  /** Requests matching each search word (the whole organisation, before visibility). */
  matches: Record<string, number>;
}

/** Counts of the data set (see DatasetStats). */
export async function datasetStats(ds: Dataset, words: string[]): Promise<DatasetStats> {
  const database = await openDatabase(ds.url);
  const db = database.db;
  const count = async (table: 'requests' | 'request_events' | 'request_access', open = false) => {
    let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (open) q = q.where('status' as never, 'in', OPEN_STATUSES as never);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  try {
    const matches: Record<string, number> = {};
    for (const word of words) {
      const terms = searchTerms(word);
      const query =
        ds.dialect === 'sqlite'
          ? sql<{ n: number }>`select count(*) as n from request_search_fts where request_search_fts match ${fts5Match(terms)}`
          : sql<{ n: number }>`select count(*) as n from request_search where tsv @@ ${pgQuery(terms)}`;
      matches[word] = Number((await query.execute(db)).rows[0]?.n ?? 0);
    }
    return {
      requests: await count('requests'),
      open: await count('requests', true),
      events: await count('request_events'),
      access: await count('request_access'),
      matches,
    };
  } finally {
    await database.destroy();
  }
}
