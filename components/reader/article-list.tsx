import { formatDate } from "@/lib/dates";
import type { ReaderArticleSummary } from "@/lib/reader/types";
import { articlePath } from "@/lib/reader/site-url";

export const READER_STATUS_TEXT = {
  submitted: "Pending review",
  under_review: "Under review",
  approved: "Reviewed by our Medical Advisory Board",
} as const;

export function ArticleList({ items, headingLevel = 2 }: { items: ReaderArticleSummary[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="space-y-4">
      {items.map((a) => (
        <li key={a.slug} className="rounded-md border border-slate-200 bg-white px-5 py-4">
          {a.topic && <p className="text-xs uppercase tracking-wide text-muted">{a.topic}</p>}
          <Heading className="text-lg font-medium">
            <a href={articlePath(a.slug)}>{a.question}</a>
          </Heading>
          <p className="mt-1 text-sm text-muted">
            {READER_STATUS_TEXT[a.status]} ·{" "}
            {a.lastReviewed ? `Last reviewed ${formatDate(a.lastReviewed)}` : `Last updated ${formatDate(a.lastUpdated)}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
