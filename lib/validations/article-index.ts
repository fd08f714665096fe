import { WORKFLOW_STATES, type WorkflowState } from "@/lib/domain";
import { first } from "@/lib/validations/page-param";

/**
 * The staff article index's query string (/editor/articles): every part of a view is in the URL,
 * so a view can be bookmarked and shared. Lenient like the other staff lists: a value that does
 * not parse (a hand-edited or stale link) is dropped and named in `ignored`, never a failed page.
 */
export const ARTICLE_SORTS = ["updated", "due", "question"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

export const SORT_LABELS: Readonly<Record<ArticleSort, string>> = {
  updated: "Recently updated",
  due: "Review due soonest",
  question: "Question A–Z",
};

/** Where articles stand for readers (issue 16): waiting for a publication time, live, withdrawn, archived. */
export const LIFECYCLE_FILTERS = ["scheduled", "live", "withdrawn", "archived"] as const;
export type LifecycleFilter = (typeof LIFECYCLE_FILTERS)[number];
export const LIFECYCLE_FILTER_LABELS: Readonly<Record<LifecycleFilter, string>> = {
  scheduled: "Scheduled",
  live: "Live",
  withdrawn: "Withdrawn",
  archived: "Archived",
};

/** `overdue`: live and past its review date; `rereview`: that or flagged (the dashboard's queue); a number: due within that many days. */
export type DueFilter = "overdue" | "rereview" | number;

export type ArticleIndexFilter = {
  q?: string;
  state?: WorkflowState;
  lifecycle?: LifecycleFilter;
  topic?: string;
  author?: number;
  reviewer?: number;
  due?: DueFilter;
  retracted?: true;
  /** YYYY-MM-DD: the article or its working revision changed on or after that day (UTC). */
  updated?: string;
  /** A reference id: articles whose working or live revision cites it. */
  ref?: number;
  sort: ArticleSort;
  cursor?: string;
};

type Params = Record<string, string | string[] | undefined>;

const str = (v: unknown): string | undefined => {
  const one = first(v);
  return typeof one === "string" && one.trim() !== "" ? one.trim() : undefined;
};
const id = (v: string) => (/^[1-9][0-9]{0,9}$/.test(v) ? Number(v) : undefined);

const PARSERS: { [K in Exclude<keyof ArticleIndexFilter, "sort">]: (v: string) => ArticleIndexFilter[K] | undefined } = {
  q: (v) => (v.length <= 200 ? v : undefined),
  state: (v) => ((WORKFLOW_STATES as readonly string[]).includes(v) ? (v as WorkflowState) : undefined),
  lifecycle: (v) => ((LIFECYCLE_FILTERS as readonly string[]).includes(v) ? (v as LifecycleFilter) : undefined),
  topic: (v) => (v.length <= 100 ? v : undefined),
  author: id,
  reviewer: id,
  due: (v) => (v === "overdue" || v === "rereview" ? v : /^[1-9][0-9]{0,2}$/.test(v) && Number(v) <= 366 ? Number(v) : undefined),
  retracted: (v) => (v === "1" ? true : undefined),
  updated: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined),
  ref: id,
  cursor: (v) => (/^[A-Za-z0-9_-]{1,2000}$/.test(v) ? v : undefined),
};

export const FILTER_KEYS = Object.keys(PARSERS) as (keyof typeof PARSERS)[];

export function parseArticleIndexFilter(params: Params): { filter: ArticleIndexFilter; ignored: string[] } {
  const filter: ArticleIndexFilter = { sort: "updated" };
  const ignored: string[] = [];
  const sort = str(params.sort);
  if (sort !== undefined) {
    if ((ARTICLE_SORTS as readonly string[]).includes(sort)) filter.sort = sort as ArticleSort;
    else ignored.push("sort");
  }
  for (const key of FILTER_KEYS) {
    const raw = str(params[key]);
    if (raw === undefined) continue;
    const value = PARSERS[key](raw);
    if (value === undefined) ignored.push(key);
    else (filter as Record<string, unknown>)[key] = value;
  }
  return { filter, ignored };
}

/** The query string of a view (sort "updated" and empty values left out); `cursor` only when given. */
export function articleIndexQuery(
  filter: ArticleIndexFilter,
  overrides: Partial<Record<keyof ArticleIndexFilter, string | number | null>> = {},
): string {
  const q = new URLSearchParams();
  const merged: Record<string, string | number | boolean | null | undefined> = { ...filter, cursor: undefined, ...overrides };
  for (const key of ["q", "state", "lifecycle", "topic", "author", "reviewer", "due", "retracted", "updated", "ref", "sort", "cursor"]) {
    const v = merged[key];
    if (v === undefined || v === null || v === "" || (key === "sort" && v === "updated")) continue;
    q.set(key, v === true ? "1" : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}
