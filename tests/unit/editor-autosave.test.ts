import { describe, expect, it } from "vitest";
import {
  AUTOSAVE_DELAY_MS,
  MAX_RETRY_DELAY_MS,
  autosaveLabel,
  autosaveReducer,
  hasUnsavedChanges,
  initialAutosaveState,
  nextSaveDelay,
  type AutosaveEvent,
  type AutosaveState,
} from "@/lib/editor/autosave";

const run = (...events: AutosaveEvent[]): AutosaveState => events.reduce(autosaveReducer, initialAutosaveState());
const time = (iso: string) => iso.slice(11, 16);

describe("autosave state machine", () => {
  it("saves about two seconds after typing, and shows when it was saved", () => {
    const typed = run({ type: "edit" });
    expect(typed.status).toBe("dirty");
    expect(nextSaveDelay(typed)).toBe(AUTOSAVE_DELAY_MS);
    const saving = autosaveReducer(typed, { type: "save_started" });
    expect(autosaveLabel(saving, time)).toBe("Saving…");
    expect(nextSaveDelay(saving)).toBeNull();
    const saved = autosaveReducer(saving, { type: "save_succeeded", at: "2026-12-01T14:02:10.000Z" });
    expect(autosaveLabel(saved, time)).toBe("Saved at 14:02");
    expect(hasUnsavedChanges(saved)).toBe(false);
    expect(nextSaveDelay(saved)).toBeNull();
  });

  it("saves again when the text changed while a save was in flight", () => {
    const state = run(
      { type: "edit" },
      { type: "save_started" },
      { type: "edit" },
      { type: "save_succeeded", at: "2026-12-01T14:02:00.000Z" },
    );
    expect(state.status).toBe("dirty");
    expect(state.savedAt).toBe("2026-12-01T14:02:00.000Z");
    expect(nextSaveDelay(state)).toBe(AUTOSAVE_DELAY_MS);
  });

  it("keeps retrying a failed save with growing pauses, capped", () => {
    const once = run({ type: "edit" }, { type: "save_started" }, { type: "save_failed", message: "offline" });
    expect(once.status).toBe("retrying");
    expect(autosaveLabel(once, time)).toBe("Not saved — retrying");
    expect(hasUnsavedChanges(once)).toBe(true);
    const delays = [once];
    for (let i = 0; i < 6; i++)
      delays.push(
        autosaveReducer(autosaveReducer(delays[delays.length - 1], { type: "save_started" }), { type: "save_failed", message: "offline" }),
      );
    const waits = delays.map(nextSaveDelay) as number[];
    expect(waits[0]).toBe(AUTOSAVE_DELAY_MS);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
    expect(waits[waits.length - 1]).toBe(MAX_RETRY_DELAY_MS);
    const recovered = autosaveReducer(autosaveReducer(delays[6], { type: "save_started" }), {
      type: "save_succeeded",
      at: "2026-12-01T15:00:00.000Z",
    });
    expect(recovered.status).toBe("saved");
    expect(recovered.failures).toBe(0);
  });

  it("stops saving on a conflict, whatever is typed, until the writer chooses", () => {
    const conflict = run({ type: "edit" }, { type: "save_started" }, { type: "conflict", message: "newer version" });
    expect(autosaveLabel(conflict, time)).toBe("Not saved — a newer version exists");
    const typedOn = autosaveReducer(conflict, { type: "edit" });
    expect(typedOn.status).toBe("conflict");
    expect(nextSaveDelay(typedOn)).toBeNull();
    expect(hasUnsavedChanges(typedOn)).toBe(true);
    expect(autosaveReducer(typedOn, { type: "conflict_resolved", kept: "mine" }).status).toBe("dirty");
    expect(autosaveReducer(typedOn, { type: "conflict_resolved", kept: "theirs" }).status).toBe("saved");
  });

  it("waits for the writer after the server refuses the fields, and tries again once they edit", () => {
    const invalid = run({ type: "edit" }, { type: "save_started" }, { type: "save_invalid", message: "slug taken" });
    expect(invalid.status).toBe("invalid");
    expect(nextSaveDelay(invalid)).toBeNull();
    expect(autosaveReducer(invalid, { type: "edit" }).status).toBe("dirty");
  });

  it("ignores a stray conflict resolution", () => {
    const saved = run({ type: "edit" }, { type: "save_started" }, { type: "save_succeeded", at: "2026-12-01T14:00:00.000Z" });
    expect(autosaveReducer(saved, { type: "conflict_resolved", kept: "mine" })).toBe(saved);
  });
});
