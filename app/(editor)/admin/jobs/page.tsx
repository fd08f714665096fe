import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JOB_STATUSES } from "@/db/schema";
import { listJobs } from "@/lib/dal/jobs-admin";
import { requireUser } from "@/lib/dal/session";
import { formatDateTime } from "@/lib/dates";
import { canManageJobs } from "@/lib/permissions";
import { parsePageParam } from "@/lib/validations/page-param";
import { jobStatusFilter } from "@/lib/validations/jobs";
import { JobButtons } from "@/components/admin/job-buttons";
import { Pager } from "@/components/ui/pager";

export const metadata: Metadata = { title: "Background jobs" };

const STATUS_LABELS = { queued: "Queued", running: "Running", done: "Done", failed: "Failed", cancelled: "Cancelled" } as const;

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!canManageJobs(user)) notFound();
  const params = await searchParams;
  const parsed = jobStatusFilter.safeParse(params.status);
  const status = parsed.success ? parsed.data : undefined;
  const { rows, counts, total, page, pageCount } = listJobs({ status, page: parsePageParam(params.page) });
  const link = (s: string | undefined, p = 1) => `/admin/jobs${s ? `?status=${s}${p > 1 ? `&page=${p}` : ""}` : p > 1 ? `?page=${p}` : ""}`;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Background jobs</h1>
        <p className="mt-1 text-sm text-muted">
          Mail delivery and other work that happens after the change that caused it. A failed job keeps its last error; retry it once the
          cause is fixed. See also <Link href="/admin/mail">the mail outbox</Link>.
        </p>
      </div>
      <nav aria-label="Job states" className="flex flex-wrap gap-2 text-sm">
        <Link href={link(undefined)} aria-current={status ? undefined : "page"} className="rounded-md border px-3 py-1.5 no-underline">
          All ({Object.values(counts).reduce((a, b) => a + b, 0)})
        </Link>
        {JOB_STATUSES.map((s) => (
          <Link
            key={s}
            href={link(s)}
            aria-current={status === s ? "page" : undefined}
            className="rounded-md border px-3 py-1.5 no-underline"
          >
            {STATUS_LABELS[s]} ({counts[s]})
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="text-muted">{status ? `No ${STATUS_LABELS[status].toLowerCase()} jobs.` : "No background jobs yet."}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Background jobs, newest first</caption>
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  #
                </th>
                <th scope="col" className="px-3 py-2">
                  Kind
                </th>
                <th scope="col" className="px-3 py-2">
                  State
                </th>
                <th scope="col" className="px-3 py-2">
                  Attempts
                </th>
                <th scope="col" className="px-3 py-2">
                  Runs at (UTC)
                </th>
                <th scope="col" className="px-3 py-2">
                  Last error
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((job) => (
                <tr key={job.id} className="border-t border-slate-100 align-top" data-job-id={job.id}>
                  <td className="px-3 py-2 text-slate-600">{job.id}</td>
                  <td className="px-3 py-2">
                    <code>{job.kind}</code>
                  </td>
                  <td className="px-3 py-2">{STATUS_LABELS[job.status]}</td>
                  <td className="px-3 py-2">
                    {job.attempts} of {job.maxAttempts}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(job.runAt)}</td>
                  <td className="px-3 py-2 break-words">{job.lastError ?? <span className="text-slate-600">—</span>}</td>
                  <td className="px-3 py-2">
                    <JobButtons jobId={job.id} kind={job.kind} status={job.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 && <Pager page={page} pageCount={pageCount} label="Job pages" href={(n) => link(status, n)} />}
      <p className="text-sm text-muted">
        {total.toLocaleString("en-GB")} job{total === 1 ? "" : "s"} in this view.
      </p>
    </div>
  );
}
