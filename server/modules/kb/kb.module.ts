/**
 * The knowledge-base module, wired by server/modules/index.ts: its policy and loaders, the hourly review
 * watch, and its two route plugins (spaces and read-outs; articles).
 */
import './kb.policy.ts';
import './review-watch.ts';

export { kbArticleRoutes } from './articles.routes.ts';
export { kbSpaceRoutes } from './spaces.routes.ts';
