/** Self-help figures of the portal (`GET /api/portal/deflection/stats`), shared by the server and the web. */
export interface DeflectionStats {
  from: string;
  to: string;
  sessions: number;
  withSuggestions: number;
  articleOpened: number;
  submittedAnyway: number;
  abandonedAfterArticle: number;
  abandonedWithoutArticle: number;
  deflected: number;
  /** deflected / sessions with suggestions; null when no suggestion was shown. */
  deflectionRate: number | null;
}
