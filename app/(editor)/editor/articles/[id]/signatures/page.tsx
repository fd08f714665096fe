import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getSignatureRecord, type RevisionSignatures } from "@/lib/dal/signatures";
import { requireUser } from "@/lib/dal/session";
import { CHANGE_CLASS_LABELS, CREDENTIAL_CLASS_LABELS, STATE_LABELS } from "@/lib/domain";
import { PrintButton } from "@/components/workflow/print-button";

export const metadata: Metadata = { title: "Signature record" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** "2026-12-07 21:58:11 UTC": the time as stored, never converted to a local zone. */
const utc = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : "—");

function RevisionRecord({ revision }: { revision: RevisionSignatures }) {
  const headingId = `revision-${revision.number}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4"
      data-revision={revision.number}
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Revision {revision.number}: {STATE_LABELS[revision.state]} · {CHANGE_CLASS_LABELS[revision.changeClass]}
      </h2>
      <p className="text-sm">
        Content hash <code className="break-all">{revision.contentHash}</code>
        {revision.approvedAt && <> · approved {utc(revision.approvedAt)}</>}
      </p>
      <p
        className={revision.verdict.ok ? "text-sm font-medium text-green-800" : "text-sm font-medium text-red-800"}
        data-testid="signature-verification"
        data-ok={revision.verdict.ok ? "yes" : "no"}
      >
        {revision.verdict.ok ? `Verified. ${revision.verdict.summary}` : `Verification failed: ${revision.verdict.mismatch}`}
      </p>
      {revision.signOffs.length === 0 ? (
        <p className="text-sm text-muted">No sign-offs on this revision.</p>
      ) : (
        <ol className="space-y-3">
          {revision.signOffs.map((s) => (
            <li key={s.id} className="border-t border-slate-200 pt-3 text-sm" data-signature={s.id}>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_minmax(0,1fr)]">
                <dt className="text-muted">Signed by</dt>
                <dd className="font-semibold">
                  {s.signerName}
                  {s.signerCredentials && `, ${s.signerCredentials}`} ({CREDENTIAL_CLASS_LABELS[s.credentialClass]})
                </dd>
                <dt className="text-muted">Decision</dt>
                <dd>{s.decision === "approve" ? "Approved" : "Requested changes"}</dd>
                <dt className="text-muted">Meaning of the signature</dt>
                <dd>{s.meaning}</dd>
                <dt className="text-muted">Signed at</dt>
                <dd>{utc(s.signedAt)}</dd>
                <dt className="text-muted">Content hash signed</dt>
                <dd>
                  <code className="break-all">{s.contentHash}</code>
                </dd>
                <dt className="text-muted">Counts</dt>
                <dd>{s.counts ? "Yes, towards the quorum" : `No: ${s.whyNot}`}</dd>
                <dt className="text-muted">Change class</dt>
                <dd>{CHANGE_CLASS_LABELS[s.changeClass]}</dd>
                <dt className="text-muted">Approver mix met</dt>
                <dd>{s.mixMet.length ? s.mixMet.join("; ") : "—"}</dd>
                <dt className="text-muted">Audit event</dt>
                <dd>
                  {s.auditEventId ? (
                    <>
                      #{s.auditEventId} <code className="break-all">{s.auditEventHash}</code>
                    </>
                  ) : (
                    "none"
                  )}
                </dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * Every sign-off of the article, revision by revision, as a printable record an inspector can
 * check: printed name, credentials, decision, meaning, UTC time, hash, whether it counts, and the
 * audit event it links to, with a verification line per revision.
 */
export default async function SignaturesPage({ params }: Props) {
  const user = await requireUser();
  const articleId = Number((await params).id);
  if (!Number.isInteger(articleId) || articleId <= 0) notFound();
  const record = getSignatureRecord(user, articleId);
  if (!record) notFound();
  const latest = record.revisions[0];
  return (
    <div className="space-y-6" data-signature-record>
      <nav aria-label="Breadcrumb" className="text-sm" data-print-hide>
        <Link href="/dashboard">Dashboard</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/editor/articles/${articleId}`}>Article</Link> <span aria-hidden="true">/</span>{" "}
        <span className="text-muted">Signatures</span>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Signature record</h1>
        <p className="text-sm">
          {latest?.question || "Untitled article"} · /articles/{record.article.slug} · printed {utc(new Date().toISOString())}
        </p>
        <div data-print-hide>
          <PrintButton />
        </div>
      </header>
      {record.revisions.map((revision) => (
        <RevisionRecord key={revision.id} revision={revision} />
      ))}
    </div>
  );
}
