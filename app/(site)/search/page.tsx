import type { Metadata } from "next";
import { READER_STATUS_TEXT } from "@/components/reader/article-list";
import { SearchForm } from "@/components/reader/search-form";
import { searchArticles } from "@/lib/dal/reader";
import { articlePath } from "@/lib/reader/site-url";
import { parsePage, SEARCH_PAGE_SIZE, snippetParts, toSearchQuery } from "@/lib/reader/search-query";

export const metadata: Metadata = {
  title: "Search",
  description: "Search our reviewed medical answers.",
  alternates: { canonical: "/search" },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageHref(q: string, page: number) {
  return `/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ""}`;
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const q = (Array.isArray(params.q) ? params.q[0] : (params.q ?? "")).slice(0, 200).trim();
  const page = parsePage(params.page);
  const fts = toSearchQuery(q);
  const results = fts ? searchArticles(fts, page, SEARCH_PAGE_SIZE) : null;
  const pages = results ? Math.ceil(results.total / SEARCH_PAGE_SIZE) : 0;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">Search</h1>
      <SearchForm defaultValue={q} />
      {q && !fts && <p className="text-muted">Type a word to search for.</p>}
      {results && (
        <section aria-labelledby="results-heading" className="space-y-4">
          <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
            {results.total === 0 ? `No answers match “${q}”` : `${results.total} ${results.total === 1 ? "answer" : "answers"} for “${q}”`}
          </h2>
          {results.total === 0 && <p className="text-muted">Try fewer or different words, or browse the answers on the home page.</p>}
          <ol className="space-y-4">
            {results.hits.map((hit) => (
              <li key={hit.slug} className="rounded-md border border-slate-200 bg-white px-5 py-4">
                {hit.topic && <p className="text-xs uppercase tracking-wide text-muted">{hit.topic}</p>}
                <h3 className="text-lg font-medium">
                  <a href={articlePath(hit.slug, hit.matchedPatientOnly ? "patient" : undefined)}>{hit.question}</a>
                </h3>
                <p className="mt-1 text-sm">
                  {snippetParts(hit.snippet).map((part, i) =>
                    part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                  )}
                </p>
                <p className="mt-1 text-xs text-muted">{READER_STATUS_TEXT[hit.status]}</p>
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav aria-label="Search result pages" className="flex items-center gap-4 text-sm">
              {page > 1 && (
                <a href={pageHref(q, page - 1)} rel="prev">
                  Previous page
                </a>
              )}
              <span>
                Page {page} of {pages}
              </span>
              {page < pages && (
                <a href={pageHref(q, page + 1)} rel="next">
                  Next page
                </a>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
