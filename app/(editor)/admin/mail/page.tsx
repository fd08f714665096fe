import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listMail, mailDetail } from "@/lib/dal/jobs-admin";
import { requireUser } from "@/lib/dal/session";
import { formatDateTime } from "@/lib/dates";
import { canManageJobs } from "@/lib/permissions";
import { parsePageParam } from "@/lib/validations/page-param";
import { mailIdParam } from "@/lib/validations/jobs";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";

export const metadata: Metadata = { title: "Mail" };

const STATUS_LABELS = { pending: "Pending", sent: "Sent", outbox: "In the outbox (not sent)", failed: "Failed" } as const;

export default async function MailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!canManageJobs(user)) notFound();
  const params = await searchParams;
  const id = mailIdParam.safeParse(params.id);
  const open = id.success && id.data ? mailDetail(id.data) : null;
  const { rows, total, page, pageCount } = listMail(parsePageParam(params.page));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Mail</h1>
        <p className="mt-1 text-sm text-muted">
          Every email Vetted has written, newest first. Without an SMTP server (SMTP_URL) messages stay here, in the outbox. Delivery errors
          also show on <Link href="/admin/jobs?status=failed">the jobs page</Link>.
        </p>
      </div>
      {open && (
        <section aria-labelledby="open-message" className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
          <h2 id="open-message" className="text-lg font-semibold">
            {open.subject}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">To</dt>
            <dd>{open.to}</dd>
            <dt className="text-slate-600">Status</dt>
            <dd>{STATUS_LABELS[open.status]}</dd>
            <dt className="text-slate-600">Message-ID</dt>
            <dd className="break-all">
              <code>{open.messageId}</code>
            </dd>
          </dl>
          {open.lastError && <Alert tone="error">Last delivery error: {open.lastError}</Alert>}
          <h3 className="font-semibold">Plain-text part</h3>
          <pre className="whitespace-pre-wrap break-words rounded bg-slate-50 p-3 text-sm">{open.text}</pre>
          <details>
            <summary className="cursor-pointer font-semibold">HTML part (source)</summary>
            <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-3 text-xs">{open.html}</pre>
          </details>
        </section>
      )}
      {rows.length === 0 ? (
        <p className="text-muted">No mail yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Mail, newest first</caption>
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Written (UTC)
                </th>
                <th scope="col" className="px-3 py-2">
                  To
                </th>
                <th scope="col" className="px-3 py-2">
                  Subject
                </th>
                <th scope="col" className="px-3 py-2">
                  Kind
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(m.createdAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{m.to}</td>
                  <td className="min-w-56 px-3 py-2">
                    <Link href={`/admin/mail?id=${m.id}${page > 1 ? `&page=${page}` : ""}`} className="underline">
                      {m.subject}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <code>{m.kind}</code>
                  </td>
                  <td className="px-3 py-2">{STATUS_LABELS[m.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 && <Pager page={page} pageCount={pageCount} label="Mail pages" href={(n) => `/admin/mail?page=${n}`} />}
      <p className="text-sm text-muted">
        {total.toLocaleString("en-GB")} message{total === 1 ? "" : "s"}.
      </p>
    </div>
  );
}
