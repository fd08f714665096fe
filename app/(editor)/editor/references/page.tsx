import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EXPORT_FORMATS } from "@/lib/citations/export";
import { REFERENCE_TYPES, type ReferenceType } from "@/lib/citations/reference";
import { listReferences, type ReferenceFilters as Filters } from "@/lib/dal/references-read";
import { requireUser } from "@/lib/dal/session";
import { canManageReferences } from "@/lib/permissions";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { ReferenceFilters, type FilterValues } from "@/components/references/reference-filters";
import { ReferenceList } from "@/components/references/reference-list";
import { SelectAllReferences } from "@/components/references/select-all";
import { Pager } from "@/components/ui/pager";
import { parsePageParam } from "@/lib/validations/page-param";

export const metadata: Metadata = { title: "Reference library" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

const EXPORT_LABELS = { "csl-json": "CSL-JSON", bibtex: "BibTeX", ris: "RIS" } as const;

function filtersFrom(values: FilterValues, page: number): Filters {
  const year = /^\d{4}$/.test(values.year) ? Number(values.year) : undefined;
  return {
    q: values.q || undefined,
    type: (REFERENCE_TYPES as readonly string[]).includes(values.type) ? (values.type as ReferenceType) : undefined,
    year,
    doi: values.doi || undefined,
    pmid: values.pmid || undefined,
    retracted: values.status === "retracted" ? true : values.status === "current" ? false : undefined,
    page,
  };
}

export default async function ReferencesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser();
  if (!canManageReferences(user)) notFound();
  const params = await searchParams;
  const values: FilterValues = {
    q: one(params.q),
    type: one(params.type),
    year: one(params.year),
    doi: one(params.doi),
    pmid: one(params.pmid),
    status: one(params.status),
  };
  const requestedPage = parsePageParam(params.page);
  const { rows, total, page, pageCount } = listReferences(filtersFrom(values, requestedPage));
  const filtered = Object.values(values).some(Boolean);
  const pageHref = (n: number) => {
    const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
    query.set("page", String(n));
    return `/editor/references?${query}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Reference library</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/editor/references/retracted" className={buttonClass("ghost", "no-underline")}>
            Retracted references
          </Link>
          <Link href="/editor/references/import" className={buttonClass("secondary", "no-underline")}>
            Import
          </Link>
          <Link href="/editor/references/new" className={buttonClass("primary", "no-underline")}>
            Add reference
          </Link>
        </div>
      </div>

      {one(params.deleted) && (
        <Alert tone="success" live>
          Deleted {one(params.deleted)} from the library.
        </Alert>
      )}

      <ReferenceFilters values={values} />

      <section aria-labelledby="results-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="results-heading" className="text-sm font-medium text-muted" aria-live="polite">
            {total === 0 ? "No references" : `${total} ${total === 1 ? "reference" : "references"}`}
            {filtered ? (total === 1 ? " matches the filters" : " match the filters") : " in the library"}
            {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
          </h2>
          {rows.length > 0 && (
            <form id="export-form" method="get" action="/api/references/export" className="flex flex-wrap items-center gap-2">
              <label className="flex items-center gap-2 text-sm">
                <SelectAllReferences form="export-form" />
                <span>All on this page</span>
              </label>
              <label htmlFor="export-format" className="sr-only-text">
                Export format
              </label>
              <select
                id="export-format"
                name="format"
                defaultValue="bibtex"
                className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm text-ink"
              >
                {EXPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {EXPORT_LABELS[f]}
                  </option>
                ))}
              </select>
              <button type="submit" className={buttonClass("secondary")}>
                Export selected
              </button>
            </form>
          )}
        </div>

        {rows.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-muted">
            {filtered
              ? "Nothing matches these filters. Try fewer words or clear the filters."
              : "The library is empty. Add a reference or import a file from your reference manager."}
          </p>
        ) : (
          <ReferenceList rows={rows} exportForm="export-form" />
        )}

        {pageCount > 1 && <Pager page={page} pageCount={pageCount} label="Reference library pages" href={pageHref} />}
      </section>
    </div>
  );
}
