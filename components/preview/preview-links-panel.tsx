import type { PreviewLinkItem } from "@/lib/dal/preview-links";
import { formatDate, formatDateTime } from "@/lib/dates";
import { PREVIEW_STATE_LABELS } from "@/lib/preview-links";
import { CreatePreviewLinkDialog } from "./create-preview-link-dialog";
import { RevokePreviewLinkButton } from "./revoke-preview-link-button";

/** The article overview's "Preview links": who has one, what it shows, until when, how often it was opened. */
export function PreviewLinksPanel({
  articleId,
  revisionNumber,
  links,
}: {
  articleId: number;
  revisionNumber: number;
  links: PreviewLinkItem[];
}) {
  return (
    <section aria-labelledby="preview-links-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="preview-links-heading" className="text-lg font-semibold">
          Preview links
        </h2>
        <CreatePreviewLinkDialog articleId={articleId} revisionNumber={revisionNumber} />
      </div>
      <p className="text-sm text-muted">
        Read-only links for people without an account, such as a patient panel or an outside specialist. Each view is recorded.
      </p>
      {links.length === 0 ? (
        <p className="text-sm text-muted">No preview links yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm" aria-label="Preview links">
          {links.map((link) => (
            <li key={link.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" data-preview-link={link.id}>
              <div className="space-y-0.5">
                <p className="font-medium">
                  {link.recipient || "No recipient named"}{" "}
                  <span className={link.state === "active" ? "text-emerald-800" : "text-muted"}>· {PREVIEW_STATE_LABELS[link.state]}</span>
                </p>
                <p className="text-muted">
                  {link.revisionNumber === null ? "Always the latest draft" : `Revision ${link.revisionNumber}`} · by {link.createdByName}{" "}
                  on {formatDate(link.createdAt)} ·{" "}
                  {link.state === "revoked" ? "revoked" : link.state === "expired" ? "expired" : "expires"}{" "}
                  {formatDate(link.revokedAt ?? link.expiresAt)}
                </p>
                <p className="text-muted">
                  {link.viewCount === 0
                    ? "Not opened yet"
                    : `Opened ${link.viewCount} ${link.viewCount === 1 ? "time" : "times"}, last ${formatDateTime(link.lastViewedAt)}`}
                </p>
              </div>
              <RevokePreviewLinkButton linkId={link.id} recipient={link.recipient} active={link.state === "active"} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
