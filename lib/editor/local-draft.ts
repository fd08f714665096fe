/**
 * A copy of the editor's unsaved text in the browser (localStorage), kept until the server confirms
 * a save of exactly that text, so a reload, a closed tab or a server restart loses nothing. The
 * copy remembers which revision and version it was typed on; on load that decides whether it can
 * simply be saved (same version) or has to be compared with a newer one (conflict).
 */

export type DraftFields = {
  question: string;
  slug: string;
  topic: string;
  clinicianBody: string;
  patientBody: string;
  disclosure: string;
};

export type DraftBase = { revisionId: number; version: number };

export type LocalDraft = { base: DraftBase; fields: DraftFields; updatedAt: string };

/** The part of the Web Storage API used here, so tests can pass a Map-backed fake. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/**
 * Each browser tab keeps its own copy (tab ids live in sessionStorage, which survives a reload of
 * the tab), so one tab confirming its save never discards another tab's unsaved text.
 */
export const draftPrefix = (articleId: number) => `vetted:draft:article:${articleId}:`;
export const draftKey = (articleId: number, tabId: string) => `${draftPrefix(articleId)}${tabId}`;

const FIELD_NAMES: (keyof DraftFields)[] = ["question", "slug", "topic", "clinicianBody", "patientBody", "disclosure"];

export const sameFields = (a: DraftFields, b: DraftFields) => FIELD_NAMES.every((k) => a[k] === b[k]);

function isDraft(value: unknown): value is LocalDraft {
  if (!value || typeof value !== "object") return false;
  const v = value as LocalDraft;
  return (
    !!v.base &&
    Number.isInteger(v.base.revisionId) &&
    Number.isInteger(v.base.version) &&
    typeof v.updatedAt === "string" &&
    !!v.fields &&
    FIELD_NAMES.every((k) => typeof v.fields[k] === "string")
  );
}

function parse(raw: string | null): LocalDraft | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isDraft(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export type FoundDraft = { draft: LocalDraft; key: string };

/**
 * This tab's copy; failing that, the newest copy another tab of this article left behind (a
 * closed tab, a crashed browser), which the caller adopts and removes once it is safe here.
 */
export function readDraft(storage: DraftStorage, articleId: number, tabId: string): FoundDraft | null {
  try {
    const own = parse(storage.getItem(draftKey(articleId, tabId)));
    if (own) return { draft: own, key: draftKey(articleId, tabId) };
    let newest: FoundDraft | null = null;
    const prefix = draftPrefix(articleId);
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const draft = parse(storage.getItem(key));
      if (draft && (!newest || draft.updatedAt > newest.draft.updatedAt)) newest = { draft, key };
    }
    return newest;
  } catch {
    return null;
  }
}

/** Returns false when the browser refused (storage full or disabled); the editor says so. */
export function writeDraft(storage: DraftStorage, articleId: number, tabId: string, draft: LocalDraft): boolean {
  try {
    storage.setItem(draftKey(articleId, tabId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraftKey(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: a copy that can't be removed is compared again on the next load.
  }
}

export const clearDraft = (storage: DraftStorage, articleId: number, tabId: string) => removeDraftKey(storage, draftKey(articleId, tabId));

export type DraftRecovery =
  /** No local copy, or it holds what the server already has. */
  | { kind: "none" }
  /** Typed on the version the server still has: put it back on screen and save it. */
  | { kind: "restore"; fields: DraftFields }
  /** Typed on a version someone has since replaced: show both and let the writer choose. */
  | { kind: "conflict"; fields: DraftFields };

export function recoverDraft(draft: LocalDraft | null, server: { base: DraftBase; fields: DraftFields }): DraftRecovery {
  if (!draft || sameFields(draft.fields, server.fields)) return { kind: "none" };
  const sameBase = draft.base.revisionId === server.base.revisionId && draft.base.version === server.base.version;
  return sameBase ? { kind: "restore", fields: draft.fields } : { kind: "conflict", fields: draft.fields };
}

/** The editor's fields of an article's revision, in the shape the local copy keeps. */
export const draftFieldsOf = (slug: string, topic: string, revision: Omit<DraftFields, "slug" | "topic">): DraftFields => ({
  question: revision.question,
  slug,
  topic,
  clinicianBody: revision.clinicianBody,
  patientBody: revision.patientBody,
  disclosure: revision.disclosure,
});

export const TAB_ID_KEY = "vetted:tab-id";

/**
 * This tab's id, kept in sessionStorage so it survives reloads of the tab but not other tabs.
 * Storage that refuses (disabled, private mode) gives every tab the same id, "tab".
 */
export function currentTabId(
  storage: Pick<Storage, "getItem" | "setItem">,
  newId: () => string = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
): string {
  try {
    let id = storage.getItem(TAB_ID_KEY);
    if (!id) {
      id = newId();
      storage.setItem(TAB_ID_KEY, id);
    }
    return id;
  } catch {
    return "tab";
  }
}
