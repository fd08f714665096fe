import Link from "next/link";
import type { AuditRow } from "@/lib/dal/audit-log";
import { formatDateTime } from "@/lib/dates";

function prettySummary(summary: string): string | null {
  try {
    const value = JSON.parse(summary) as Record<string, unknown>;
    return Object.keys(value).length ? JSON.stringify(value, null, 2) : null;
  } catch {
    return summary;
  }
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full min-w-[52rem] text-left text-sm">
        <caption className="sr-only-text">Audit events, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">
              #
            </th>
            <th scope="col" className="px-3 py-2">
              Time
            </th>
            <th scope="col" className="px-3 py-2">
              Actor
            </th>
            <th scope="col" className="px-3 py-2">
              Action
            </th>
            <th scope="col" className="px-3 py-2">
              Target
            </th>
            <th scope="col" className="px-3 py-2">
              Details
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const details = prettySummary(r.summary);
            return (
              <tr key={r.id} className="border-b border-slate-100 align-top last:border-0" data-audit-action={r.action}>
                <td className="px-3 py-2 text-muted tabular-nums">{r.id}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.at)}</td>
                <td className="px-3 py-2 break-words">{r.actorLabel || <span className="text-muted">system / anonymous</span>}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                <td className="px-3 py-2">
                  {r.targetType === "user" && r.targetId ? (
                    <Link href={`/admin/users/${r.targetId}`} className="underline">
                      user {r.targetId}
                    </Link>
                  ) : (
                    <span>
                      {r.targetType}
                      {r.targetId ? ` ${r.targetId}` : ""}
                    </span>
                  )}
                  {r.articleId && <span className="block text-xs text-muted">article {r.articleSlug ?? r.articleId}</span>}
                </td>
                <td className="px-3 py-2">
                  {details ? (
                    <details>
                      <summary className="cursor-pointer text-brand-700">Show</summary>
                      <pre className="mt-2 max-w-md overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-xs">
                        {details}
                      </pre>
                    </details>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
