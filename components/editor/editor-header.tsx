import Link from "next/link";
import type { AutosaveState } from "@/lib/editor/autosave";
import { StateBadge } from "@/components/ui/state-badge";
import { DuplicateArticleButton } from "./duplicate-article-button";
import type { RevisionMeta } from "./hooks/use-autosave";
import { SaveStatus } from "./save-status";

/** The editor's title bar: where the article is, the revision being edited and the save status. */
export function EditorHeader({
  articleId,
  meta,
  autosave,
  onSaveNow,
}: {
  articleId: number;
  meta: RevisionMeta;
  autosave: AutosaveState;
  onSaveNow: () => void;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href={`/editor/articles/${articleId}`}>Article overview</Link>
          <span className="text-muted"> · </span>
          <Link href={`/editor/articles/${articleId}/history`}>History</Link>
        </p>
        <h1 className="text-2xl font-semibold">Edit article</h1>
        <p className="flex items-center gap-2 text-sm text-muted">
          <StateBadge state={meta.state} /> Revision {meta.number}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <div className="rounded-md bg-white px-3 py-2 shadow-sm">
          <SaveStatus state={autosave} onSaveNow={onSaveNow} />
        </div>
        <DuplicateArticleButton articleId={articleId} />
      </div>
    </div>
  );
}
