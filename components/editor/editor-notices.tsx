import type { AutosaveState } from "@/lib/editor/autosave";
import { Alert } from "@/components/ui/alert";
import type { RevisionMeta } from "./hooks/use-autosave";

/** What the writer should know before typing on: the revision's state, a restored copy, failures. */
export function EditorNotices({
  meta,
  notice,
  storageFailed,
  autosave,
  previewError,
}: {
  meta: RevisionMeta;
  notice: string | null;
  storageFailed: boolean;
  autosave: AutosaveState;
  previewError: string | null;
}) {
  const approvedLive = meta.state === "approved";
  return (
    <>
      {approvedLive && (
        <Alert tone="info">
          This revision is approved and live. Your first change starts revision {meta.number + 1} as a draft; readers keep seeing the
          approved text until the new revision is approved.
        </Alert>
      )}
      {meta.startedNewRevision && !approvedLive && (
        <Alert tone="info" live>
          You are editing revision {meta.number}, a new draft. The approved revision stays live until this one is approved.
        </Alert>
      )}
      {(meta.state === "submitted" || meta.state === "under_review") && (
        <Alert tone="warning">
          This revision is {meta.state === "submitted" ? "submitted" : "under review"}. Saving a change alters its content hash, so
          approvals given so far stop counting and reviewers must sign again.
        </Alert>
      )}
      {notice && (
        <Alert tone="info" live>
          {notice}
        </Alert>
      )}
      {storageFailed && (
        <Alert tone="warning">
          This browser can&apos;t keep a local copy (storage full or disabled): don&apos;t close the page until it says “Saved”.
        </Alert>
      )}
      {(autosave.status === "retrying" || autosave.status === "invalid") && autosave.message && (
        <Alert tone="warning">{autosave.message}</Alert>
      )}
      {previewError && <Alert tone="warning">{previewError}</Alert>}
    </>
  );
}
