import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { REFERENCE_NOTICE_LABELS, REFERENCE_STATUS_SOURCE_LABELS } from "@/lib/citations/reference";
import { formatDate } from "@/lib/dates";
import { NoticeLabel } from "@/components/references/reference-labels";
import { citingArticles, getReference } from "@/lib/dal/references-read";
import { requireUser } from "@/lib/dal/session";
import { canManageReferences } from "@/lib/permissions";
import { Alert } from "@/components/ui/alert";
import { CitingArticles } from "@/components/references/citing-articles";
import { CopyCitekey } from "@/components/references/copy-citekey";
import { ReferenceDelete } from "@/components/references/reference-delete";
import { ReferenceForm, type ReferenceFormValues } from "@/components/references/reference-form";
import { referenceFieldValues } from "@/components/references/reference-field-values";
import { ReferenceRetraction } from "@/components/references/reference-retraction";
import { ReferenceTypeBadge, RetractedBadge } from "@/components/references/reference-type-badge";

export const metadata: Metadata = { title: "Reference" };
export const dynamic = "force-dynamic";

export default async function ReferencePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!canManageReferences(user)) notFound();
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id)) notFound();
  const ref = getReference(Number(id));
  if (!ref) notFound();
  const created = (await searchParams).created === "1";
  const articles = citingArticles(ref.id);
  const defaults: ReferenceFormValues = { citekey: ref.citekey, ...referenceFieldValues(ref) };

  return (
    <div className="max-w-3xl space-y-8">
      <p className="text-sm">
        <Link href="/editor/references">← Reference library</Link>
      </p>
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">Reference {ref.citekey}</h1>
        {created && (
          <Alert tone="success" live>
            Added {ref.citekey} to the library. Cite it in an article as [@{ref.citekey}].
          </Alert>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <ReferenceTypeBadge type={ref.type} />
          {ref.retracted && <RetractedBadge />}
          {ref.noticeKind && <NoticeLabel label={REFERENCE_NOTICE_LABELS[ref.noticeKind]} />}
          <CopyCitekey citekey={ref.citekey} />
        </div>
        <figure className="rounded-md border border-slate-200 bg-white px-4 py-3">
          <figcaption className="text-xs uppercase tracking-wide text-muted">As cited (AMA)</figcaption>
          <p className="mt-1 break-words text-sm leading-relaxed" dangerouslySetInnerHTML={{ __html: ref.ama.html }} />
        </figure>
      </div>

      <section aria-labelledby="citing-heading" className="space-y-3">
        <h2 id="citing-heading" className="text-lg font-semibold">
          Cited by
        </h2>
        <CitingArticles articles={articles} />
        {articles.length > 0 && (
          <p className="text-sm">
            <Link href={`/editor/articles?ref=${ref.id}`}>Articles citing this reference in the article index</Link> (filter, export, bulk
            re-review).
          </p>
        )}
        {articles.length > 0 && (
          <p className="text-sm text-muted">
            Changes here update the reference list of every article above; revisions in review need their approvals again.
          </p>
        )}
      </section>

      <section aria-labelledby="edit-heading" className="space-y-3">
        <h2 id="edit-heading" className="text-lg font-semibold">
          Details
        </h2>
        <div className="rounded-md border border-slate-200 bg-white p-4 sm:p-6">
          <ReferenceForm mode="edit" referenceId={ref.id} defaults={defaults} />
        </div>
      </section>

      <section aria-labelledby="retraction-heading" className="space-y-3">
        <h2 id="retraction-heading" className="text-lg font-semibold">
          Retraction
        </h2>
        <ReferenceRetraction
          referenceId={ref.id}
          retracted={ref.retracted}
          note={ref.retractionNote}
          retractedAt={ref.retractedAt}
          source={ref.retractionSource}
        />
      </section>

      {ref.noticeKind && (
        <section aria-labelledby="notice-heading" className="space-y-3">
          <h2 id="notice-heading" className="text-lg font-semibold">
            Notice
          </h2>
          <Alert tone="warning">
            <p className="font-medium">
              {REFERENCE_NOTICE_LABELS[ref.noticeKind]}
              {ref.noticeAt ? `, recorded on ${formatDate(ref.noticeAt)}` : ""}
              {ref.noticeSource ? `, ${REFERENCE_STATUS_SOURCE_LABELS[ref.noticeSource]}` : ""}.
            </p>
            {ref.noticeNote && <p className="mt-1">{ref.noticeNote}</p>}
            <p className="mt-1">Editors, reviewers and readers see the label beside the entry; it does not block submission.</p>
          </Alert>
        </section>
      )}

      <section aria-labelledby="delete-heading" className="space-y-3">
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete
        </h2>
        <ReferenceDelete referenceId={ref.id} citekey={ref.citekey} />
      </section>
    </div>
  );
}
