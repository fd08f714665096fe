import Link from "next/link";
import type { ReactNode } from "react";

const DEFAULT_LABELS: [ReactNode, ReactNode] = [
  <>
    Previous<span className="sr-only-text"> page</span>
  </>,
  <>
    Next<span className="sr-only-text"> page</span>
  </>,
];

/**
 * Previous / "Page X of Y" / Next for a paged list, as plain links: it works without JavaScript and
 * by keyboard (Tab to a link, Enter). At the first and last page the link that would lead nowhere is
 * shown greyed and left out of the tab order and the accessibility tree. `labels` names the two
 * directions where "previous" has a meaning of its own (the audit log's "Newer" and "Older").
 */
export function Pager({
  page,
  pageCount,
  label,
  href,
  labels = DEFAULT_LABELS,
}: {
  page: number;
  pageCount: number;
  label: string;
  href: (page: number) => string;
  labels?: [ReactNode, ReactNode];
}) {
  const step = (to: number, text: ReactNode, rel: "prev" | "next") =>
    to >= 1 && to <= pageCount ? (
      <Link
        href={href(to)}
        rel={rel}
        prefetch={false}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium no-underline hover:bg-slate-50"
      >
        {text}
      </Link>
    ) : (
      <span aria-hidden="true" className="rounded-md border border-slate-200 px-3 py-1.5 text-slate-500">
        {text}
      </span>
    );
  return (
    <nav aria-label={label}>
      <ul className="flex items-center justify-between gap-4 text-sm">
        <li>{step(page - 1, labels[0], "prev")}</li>
        <li>
          <span aria-current="page" className="text-muted">
            Page {page} of {pageCount}
          </span>
        </li>
        <li>{step(page + 1, labels[1], "next")}</li>
      </ul>
    </nav>
  );
}
