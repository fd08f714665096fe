import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { IndexOption } from "@/lib/dal/article-index";
import { STATE_LABELS, WORKFLOW_STATES } from "@/lib/domain";
import {
  ARTICLE_SORTS,
  LIFECYCLE_FILTER_LABELS,
  LIFECYCLE_FILTERS,
  SORT_LABELS,
  type ArticleIndexFilter,
} from "@/lib/validations/article-index";

const label = "block text-sm font-medium text-ink";

/**
 * The index's filters as a plain GET form: filtering works without JavaScript and every view is a
 * URL. The workflow-state filter is the state of the working revision; the lifecycle filter is
 * where the article stands for readers (scheduled, live, withdrawn, archived).
 */
export function ArticleIndexFilters({
  filter,
  options,
  showPeople,
}: {
  filter: ArticleIndexFilter;
  options: { topics: string[]; authors: IndexOption[]; reviewers: IndexOption[] };
  showPeople: boolean;
}) {
  const due = filter.due === undefined ? "" : String(filter.due);
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter articles"
      className="grid grid-cols-1 gap-3 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor="index-q" className={label}>
          Search
        </label>
        <input
          id="index-q"
          name="q"
          type="search"
          defaultValue={filter.q ?? ""}
          placeholder="Words, slug, or a cited citekey, DOI or PMID"
          className={inputClass()}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="index-state" className={label}>
          Workflow state
        </label>
        <select id="index-state" name="state" defaultValue={filter.state ?? ""} className={inputClass()}>
          <option value="">Any state</option>
          {WORKFLOW_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="index-lifecycle" className={label}>
          Lifecycle
        </label>
        <select id="index-lifecycle" name="lifecycle" defaultValue={filter.lifecycle ?? ""} className={inputClass()}>
          <option value="">Any</option>
          {LIFECYCLE_FILTERS.map((l) => (
            <option key={l} value={l}>
              {LIFECYCLE_FILTER_LABELS[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="index-topic" className={label}>
          Topic
        </label>
        <select id="index-topic" name="topic" defaultValue={filter.topic ?? ""} className={inputClass()}>
          <option value="">Any topic</option>
          {options.topics.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      {showPeople && (
        <>
          <div className="space-y-1">
            <label htmlFor="index-author" className={label}>
              Author
            </label>
            <select id="index-author" name="author" defaultValue={filter.author ? String(filter.author) : ""} className={inputClass()}>
              <option value="">Anyone</option>
              {options.authors.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="index-reviewer" className={label}>
              Assigned reviewer
            </label>
            <select
              id="index-reviewer"
              name="reviewer"
              defaultValue={filter.reviewer ? String(filter.reviewer) : ""}
              className={inputClass()}
            >
              <option value="">Anyone</option>
              {options.reviewers.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <div className="space-y-1">
        <label htmlFor="index-due" className={label}>
          Review due
        </label>
        <select id="index-due" name="due" defaultValue={due} className={inputClass()}>
          <option value="">Any time</option>
          <option value="overdue">Overdue</option>
          <option value="rereview">Overdue or flagged</option>
          <option value="7">Within 7 days</option>
          <option value="30">Within 30 days</option>
          <option value="90">Within 90 days</option>
          {due && !["overdue", "rereview", "7", "30", "90"].includes(due) && <option value={due}>Within {due} days</option>}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="index-updated" className={label}>
          Updated since
        </label>
        <input id="index-updated" name="updated" type="date" defaultValue={filter.updated ?? ""} className={inputClass()} />
      </div>
      <div className="space-y-1">
        <label htmlFor="index-sort" className={label}>
          Sort
        </label>
        <select id="index-sort" name="sort" defaultValue={filter.sort} className={inputClass()}>
          {ARTICLE_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="retracted" value="1" defaultChecked={!!filter.retracted} className="h-4 w-4" />
          Cites a retracted reference
        </label>
      </div>
      {filter.ref && <input type="hidden" name="ref" value={filter.ref} />}
      <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClass("primary")}>
          Show articles
        </button>
        <Link href="/editor/articles" className={buttonClass("ghost", "no-underline")}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
