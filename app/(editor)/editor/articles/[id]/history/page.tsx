import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { shortHash } from "@/lib/content-hash";
import { formatDateTime } from "@/lib/dates";
import { diffWords } from "@/lib/diff";
import { articleHistory, revisionText, type RevisionText } from "@/lib/dal/revision-history";
import { requireUser } from "@/lib/dal/session";
import { canEditRevision } from "@/lib/permissions";
import { DiffLegend, DiffText } from "@/components/editor/diff-text";
import { StateBadge } from "@/components/ui/state-badge";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export const metadata: Metadata = { title: "Revision history" };
export const dynamic = "force-dynamic";

const FIELDS: [keyof Omit<RevisionText, "id" | "number">, string][] = [
  ["question", "Question"],
  ["clinicianBody", "Clinician wording"],
  ["patientBody", "Patient wording"],
  ["disclosure", "Disclosure"],
];

const idParam = (value: string | string[] | undefined) => {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!canEditRevision(user)) notFound();
  const articleId = idParam((await params).id);
  const history = articleId ? articleHistory(articleId) : null;
  if (!history || !articleId) notFound();
  const query = await searchParams;

  const entries = history.entries;
  const newest = entries[0];
  const toId = idParam(query.to) ?? newest?.id;
  const toIndex = entries.findIndex((e) => e.id === toId);
  const fromId = idParam(query.from) ?? entries[Math.min(toIndex + 1, entries.length - 1)]?.id;
  const from = fromId ? revisionText(articleId, fromId) : null;
  const to = toId ? revisionText(articleId, toId) : null;

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href={`/editor/articles/${articleId}`}>Article overview</Link>
          <span className="text-muted"> · </span>
          <Link href={`/editor/articles/${articleId}/edit`}>Edit</Link>
        </p>
        <h1 className="text-2xl font-semibold">Revision history</h1>
        <p className="text-muted">{history.question || "Untitled article"}</p>
      </div>

      <section aria-labelledby="revisions-heading" className="space-y-3">
        <h2 id="revisions-heading" className="text-lg font-semibold">
          Revisions
        </h2>
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only-text">Revisions, newest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Revision
                </th>
                <th scope="col" className="px-4 py-2">
                  State
                </th>
                <th scope="col" className="hidden px-4 py-2 sm:table-cell">
                  Author
                </th>
                <th scope="col" className="hidden px-4 py-2 md:table-cell">
                  Last saved
                </th>
                <th scope="col" className="px-4 py-2">
                  Hash
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-2 font-medium">
                    {e.number}
                    {e.isLive && <span className="ml-2 text-xs font-normal text-emerald-800">(live)</span>}
                    {e.isWorking && !e.isLive && <span className="ml-2 text-xs font-normal text-muted">(being edited)</span>}
                    <span className="block text-xs font-normal text-muted sm:hidden">
                      {e.authorName} · {formatDateTime(e.updatedAt)}
                    </span>
                  </td>
                  <td className="px-4 py-2">
                    <StateBadge state={e.state} />
                  </td>
                  <td className="hidden px-4 py-2 sm:table-cell">{e.authorName}</td>
                  <td className="hidden whitespace-nowrap px-4 py-2 text-muted md:table-cell">{formatDateTime(e.updatedAt)}</td>
                  <td className="px-4 py-2">
                    <code title={e.contentHash}>{shortHash(e.contentHash)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-heading" className="space-y-4">
        <h2 id="compare-heading" className="text-lg font-semibold">
          Compare revisions
        </h2>
        {entries.length < 2 ? (
          <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-muted">
            There is only one revision so far. Editing an approved article starts the next one; you can then compare them here.
          </p>
        ) : (
          <>
            <form method="get" className="flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor="from" className="block text-sm font-medium">
                  From
                </label>
                <select id="from" name="from" defaultValue={from?.id} className={inputClass()}>
                  {entries.map((e) => (
                    <option key={e.id} value={e.id}>
                      Revision {e.number}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="to" className="block text-sm font-medium">
                  To
                </label>
                <select id="to" name="to" defaultValue={to?.id} className={inputClass()}>
                  {entries.map((e) => (
                    <option key={e.id} value={e.id}>
                      Revision {e.number}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className={buttonClass("secondary")}>
                Compare
              </button>
            </form>
            {from && to ? (
              <div className="space-y-5">
                <p className="text-sm">
                  Changes from <strong>revision {from.number}</strong> to <strong>revision {to.number}</strong>.
                </p>
                <DiffLegend />
                {FIELDS.map(([key, label]) => {
                  const changed = from[key] !== to[key];
                  return (
                    <section key={key} aria-label={`${label} changes`} className="space-y-1">
                      <h3 className="font-semibold">
                        {label} <span className="text-sm font-normal text-muted">{changed ? "" : "(no change)"}</span>
                      </h3>
                      {changed && <DiffText segments={diffWords(from[key], to[key])} />}
                    </section>
                  );
                })}
              </div>
            ) : (
              <p className="text-sm text-red-800">Choose two revisions of this article to compare.</p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
