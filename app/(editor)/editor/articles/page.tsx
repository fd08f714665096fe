import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleIndexFilters } from "@/components/articles/article-index-filters";
import { ArticleIndexTable } from "@/components/articles/article-index-table";
import { BULK_FORM_ID, BulkActions } from "@/components/articles/bulk-actions";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { articleIndexCounts, articleIndexOptions, articleIndexPage } from "@/lib/dal/article-index";
import { requireUser } from "@/lib/dal/session";
import { STATE_LABELS, WORKFLOW_STATES } from "@/lib/domain";
import { canAssignReviewers, canListAllArticles, canStartReReview, canUseEditorArea } from "@/lib/permissions";
import { articleIndexQuery, parseArticleIndexFilter } from "@/lib/validations/article-index";

export const metadata: Metadata = { title: "Articles" };
export const dynamic = "force-dynamic";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/**
 * Every article in every state, searched, filtered and sorted in the URL (bookmarkable), 50 a page
 * by a keyset cursor. Editors and admins see all; a reviewer sees the articles assigned to them.
 */
export default async function ArticleIndexPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!canUseEditorArea(user)) notFound();
  const { filter, ignored } = parseArticleIndexFilter(await searchParams);
  const all = canListAllArticles(user);
  const page = articleIndexPage(user, filter);
  const counts = articleIndexCounts(user, filter);
  const options = articleIndexOptions();
  const query = articleIndexQuery(filter);
  const bulk = { canReReview: canStartReReview(user), canAssign: canAssignReviewers(user) };
  const selectable = bulk.canReReview || bulk.canAssign;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">{all ? "Articles" : "Articles assigned to you"}</h1>
        <a href={`/editor/articles/export${query}`} className={buttonClass("secondary", "no-underline")} download>
          Export CSV
        </a>
      </div>

      <ArticleIndexFilters filter={filter} options={options} showPeople={all} />

      {ignored.length > 0 && (
        <Alert tone="warning">Some of this link’s filters could not be read and were left out: {ignored.join(", ")}.</Alert>
      )}
      {page.badCursor && <Alert tone="warning">That page link has expired; showing the first page.</Alert>}
      {page.search?.kind === "reference" && (
        <p className="text-sm">
          Articles citing <span className="font-mono">@{page.search.label}</span>.
        </p>
      )}

      <nav aria-label="Articles by state">
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="state-counts">
          <li>
            <Link
              href={`/editor/articles${articleIndexQuery(filter, { state: null })}`}
              aria-current={!filter.state ? "page" : undefined}
              className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 no-underline hover:bg-slate-50 aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold"
            >
              All{" "}
              {Object.values(counts.byState)
                .reduce((a, b) => a + b, 0)
                .toLocaleString("en-GB")}
            </Link>
          </li>
          {WORKFLOW_STATES.map((s) => (
            <li key={s}>
              <Link
                href={`/editor/articles${articleIndexQuery(filter, { state: s })}`}
                aria-current={filter.state === s ? "page" : undefined}
                className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 no-underline hover:bg-slate-50 aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold"
              >
                {STATE_LABELS[s]} {counts.byState[s].toLocaleString("en-GB")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <p className="text-sm text-muted" data-testid="index-total">
        {plural(counts.total, "article matches", "articles match")}
        {filter.cursor && !page.badCursor ? " (a later page)" : ""}
      </p>

      {page.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-muted">
          No articles match. Try fewer filters or other words.
        </p>
      ) : (
        <ArticleIndexTable rows={page.rows} selectForm={selectable ? BULK_FORM_ID : undefined} />
      )}
      {selectable && <BulkActions viewQuery={query} viewTotal={counts.total} reviewers={options.reviewers} {...bulk} />}

      {(filter.cursor || page.next) && (
        <nav aria-label="Article pages">
          <ul className="flex items-center justify-between gap-4 text-sm">
            <li>
              {filter.cursor ? (
                <Link href={`/editor/articles${query}`} className={buttonClass("secondary", "no-underline")}>
                  First page
                </Link>
              ) : null}
            </li>
            <li>
              {page.next ? (
                <Link
                  href={`/editor/articles${articleIndexQuery(filter, { cursor: page.next })}`}
                  rel="next"
                  className={buttonClass("secondary", "no-underline")}
                >
                  Next page
                </Link>
              ) : null}
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}
