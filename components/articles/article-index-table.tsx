import Link from "next/link";
import { StateBadge } from "@/components/ui/state-badge";
import type { ArticleIndexRow } from "@/lib/dal/article-index";
import { formatDate } from "@/lib/dates";

/**
 * One page of the staff article index. With `selectForm`, each row has a checkbox belonging to that
 * form (the bulk actions), so the selection is posted without JavaScript too.
 */
export function ArticleIndexTable({ rows, selectForm }: { rows: ArticleIndexRow[]; selectForm?: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only-text">Articles</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-muted">
          <tr>
            {selectForm && (
              <th scope="col" className="w-10 px-3 py-2">
                <span className="sr-only-text">Select</span>
              </th>
            )}
            <th scope="col" className="px-4 py-2">
              Question
            </th>
            <th scope="col" className="hidden px-4 py-2 md:table-cell">
              Topic
            </th>
            <th scope="col" className="px-4 py-2">
              State
            </th>
            <th scope="col" className="hidden px-4 py-2 lg:table-cell">
              Author
            </th>
            <th scope="col" className="hidden px-4 py-2 sm:table-cell">
              Updated
            </th>
            <th scope="col" className="hidden px-4 py-2 lg:table-cell">
              Review due
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 last:border-0" data-testid="index-row">
              {selectForm && (
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    name="ids"
                    value={r.id}
                    form={selectForm}
                    aria-label={`Select “${r.question || r.slug}”`}
                    className="h-4 w-4"
                  />
                </td>
              )}
              <td className="px-4 py-2">
                <Link href={`/editor/articles/${r.id}`} className="font-medium">
                  {r.question || "Untitled article"}
                </Link>
                <span className="block text-xs text-muted">
                  {r.slug}
                  {r.isLive && " · live"}
                  {r.flagged && " · flagged for re-review"}
                </span>
              </td>
              <td className="hidden px-4 py-2 text-muted md:table-cell">{r.topic || "—"}</td>
              <td className="px-4 py-2">
                <StateBadge state={r.state} /> <span className="block text-xs text-muted sm:inline">rev {r.revisionNumber}</span>
              </td>
              <td className="hidden px-4 py-2 text-muted lg:table-cell">{r.author}</td>
              <td className="hidden whitespace-nowrap px-4 py-2 text-muted sm:table-cell">{formatDate(r.updatedAt)}</td>
              <td className="hidden whitespace-nowrap px-4 py-2 text-muted lg:table-cell">
                {r.reviewDueAt ? formatDate(r.reviewDueAt) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
