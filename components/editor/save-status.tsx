"use client";

import { clsx } from "clsx";
import { autosaveLabel, type AutosaveState } from "@/lib/editor/autosave";

const timeOfDay = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));

const TONE: Record<AutosaveState["status"], string> = {
  clean: "text-muted",
  saved: "text-emerald-800",
  dirty: "text-muted",
  saving: "text-muted",
  retrying: "text-amber-900",
  invalid: "text-red-800",
  conflict: "text-red-800",
};

/** The autosave state in words, announced politely to screen readers as it changes. */
export function SaveStatus({ state, onSaveNow }: { state: AutosaveState; onSaveNow: () => void }) {
  const canSaveNow = state.status === "dirty" || state.status === "retrying";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p
        role="status"
        aria-live="polite"
        data-testid="save-status"
        data-status={state.status}
        className={clsx("text-sm font-medium", TONE[state.status])}
      >
        {autosaveLabel(state, timeOfDay)}
      </p>
      {canSaveNow && (
        <button
          type="button"
          onClick={onSaveNow}
          className="text-sm font-medium text-brand-700 underline"
          aria-keyshortcuts="Control+S Meta+S"
        >
          Save now
        </button>
      )}
    </div>
  );
}
