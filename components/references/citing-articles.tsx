import Link from "next/link";
import type { CitingArticle } from "@/lib/dal/references-read";
import { StateBadge } from "@/components/ui/state-badge";

export function CitingArticles({ articles, empty = "No article cites this reference." }: { articles: CitingArticle[]; empty?: string }) {
  if (articles.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white text-sm">
      {articles.map((a) => (
        <li key={a.articleId} className="flex flex-wrap items-center gap-2 px-4 py-2">
          <Link href={`/editor/articles/${a.articleId}`} className="font-medium">
            {a.question || a.slug}
          </Link>
          <StateBadge state={a.state} />
          {a.citedLive && <span className="text-xs text-muted">cited by the published version</span>}
          {a.reReviewFlagged && <span className="text-xs font-medium text-amber-900">flagged for re-review</span>}
        </li>
      ))}
    </ul>
  );
}
