/** The knowledge-base screens (help centre, article page, staff list, editor), loaded together on first visit. */
export { ArticleEditorPage } from './editor/ArticleEditorPage.tsx';
export { ArticlePage } from './help/ArticlePage.tsx';
export { HelpCentrePage } from './help/HelpCentrePage.tsx';
export { KbListPage } from './manage/KbListPage.tsx';
