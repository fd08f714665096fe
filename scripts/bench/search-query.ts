/**
 * Search terms the bench times with the reader's own search (lib/dal/reader.ts searchArticles),
 * and the shape of its ranking query for EXPLAIN QUERY PLAN (keep in step with that function).
 */
export const SEARCH_TERMS = ["diabetes", "exercise blood pressure", "asthma inhaled", "postpartum", "migraine in older adults", "statin"];

export const SEARCH_RANK_SQL = `SELECT a.id FROM (SELECT rowid AS id, bm25(article_search, 5.0, 1.0, 1.0) AS score FROM article_search
    WHERE article_search MATCH ? ORDER BY score LIMIT 500) m
  JOIN articles a ON a.id = m.id
  WHERE a.live_revision_id IS NOT NULL OR ('on-submit' = 'on-submit' AND EXISTS (
    SELECT 1 FROM revisions w INDEXED BY revisions_id_state_updated_idx
    WHERE w.id = a.working_revision_id AND w.state IN ('submitted', 'under_review')))
  ORDER BY m.score`;
