import Link from "next/link";
import { REFERENCE_TYPE_LABELS, REFERENCE_TYPES } from "@/lib/citations/reference";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export type FilterValues = { q: string; type: string; year: string; doi: string; pmid: string; status: string };

/** A plain GET form, so filtering works without JavaScript and every filtered view has a URL. */
export function ReferenceFilters({ values }: { values: FilterValues }) {
  const label = "block text-sm font-medium text-ink";
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter references"
      className="grid grid-cols-2 gap-3 rounded-md border border-slate-200 bg-white p-4 lg:grid-cols-6"
    >
      <div className="col-span-2 space-y-1">
        <label htmlFor="filter-q" className={label}>
          Search
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={values.q}
          placeholder="Title, author, journal or citekey"
          className={inputClass()}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-type" className={label}>
          Type
        </label>
        <select id="filter-type" name="type" defaultValue={values.type} className={inputClass()}>
          <option value="">Any type</option>
          {REFERENCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {REFERENCE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-year" className={label}>
          Year
        </label>
        <input id="filter-year" name="year" inputMode="numeric" defaultValue={values.year} className={inputClass()} />
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-doi" className={label}>
          DOI
        </label>
        <input id="filter-doi" name="doi" defaultValue={values.doi} className={inputClass()} />
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-pmid" className={label}>
          PMID
        </label>
        <input id="filter-pmid" name="pmid" inputMode="numeric" defaultValue={values.pmid} className={inputClass()} />
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-status" className={label}>
          Status
        </label>
        <select id="filter-status" name="status" defaultValue={values.status} className={inputClass()}>
          <option value="">Any</option>
          <option value="current">Not retracted</option>
          <option value="retracted">Retracted</option>
        </select>
      </div>
      <div className="col-span-2 flex items-end gap-2 lg:col-span-5">
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        <Link href="/editor/references" className={buttonClass("ghost", "no-underline")}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
