import { diffWordsWithSpace } from "diff";

/**
 * Word-level differences between two versions of a text (revision history, "what changed since
 * your approval"). Whitespace and line breaks are tokens too, so paragraph changes show.
 */

export type DiffSegment = { type: "equal" | "insert" | "delete"; text: string };

export function diffWords(before: string, after: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    const type = change.added ? "insert" : change.removed ? "delete" : "equal";
    const last = segments[segments.length - 1];
    if (last && last.type === type) last.text += change.value;
    else if (change.value) segments.push({ type, text: change.value });
  }
  return segments;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** Class that hides text visually but not from screen readers (Tailwind's `sr-only`). */
export const VISUALLY_HIDDEN_CLASS = "sr-only";

/**
 * Safe HTML: changes as <ins>/<del>, which carry their meaning without colour, each wrapped in
 * visually hidden "[added: …]" / "[removed: …]" so screen readers, which mostly do not announce
 * ins/del, say it too. Line breaks are kept as text: show it in a `white-space: pre-wrap` container.
 */
export function diffToHtml(segments: readonly DiffSegment[]): string {
  const hidden = (text: string) => `<span class="${VISUALLY_HIDDEN_CLASS}">${text}</span>`;
  return segments
    .map(({ type, text }) => {
      const escaped = escapeHtml(text);
      if (type === "insert") return `<ins>${hidden("[added: ")}${escaped}${hidden("]")}</ins>`;
      if (type === "delete") return `<del>${hidden("[removed: ")}${escaped}${hidden("]")}</del>`;
      return escaped;
    })
    .join("");
}

export function diffHtml(before: string, after: string): string {
  return diffToHtml(diffWords(before, after));
}
