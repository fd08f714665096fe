import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { auditFilterOptions, listAuditEvents, verifyStoredAuditChain } from "@/lib/dal/audit-log";
import { canViewAuditLog } from "@/lib/permissions";
import { auditFilterQuery, parseAuditFilter } from "@/lib/validations/audit-filter";
import { formatDateTime } from "@/lib/dates";
import { Alert } from "@/components/ui/alert";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { Pager } from "@/components/ui/pager";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!canViewAuditLog(user)) notFound();
  const params = await searchParams;
  const filter = parseAuditFilter(params);
  const { rows, total, page, pageCount } = listAuditEvents(filter);
  const chain = verifyStoredAuditChain({ full: params.verify === "full" });
  const pageLink = (n: number) => `/admin/audit${auditFilterQuery(filter, n)}`;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="text-sm">
        For an inspection, export every board signature with its meaning, time, hash and audit event:{" "}
        <a href="/admin/signatures/export">signatures as CSV</a> · <a href="/admin/signatures/export?format=json">as JSON</a>
      </p>
      <div data-chain={chain.ok ? "verified" : "broken"}>
        {chain.ok ? (
          <Alert tone="success">
            <strong>Chain verifies.</strong> All {chain.count.toLocaleString("en-GB")} events are intact and in order (
            {chain.full ? "every hash recomputed" : "events since the last full check recomputed"},{" "}
            {formatDateTime(new Date().toISOString())}).{" "}
            {!chain.full && (
              <Link
                href={`/admin/audit${auditFilterQuery(filter)}${auditFilterQuery(filter) ? "&" : "?"}verify=full`}
                className="underline"
              >
                Recompute every hash
              </Link>
            )}
          </Alert>
        ) : (
          <Alert tone="error">
            <strong>Chain broken at event #{chain.brokenAtId}:</strong> {chain.reason}. Events from there on can't be trusted; restore from
            a backup and investigate.
          </Alert>
        )}
      </div>
      <AuditFilters filter={filter} options={auditFilterOptions()} />
      <p className="text-sm text-muted" aria-live="polite">
        {total === 0
          ? "No events match these filters."
          : `${total.toLocaleString("en-GB")} event${total === 1 ? "" : "s"} · page ${page} of ${pageCount}`}
      </p>
      {rows.length > 0 && <AuditTable rows={rows} />}
      {pageCount > 1 && <Pager page={page} pageCount={pageCount} label="Audit log pages" href={pageLink} labels={["← Newer", "Older →"]} />}
    </div>
  );
}
