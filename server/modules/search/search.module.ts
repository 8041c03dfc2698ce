import { registerTask } from '../../platform/scheduler.ts';
import { onRequestWritten } from '../requests/requests.hooks.ts';
import { setSearchMatcher } from '../requests/search-bridge.ts';
import { indexMissing, indexRequests } from './request-index.ts';
import { requestSearcher } from './request-search.ts';

/**
 * The search module, wired at import time (server/modules/index.ts imports this file): every write to a
 * request re-indexes it in the writing transaction, the requests list searches through the bridge, and
 * a background task indexes requests that have no index row yet (written before the search migration).
 */
onRequestWritten((trx, database, scope, requestId) => indexRequests(trx, database.dialect, scope, [requestId]));
setSearchMatcher(requestSearcher);
registerTask({
  name: 'search-backfill',
  everyMs: 10 * 60_000,
  async run(deps) {
    await indexMissing(deps.database);
  },
});

export { indexMissing, indexRequests, rebuildSearchIndex, referenceText } from './request-index.ts';
export { highlight } from './highlight.ts';
export { requestSearcher, SCAN_CAP, SEARCH_CAP } from './request-search.ts';
export { fts5Match, fts5Score, PG_CONFIG, pgQuery, pgVector, tsQueryText } from './query.ts';
export { cleanText, flattenValues, foldText, hasMark, MARK_END, MARK_START, searchTerms, wordsOf } from './text.ts';
