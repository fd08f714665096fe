import Link from "next/link";
import type { AuditFilterOptions } from "@/lib/dal/audit-log";
import type { AuditFilter } from "@/lib/validations/audit-filter";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** A plain GET form: filters live in the URL, so they work without JavaScript and can be bookmarked. */
export function AuditFilters({ filter, options }: { filter: AuditFilter; options: AuditFilterOptions }) {
  const select = `${inputClass()} text-sm`;
  return (
    <form
      method="get"
      action="/admin/audit"
      className="grid gap-4 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      aria-label="Filter the audit log"
    >
      <div className="space-y-1">
        <label htmlFor="filter-actor" className="block text-sm font-medium">
          Actor
        </label>
        <select id="filter-actor" name="actor" defaultValue={filter.actor ?? ""} className={select}>
          <option value="">Anyone</option>
          {options.actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-article" className="block text-sm font-medium">
          Article
        </label>
        <select id="filter-article" name="article" defaultValue={filter.article ?? ""} className={select}>
          <option value="">Any article</option>
          {options.articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label.length > 70 ? `${a.label.slice(0, 68)}…` : a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-action" className="block text-sm font-medium">
          Action
        </label>
        <select id="filter-action" name="action" defaultValue={filter.action ?? ""} className={select}>
          <option value="">Any action</option>
          {options.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-from" className="block text-sm font-medium">
          From (UTC)
        </label>
        <input id="filter-from" name="from" type="date" defaultValue={filter.from ?? ""} className={select} />
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-to" className="block text-sm font-medium">
          To (UTC)
        </label>
        <input id="filter-to" name="to" type="date" defaultValue={filter.to ?? ""} className={select} />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-5">
        <Button type="submit">Filter</Button>
        <Link href="/admin/audit" className="text-sm">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
