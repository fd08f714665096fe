import Link from "next/link";
import type { AssignmentRow } from "@/lib/dal/dashboard";
import { StateBadge } from "@/components/ui/state-badge";
import { formatDate } from "@/lib/dates";

export function AssignmentList({ rows }: { rows: AssignmentRow[] }) {
  if (rows.length === 0)
    return (
      <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-muted">
        No reviews are assigned to you right now. New assignments appear here and in your notifications.
      </p>
    );
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
      {rows.map((r) => (
        <li key={r.assignmentId} className="flex flex-wrap items-center gap-3 px-4 py-3">
          <Link href={`/editor/articles/${r.articleId}/review`} className="w-full font-medium sm:w-auto sm:flex-1">
            {r.question || "Untitled article"}
          </Link>
          <StateBadge state={r.state} />
          {r.needsSignAgain && (
            <span className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-950">
              Needs your sign-off again
            </span>
          )}
          {r.signedCurrentVersion ? (
            <span className="text-xs text-emerald-800">You have signed this version</span>
          ) : (
            <span className={r.overdue ? "text-xs font-semibold text-red-800" : "text-xs text-muted"}>
              {r.dueAt ? `${r.overdue ? "Overdue — was due " : "Due "}${formatDate(r.dueAt)}` : "No due date"}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
