import { describe, expect, it } from "vitest";
import {
  clearDraft,
  currentTabId,
  draftFieldsOf,
  draftKey,
  readDraft,
  recoverDraft,
  TAB_ID_KEY,
  writeDraft,
  type DraftFields,
  type DraftStorage,
} from "@/lib/editor/local-draft";

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

const fields = (patientBody: string): DraftFields => ({
  question: "Q?",
  slug: "q",
  topic: "T",
  clinicianBody: "C",
  patientBody,
  disclosure: "",
});

describe("local draft", () => {
  it("round-trips through storage and is cleared on request", () => {
    const storage = memoryStorage();
    const draft = { base: { revisionId: 4, version: 7 }, fields: fields("typed"), updatedAt: "2026-12-01T00:00:00.000Z" };
    expect(writeDraft(storage, 9, "tab-a", draft)).toBe(true);
    expect(readDraft(storage, 9, "tab-a")).toEqual({ draft, key: draftKey(9, "tab-a") });
    expect(readDraft(storage, 10, "tab-a")).toBeNull();
    clearDraft(storage, 9, "tab-a");
    expect(readDraft(storage, 9, "tab-a")).toBeNull();
  });

  it("keeps each tab's copy apart, and offers the newest one a closed tab left behind", () => {
    const storage = memoryStorage();
    const older = { base: { revisionId: 4, version: 7 }, fields: fields("older"), updatedAt: "2026-12-01T10:00:00.000Z" };
    const newer = { base: { revisionId: 4, version: 7 }, fields: fields("newer"), updatedAt: "2026-12-01T11:00:00.000Z" };
    writeDraft(storage, 9, "tab-a", older);
    writeDraft(storage, 9, "tab-b", newer);
    // Tab A confirming its save leaves tab B's text alone.
    clearDraft(storage, 9, "tab-a");
    expect(readDraft(storage, 9, "tab-b")?.draft.fields.patientBody).toBe("newer");
    writeDraft(storage, 9, "tab-a", older);
    // A brand-new tab finds the newest copy of this article, not another article's.
    writeDraft(storage, 8, "tab-z", { ...newer, updatedAt: "2026-12-01T12:00:00.000Z", fields: fields("other article") });
    expect(readDraft(storage, 9, "tab-new")).toEqual({ draft: newer, key: draftKey(9, "tab-b") });
  });

  it("treats damaged or foreign data as no draft", () => {
    const storage = memoryStorage();
    storage.setItem(draftKey(1, "t"), "{not json");
    expect(readDraft(storage, 1, "t")).toBeNull();
    storage.setItem(draftKey(1, "t"), JSON.stringify({ base: { revisionId: 1, version: 1 }, fields: { question: 1 }, updatedAt: "" }));
    expect(readDraft(storage, 1, "t")).toBeNull();
  });

  it("reports a browser that refuses to store", () => {
    const full: DraftStorage = {
      getItem: () => null,
      removeItem: () => undefined,
      key: () => null,
      length: 0,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(writeDraft(full, 1, "t", { base: { revisionId: 1, version: 1 }, fields: fields("x"), updatedAt: "" })).toBe(false);
  });

  it("restores text typed on the version the server still has", () => {
    const server = { base: { revisionId: 4, version: 7 }, fields: fields("saved") };
    const draft = { base: { revisionId: 4, version: 7 }, fields: fields("saved and more"), updatedAt: "" };
    expect(recoverDraft(draft, server)).toEqual({ kind: "restore", fields: fields("saved and more") });
  });

  it("asks to compare text typed on a version someone has since replaced", () => {
    const server = { base: { revisionId: 4, version: 8 }, fields: fields("their change") };
    expect(recoverDraft({ base: { revisionId: 4, version: 7 }, fields: fields("my change"), updatedAt: "" }, server).kind).toBe("conflict");
    // A new revision started from the approved one is a newer version too.
    expect(
      recoverDraft(
        { base: { revisionId: 3, version: 7 }, fields: fields("my change"), updatedAt: "" },
        { ...server, base: { revisionId: 5, version: 1 } },
      ).kind,
    ).toBe("conflict");
  });

  it("has nothing to recover when the server already holds the same text", () => {
    const server = { base: { revisionId: 4, version: 8 }, fields: fields("same") };
    expect(recoverDraft({ base: { revisionId: 4, version: 7 }, fields: fields("same"), updatedAt: "" }, server)).toEqual({ kind: "none" });
    expect(recoverDraft(null, server)).toEqual({ kind: "none" });
  });
});

describe("the editor's fields and this tab's id", () => {
  it("takes the six fields the local copy keeps from the article and its revision, and nothing else", () => {
    const revision = { id: 9, version: 3, question: "Q?", clinicianBody: "C", patientBody: "P", disclosure: "None" };
    expect(draftFieldsOf("q", "T", revision)).toEqual({
      question: "Q?",
      slug: "q",
      topic: "T",
      clinicianBody: "C",
      patientBody: "P",
      disclosure: "None",
    });
  });

  it("makes a tab id once and finds it again after a reload", () => {
    const storage = memoryStorage();
    let made = 0;
    const newId = () => `id-${++made}`;
    expect(currentTabId(storage, newId)).toBe("id-1");
    expect(currentTabId(storage, newId)).toBe("id-1");
    expect(storage.getItem(TAB_ID_KEY)).toBe("id-1");
    expect(made).toBe(1);
  });

  it("gives every tab the same id when session storage refuses", () => {
    const refusing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(currentTabId(refusing, () => "never")).toBe("tab");
  });
});
