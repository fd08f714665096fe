import "server-only";
import type { Statement } from "better-sqlite3";
import { getDb } from "@/db";
import type { ArticleLifecycle } from "@/lib/domain";
import { readerStanding, type ReaderStanding } from "@/lib/workflow/lifecycle";

/**
 * What a reader URL of an article answers before any page is rendered (proxy.ts): a 410 notice
 * for a withdrawn or archived article, a 301 to an archived article's live successor, or nothing
 * to say (null: the page, or its 404, decides). One indexed point read, prepared once per process:
 * it runs for every article request, cached page or not, so a withdrawal is seen at once.
 */
type Row = {
  lifecycle: ArticleLifecycle;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  successorSlug: string | null;
  successorReadable: number | null;
};

const cache = globalThis as unknown as { vettedStandingStatement?: Statement<[string], Row> };

function statement(): Statement<[string], Row> {
  cache.vettedStandingStatement ??= getDb().$client.prepare<[string], Row>(
    `SELECT a.lifecycle AS lifecycle, a.withdrawn_at AS withdrawnAt, a.withdrawn_reason AS withdrawnReason,
       s.slug AS successorSlug, (s.lifecycle = 'active' AND s.live_revision_id IS NOT NULL) AS successorReadable
     FROM articles a LEFT JOIN articles s ON s.id = a.successor_article_id
     WHERE a.slug = ?`,
  );
  return cache.vettedStandingStatement;
}

export function readerStandingOf(slug: string): ReaderStanding | null {
  const row = statement().get(slug);
  if (!row || row.lifecycle === "active") return null;
  return readerStanding({ ...row, successorReadable: !!row.successorReadable });
}
