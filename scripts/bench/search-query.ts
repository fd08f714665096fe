import type Database from "better-sqlite3";

/**
 * A representative reader search until the reader branch's own search DAL is merged: FTS5 MATCH
 * ranked by bm25, the top 20 with a snippet, narrowed by the publish policy (the index holds what
 * readers could see under `on-submit`). After merging, point dal-timing.ts at the real function.
 */
export const SEARCH_TERMS = ["diabetes", "exercise blood pressure", "asthma inhaled", "postpartum", "migraine in older adults", "statin"];

const BASE = `SELECT a.slug, s.question, snippet(article_search, 1, '<mark>', '</mark>', '…', 12) AS snippet
  FROM article_search s JOIN articles a ON a.id = s.rowid
  WHERE article_search MATCH ?`;
export const SEARCH_SQL = {
  onSubmit: `${BASE} ORDER BY s.rank LIMIT 20`,
  approvedOnly: `${BASE} AND a.live_revision_id IS NOT NULL ORDER BY s.rank LIMIT 20`,
};

/**
 * Reader input → an FTS5 query of quoted terms (no operators from the user). Only the last term is
 * a prefix (for a half-typed word): prefix terms expand to every matching token and cost more.
 */
export function ftsQuery(input: string): string {
  const words = input
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
  return words.map((w, i) => (i === words.length - 1 && w.length >= 3 ? `"${w}"*` : `"${w}"`)).join(" ");
}

export function searchArticles(db: Database.Database, input: string, policy: "on-submit" | "approved-only") {
  const stmt = db.prepare(policy === "on-submit" ? SEARCH_SQL.onSubmit : SEARCH_SQL.approvedOnly);
  return stmt.all(ftsQuery(input));
}
