import Link from "next/link";
import { ArticleList } from "@/components/reader/article-list";
import { SearchForm } from "@/components/reader/search-form";
import { latestVisibleArticles, listTopics } from "@/lib/dal/reader-lists";

export function HomeView() {
  const items = latestVisibleArticles(20);
  const topics = listTopics();
  return (
    <div className="space-y-10">
      <div>
        <h1 className="mb-2 text-3xl font-semibold tracking-tight">Medical answers you can check</h1>
        <p className="text-muted">Every answer cites its sources and is reviewed by our Medical Advisory Board.</p>
      </div>
      <SearchForm />
      {topics.length > 0 && (
        <section aria-labelledby="topics-heading">
          <h2 id="topics-heading" className="mb-3 text-xl font-semibold">
            Topics
          </h2>
          <ul className="flex flex-wrap gap-2">
            {topics.map((t) => (
              <li key={t.slug}>
                <Link
                  href={`/topics/${t.slug}`}
                  prefetch={false}
                  className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 text-sm no-underline hover:bg-slate-50"
                >
                  {t.topic} <span className="text-muted">({t.count})</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-3 text-xl font-semibold">
          Recent answers
        </h2>
        {items.length === 0 ? (
          <p className="text-muted">No articles are published yet. Please check back soon.</p>
        ) : (
          <ArticleList items={items} headingLevel={3} />
        )}
      </section>
    </div>
  );
}
