/**
 * The editor's autosave as a pure state machine, so the rules that keep keystrokes safe are unit
 * tested without a browser: a save starts about two seconds after typing stops, a failed save is
 * retried with growing pauses, an edit made while a save is in flight is saved after it, and a
 * conflict stops saving until the writer chooses which text to keep.
 */

export type AutosaveStatus =
  /** Nothing typed since the page loaded (or since the last confirmed save). */
  | "clean"
  /** Typed, waiting for the pause before saving. */
  | "dirty"
  | "saving"
  | "saved"
  /** The last save failed (network, server restart); it is retried automatically. */
  | "retrying"
  /** The server refused the input (field errors); nothing is sent until the writer edits. */
  | "invalid"
  /** Someone saved a newer version; the writer must compare and choose. */
  | "conflict";

export type AutosaveState = {
  status: AutosaveStatus;
  /** ISO time of the last save the server confirmed. */
  savedAt: string | null;
  /** Failed attempts in a row, for the retry pause. */
  failures: number;
  /** True when the text changed after the save in flight was sent. */
  editedWhileSaving: boolean;
  message: string | null;
};

export type AutosaveEvent =
  | { type: "edit" }
  | { type: "save_started" }
  | { type: "save_succeeded"; at: string }
  | { type: "save_failed"; message: string }
  | { type: "save_invalid"; message: string }
  | { type: "conflict"; message: string }
  /** The writer chose: "mine" still has to be saved over the newer version, "theirs" is already saved. */
  | { type: "conflict_resolved"; kept: "mine" | "theirs" };

export const AUTOSAVE_DELAY_MS = 2000;
export const MAX_RETRY_DELAY_MS = 30_000;

export const initialAutosaveState = (status: "clean" | "dirty" = "clean"): AutosaveState => ({
  status,
  savedAt: null,
  failures: 0,
  editedWhileSaving: false,
  message: null,
});

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case "edit":
      // A conflict stays until resolved: saving now would overwrite someone else's newer text.
      if (state.status === "conflict") return state;
      if (state.status === "saving") return { ...state, editedWhileSaving: true };
      return { ...state, status: "dirty", message: null };
    case "save_started":
      return { ...state, status: "saving", editedWhileSaving: false };
    case "save_succeeded":
      return {
        ...state,
        status: state.editedWhileSaving ? "dirty" : "saved",
        savedAt: event.at,
        failures: 0,
        editedWhileSaving: false,
        message: null,
      };
    case "save_failed":
      return { ...state, status: "retrying", failures: state.failures + 1, editedWhileSaving: false, message: event.message };
    case "save_invalid":
      return { ...state, status: state.editedWhileSaving ? "dirty" : "invalid", editedWhileSaving: false, message: event.message };
    case "conflict":
      return { ...state, status: "conflict", editedWhileSaving: false, message: event.message };
    case "conflict_resolved":
      if (state.status !== "conflict") return state;
      return { ...state, status: event.kept === "mine" ? "dirty" : "saved", failures: 0, message: null };
  }
}

/** Milliseconds until the next save should start, or null when none is due. */
export function nextSaveDelay(state: AutosaveState): number | null {
  if (state.status === "dirty") return AUTOSAVE_DELAY_MS;
  if (state.status === "retrying") return Math.min(MAX_RETRY_DELAY_MS, AUTOSAVE_DELAY_MS * 2 ** Math.max(0, state.failures - 1));
  return null;
}

/** Whether the text on screen may differ from what the server holds. */
export const hasUnsavedChanges = (state: AutosaveState) => state.status !== "clean" && state.status !== "saved";

/** The words shown next to the editor; `time` formats the confirmed save's time for the reader. */
export function autosaveLabel(state: AutosaveState, time: (iso: string) => string): string {
  switch (state.status) {
    case "clean":
      return state.savedAt ? `Saved at ${time(state.savedAt)}` : "All changes saved";
    case "saved":
      return `Saved at ${time(state.savedAt ?? new Date().toISOString())}`;
    case "dirty":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "retrying":
      return "Not saved — retrying";
    case "invalid":
      return "Not saved — correct the highlighted fields";
    case "conflict":
      return "Not saved — a newer version exists";
  }
}
