import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ResolveReportForm } from "@/components/error-reports/resolve-report-form";
import { listOpenErrorReports, listRecentlyResolvedErrorReports, type ErrorReportItem } from "@/lib/dal/error-reports";
import { requireUser } from "@/lib/dal/session";
import { getSiteSettings } from "@/lib/dal/settings";
import { formatDate, formatDateTime } from "@/lib/dates";
import { canResolveErrorReports } from "@/lib/permissions";
import { AUDIENCE_LABELS } from "@/lib/reader/audience";

export const metadata: Metadata = { title: "Error reports" };
export const dynamic = "force-dynamic";

function ReportMeta({ report }: { report: ErrorReportItem }) {
  return (
    <p className="text-xs text-muted">
      Sent {formatDateTime(report.createdAt)} about <a href={`/articles/${report.articleSlug}`}>{report.articleQuestion}</a>
      {report.revisionNumber && <> (revision {report.revisionNumber})</>}
      {report.audience && <> · {AUDIENCE_LABELS[report.audience]}</>}
      {report.email && (
        <>
          {" "}
          · reply to <a href={`mailto:${report.email}`}>{report.email}</a>
        </>
      )}
    </p>
  );
}

export default async function ErrorReportsPage() {
  const user = await requireUser();
  if (!canResolveErrorReports(user)) notFound();
  const open = listOpenErrorReports();
  const resolved = listRecentlyResolvedErrorReports();
  const { errorReportTargetDays } = getSiteSettings();
  const overdue = open.filter((r) => r.overdue).length;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Error reports</h1>
        <p className="text-sm text-muted">
          Errors readers reported from articles. The response target is {errorReportTargetDays}{" "}
          {errorReportTargetDays === 1 ? "day" : "days"} (site settings); reports still open after it are escalated. Resolve each with a
          note, or start a new revision to correct the article first.
        </p>
      </div>
      <section aria-labelledby="open-reports" className="space-y-3">
        <h2 id="open-reports" className="text-lg font-semibold">
          Open ({open.length}){overdue > 0 && <span className="text-red-800"> · {overdue} past the target</span>}
        </h2>
        {open.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-muted">
            No open reports. Errors readers report appear here.
          </p>
        ) : (
          <ul className="space-y-3">
            {open.map((r) => (
              <li
                key={r.id}
                aria-label={`Report ${r.id}`}
                className={`space-y-3 rounded-md border bg-white px-5 py-4 ${r.overdue ? "border-red-300" : "border-slate-200"}`}
              >
                <p className={`text-sm font-medium ${r.overdue ? "text-red-800" : "text-muted"}`}>
                  {r.overdue ? "Past the response target" : "Answer by"} {formatDate(r.dueAt)}
                  {r.escalatedAt && " · escalated"}
                </p>
                <p className="whitespace-pre-wrap break-words">{r.description}</p>
                {r.quote && (
                  <blockquote className="whitespace-pre-wrap break-words border-l-4 border-slate-300 pl-3 text-sm italic">
                    {r.quote}
                  </blockquote>
                )}
                <ReportMeta report={r} />
                {r.newRevisionId && (
                  <p className="text-sm">
                    A revision is linked to this report: <Link href={`/editor/articles/${r.articleId}/edit`}>open the editor</Link>.
                  </p>
                )}
                <ResolveReportForm
                  id={r.id}
                  hasEmail={!!r.email}
                  revisionLabel={r.editInProgress || r.newRevisionId ? "Open the revision in progress" : "Start a new revision"}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {resolved.length > 0 && (
        <section aria-labelledby="resolved-reports" className="space-y-3">
          <h2 id="resolved-reports" className="text-lg font-semibold">
            Recently resolved
          </h2>
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
            {resolved.map((r) => (
              <li key={r.id} className="space-y-1 px-4 py-3">
                <p className="break-words">{r.description}</p>
                <p className="break-words text-muted">
                  Resolved {formatDateTime(r.resolvedAt)}: {r.resolution}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
