import { shortHash } from "@/lib/content-hash";
import type { SignOffItem } from "@/lib/dal/review";
import { formatDateTime } from "@/lib/dates";
import { SignatureFactors } from "@/components/workflow/signature-factors";

/**
 * Every sign-off on the revision, oldest first, each with the signer's printed name, the UTC time
 * and the meaning of the signature. Approvals given on an earlier text stay visible, marked as such.
 */
export function SignOffList({ items, headingId = "sign-offs-heading" }: { items: SignOffItem[]; headingId?: string }) {
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} className="text-lg font-semibold">
        Sign-offs
      </h2>
      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-4 text-sm text-muted">
          No reviewer has signed this revision yet.
        </p>
      ) : (
        <ol className="space-y-2">
          {items.map((s) => (
            <li
              key={s.id}
              data-sign-off={s.id}
              data-counts={s.counts ? "yes" : "no"}
              className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm"
            >
              <p className="flex flex-wrap items-baseline gap-x-2">
                <strong>{s.signerName}</strong>
                {s.signerCredentials && <span className="text-muted">{s.signerCredentials}</span>}
                <span>{s.decision === "approve" ? "approved" : "requested changes"}</span>
                <time dateTime={s.signedAt} className="text-muted">
                  on {formatDateTime(s.signedAt)}
                </time>
              </p>
              <p className="mt-1 italic text-ink">“{s.meaning}”</p>
              <SignatureFactors factors={s.factors} />
              {s.comment && <p className="mt-1 whitespace-pre-wrap text-muted">{s.comment}</p>}
              <p className="mt-1 text-xs">
                {s.decision === "approve" && s.counts && <span className="font-semibold text-emerald-800">Counts towards approval</span>}
                {s.decision === "approve" && !s.onCurrentText && (
                  <span className="font-semibold text-amber-900">Given on an earlier version of the text (no longer counts)</span>
                )}
                {s.decision === "approve" && s.onCurrentText && !s.counts && (
                  <span className="text-muted">Superseded by a later decision, or the reviewer is no longer assigned</span>
                )}
                <span className="ml-2 text-muted">Content hash {shortHash(s.contentHash)}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
