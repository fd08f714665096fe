import { useCallback, useRef, useState, type RefObject } from "react";
import type { UseFormReturn } from "react-hook-form";
import {
  clearDraft,
  currentTabId,
  draftKey,
  readDraft,
  recoverDraft,
  removeDraftKey,
  writeDraft,
  type DraftBase,
  type DraftFields,
  type DraftRecovery,
} from "@/lib/editor/local-draft";
import type { RevisionFields } from "@/lib/validations/revision";

export type LocalDraft = {
  /** Keeps the text on screen in this browser, typed on `baseRef`. */
  keep: () => void;
  /** Drops this tab's copy: the server holds exactly that text now. */
  clear: () => void;
  /**
   * On load: puts a copy this browser kept back on screen when it differs from the server's
   * text, adopting a closed tab's copy under this tab's key. Returns what was found.
   */
  recover: (server: DraftFields) => DraftRecovery["kind"];
  /** The browser refused the last copy (storage full or disabled). */
  storageFailed: boolean;
};

/** The editor's copy of unsaved text in localStorage (see lib/editor/local-draft.ts for the rules). */
export function useLocalDraft(articleId: number, form: UseFormReturn<RevisionFields>, baseRef: RefObject<DraftBase>): LocalDraft {
  const [storageFailed, setStorageFailed] = useState(false);
  const tabId = useRef("");
  const tab = () => (tabId.current ||= currentTabId(window.sessionStorage));

  const keep = useCallback(() => {
    const ok = writeDraft(window.localStorage, articleId, tab(), {
      base: baseRef.current,
      fields: form.getValues(),
      updatedAt: new Date().toISOString(),
    });
    setStorageFailed(!ok);
  }, [articleId, form, baseRef]);

  const clear = useCallback(() => clearDraft(window.localStorage, articleId, tab()), [articleId]);

  const recover = useCallback(
    (server: DraftFields) => {
      const found = readDraft(window.localStorage, articleId, tab());
      const recovery = recoverDraft(found?.draft ?? null, { base: baseRef.current, fields: server });
      if (recovery.kind !== "none") {
        form.reset(recovery.fields, { keepDefaultValues: true });
        // Adopt a copy another (closed) tab left: it lives on under this tab's key from now on.
        keep();
        if (found && found.key !== draftKey(articleId, tab())) removeDraftKey(window.localStorage, found.key);
      } else if (found) {
        removeDraftKey(window.localStorage, found.key);
      }
      return recovery.kind;
    },
    [articleId, form, baseRef, keep],
  );

  return { keep, clear, recover, storageFailed };
}
