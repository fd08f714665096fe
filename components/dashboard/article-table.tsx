import Link from "next/link";
import type { ArticleRow } from "@/lib/dal/dashboard";
import { StateBadge } from "@/components/ui/state-badge";
import { formatDate } from "@/lib/dates";

export function ArticleTable({ rows, empty, caption }: { rows: ArticleRow[]; empty: string; caption: string }) {
  if (rows.length === 0)
    return <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-muted">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only-text">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-2">
              Question
            </th>
            <th scope="col" className="hidden px-4 py-2 sm:table-cell">
              Topic
            </th>
            <th scope="col" className="px-4 py-2">
              State
            </th>
            <th scope="col" className="hidden px-4 py-2 md:table-cell">
              Updated
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.articleId} className="border-b border-slate-100 last:border-0">
              <td className="px-4 py-2">
                <Link href={`/editor/articles/${r.articleId}`} className="font-medium">
                  {r.question || "Untitled article"}
                </Link>
                {r.isLive && r.state !== "approved" && <span className="ml-2 text-xs text-muted">(live version published)</span>}
                <span className="block text-xs text-muted sm:hidden">
                  {r.topic || "No topic"} · updated {formatDate(r.updatedAt)}
                </span>
              </td>
              <td className="hidden px-4 py-2 text-muted sm:table-cell">{r.topic || "—"}</td>
              <td className="px-4 py-2">
                <StateBadge state={r.state} /> <span className="block text-xs text-muted sm:inline">rev {r.revisionNumber}</span>
              </td>
              <td className="hidden px-4 py-2 whitespace-nowrap text-muted md:table-cell">{formatDate(r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
