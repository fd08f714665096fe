/**
 * Search terms the bench times with the reader's own search (lib/dal/reader.ts searchArticles),
 * and the shape of its ranking query for EXPLAIN QUERY PLAN (keep in step with that function).
 */
export const SEARCH_TERMS = ["diabetes", "exercise blood pressure", "asthma inhaled", "postpartum", "migraine in older adults", "statin"];

export const SEARCH_RANK_SQL = `SELECT a.id FROM article_search JOIN articles a ON a.id = article_search.rowid
  WHERE article_search MATCH ?
    AND (a.live_revision_id IS NOT NULL OR ('on-submit' = 'on-submit' AND EXISTS (
      SELECT 1 FROM revisions w INDEXED BY revisions_id_state_updated_idx
      WHERE w.id = a.working_revision_id AND w.state IN ('submitted', 'under_review'))))
  ORDER BY bm25(article_search, 5.0, 1.0, 1.0) LIMIT 500`;
