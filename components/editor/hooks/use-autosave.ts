import { useCallback, useEffect, useReducer, useRef, useState, type RefObject } from "react";
import type { UseFormReturn } from "react-hook-form";
import { saveRevisionAction } from "@/lib/actions/revisions";
import type { ServerCopy } from "@/lib/dal/revision-editing";
import { autosaveReducer, initialAutosaveState, nextSaveDelay } from "@/lib/editor/autosave";
import { draftFieldsOf, sameFields, type DraftBase } from "@/lib/editor/local-draft";
import type { RevisionFields } from "@/lib/validations/revision";
import type { RevisionState } from "@/db/schema";
import { applyFieldErrors } from "@/components/ui/field";
import type { LocalDraft } from "./use-local-draft";

export type RevisionMeta = { number: number; state: RevisionState; startedNewRevision: boolean; reviewersMustSignAgain: boolean };
export type SaveConflict = { server: ServerCopy; message: string };

/**
 * Saving the editor's text to the server: a save about two seconds after typing stops, retries
 * with growing pauses, the version each save is made on (`baseRef`), and a conflict when someone
 * saved a newer version meanwhile, which stops saving until the writer keeps theirs or the other.
 * The timing rules are the pure state machine in lib/editor/autosave.ts.
 */
export function useAutosave({
  articleId,
  form,
  baseRef,
  initialMeta,
  draft,
  onTheirsTaken,
}: {
  articleId: number;
  form: UseFormReturn<RevisionFields>;
  baseRef: RefObject<DraftBase>;
  initialMeta: RevisionMeta;
  draft: Pick<LocalDraft, "keep" | "clear">;
  /** The server's text replaced the writer's on screen. */
  onTheirsTaken: () => void;
}) {
  const [state, dispatch] = useReducer(autosaveReducer, undefined, () => initialAutosaveState());
  const [meta, setMeta] = useState<RevisionMeta>(initialMeta);
  const [conflict, setConflictState] = useState<SaveConflict | null>(null);
  // Read by a save already scheduled: it must see a conflict the moment it is found or settled.
  const conflictRef = useRef(conflict);
  const setConflict = useCallback((next: SaveConflict | null) => {
    conflictRef.current = next;
    setConflictState(next);
  }, []);
  const inFlight = useRef(false);
  const { keep: keepLocally, clear: clearLocal } = draft;

  const saveNow = useCallback(async () => {
    if (inFlight.current || conflictRef.current) return;
    const valid = await form.trigger();
    if (!valid) {
      dispatch({ type: "save_invalid", message: "Correct the highlighted fields; your text is kept in this browser meanwhile." });
      return;
    }
    const sent = form.getValues();
    inFlight.current = true;
    dispatch({ type: "save_started" });
    let result: Awaited<ReturnType<typeof saveRevisionAction>>;
    try {
      result = await saveRevisionAction({ ...sent, articleId, revisionId: baseRef.current.revisionId, version: baseRef.current.version });
    } catch {
      inFlight.current = false;
      dispatch({ type: "save_failed", message: "The server can't be reached. Your text is kept in this browser and saving is retried." });
      return;
    }
    inFlight.current = false;
    if (result.ok && result.data) {
      const saved = result.data;
      baseRef.current = { revisionId: saved.revisionId, version: saved.version };
      setMeta((m) => ({
        number: saved.revisionNumber,
        state: saved.state,
        startedNewRevision: m.startedNewRevision || saved.startedNewRevision,
        reviewersMustSignAgain: m.reviewersMustSignAgain || saved.reviewersMustSignAgain,
      }));
      // Only text the server now holds may leave the browser's copy.
      if (sameFields(form.getValues(), sent)) clearLocal();
      else keepLocally();
      dispatch({ type: "save_succeeded", at: saved.savedAt });
      return;
    }
    if (!result.ok && result.code === "conflict" && "server" in result) {
      keepLocally();
      setConflict({ server: result.server, message: result.message });
      dispatch({ type: "conflict", message: result.message });
      return;
    }
    if (!result.ok && result.code === "invalid") {
      applyFieldErrors(result, form.setError);
      dispatch({ type: "save_invalid", message: result.message });
      return;
    }
    if (!result.ok && result.code === "unauthenticated") {
      dispatch({ type: "save_failed", message: `${result.message} Your text is kept in this browser.` });
      return;
    }
    dispatch({ type: "save_invalid", message: result.ok ? "Unexpected reply from the server." : result.message });
  }, [articleId, form, baseRef, keepLocally, clearLocal, setConflict]);

  useEffect(() => {
    const delay = nextSaveDelay(state);
    if (delay === null) return;
    const timer = setTimeout(() => void saveNow(), delay);
    return () => clearTimeout(timer);
  }, [state, saveNow]);

  useEffect(() => {
    // Warn before leaving only while the server doesn't have the text (the local copy still does).
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (state.status === "saving") event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [state.status]);

  /** The text changed: save it after the pause. */
  const edited = useCallback(() => dispatch({ type: "edit" }), []);

  /** Stops saving until the writer chooses (a conflict found on load, not by a save). */
  const showConflict = useCallback(
    (found: SaveConflict) => {
      setConflict(found);
      dispatch({ type: "conflict", message: found.message });
    },
    [setConflict],
  );

  /** The conflict is settled: from now on saves are made on the server's current version. */
  const settle = (server: ServerCopy) => {
    baseRef.current = { revisionId: server.revision.id, version: server.revision.version };
    setMeta((m) => ({ ...m, number: server.revision.number, state: server.revision.state }));
    setConflict(null);
  };
  const keepMine = () => {
    if (!conflict) return;
    settle(conflict.server);
    keepLocally();
    dispatch({ type: "conflict_resolved", kept: "mine" });
    void saveNow();
  };
  const takeTheirs = () => {
    if (!conflict) return;
    const theirs = draftFieldsOf(conflict.server.slug, conflict.server.topic, conflict.server.revision);
    settle(conflict.server);
    form.reset(theirs);
    clearLocal();
    dispatch({ type: "conflict_resolved", kept: "theirs" });
    onTheirsTaken();
  };

  return { state, meta, conflict, saveNow, edited, showConflict, keepMine, takeTheirs };
}
