/**
 * The Markdown toolbar and its keyboard shortcuts as pure text transforms on a textarea's value
 * and selection, so each button is unit tested and undo-free text stays predictable.
 */

export type TextSelection = { value: string; start: number; end: number };

export type ToolbarCommand = "bold" | "italic" | "heading" | "bullets" | "numbers" | "link" | "quote";

function wrap(sel: TextSelection, before: string, after: string, placeholder: string): TextSelection {
  const selected = sel.value.slice(sel.start, sel.end);
  // Pressing bold on already bold text takes the markers off again.
  if (
    selected &&
    sel.value.slice(sel.start - before.length, sel.start) === before &&
    sel.value.slice(sel.end, sel.end + after.length) === after
  ) {
    const value = sel.value.slice(0, sel.start - before.length) + selected + sel.value.slice(sel.end + after.length);
    return { value, start: sel.start - before.length, end: sel.end - before.length };
  }
  const inner = selected || placeholder;
  const value = sel.value.slice(0, sel.start) + before + inner + after + sel.value.slice(sel.end);
  return { value, start: sel.start + before.length, end: sel.start + before.length + inner.length };
}

/** Start offsets of the lines the selection touches. */
function lineStarts(value: string, start: number, end: number): number[] {
  const first = value.lastIndexOf("\n", start - 1) + 1;
  const starts = [first];
  for (let i = value.indexOf("\n", first); i !== -1 && i < end; i = value.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function prefixLines(sel: TextSelection, prefix: (index: number) => string, existing: RegExp): TextSelection {
  const starts = lineStarts(sel.value, sel.start, sel.end);
  const lineAt = (s: number) => {
    const end = sel.value.indexOf("\n", s);
    return sel.value.slice(s, end === -1 ? undefined : end);
  };
  const current = starts.map((s) => lineAt(s).match(existing)?.[0] ?? "");
  // Toggle: when every line already has exactly this prefix, take it off; another kind is replaced.
  const remove = current.every((old, i) => old === prefix(i));
  let value = sel.value;
  let shift = 0;
  let firstShift = 0;
  starts.forEach((lineStart, i) => {
    const at = lineStart + shift;
    const old = current[i];
    const next = remove ? "" : prefix(i);
    value = value.slice(0, at) + next + value.slice(at + old.length);
    if (i === 0) firstShift = next.length - old.length;
    shift += next.length - old.length;
  });
  return { value, start: Math.max(starts[0], sel.start + firstShift), end: Math.max(starts[0], sel.end + shift) };
}

export function applyToolbarCommand(sel: TextSelection, command: ToolbarCommand): TextSelection {
  switch (command) {
    case "bold":
      return wrap(sel, "**", "**", "bold text");
    case "italic":
      return wrap(sel, "_", "_", "italic text");
    case "heading":
      return prefixLines(sel, () => "## ", /^#{1,6} /);
    case "bullets":
      return prefixLines(sel, () => "- ", /^[-*+] /);
    case "numbers":
      return prefixLines(sel, (i) => `${i + 1}. `, /^\d+\. /);
    case "quote":
      return prefixLines(sel, () => "> ", /^> ?/);
    case "link": {
      const text = sel.value.slice(sel.start, sel.end) || "link text";
      const inserted = `[${text}](https://)`;
      const value = sel.value.slice(0, sel.start) + inserted + sel.value.slice(sel.end);
      // Select the address so typing replaces it.
      const urlStart = sel.start + text.length + 3;
      return { value, start: urlStart, end: urlStart + "https://".length };
    }
  }
}

/**
 * Inserts a citation of `citekey` at the cursor (replacing any selection). Right after another
 * marker the key joins it ("[@a]" → "[@a; @b]"), so consecutive citations render as one superscript.
 */
export function insertCitation(sel: TextSelection, citekey: string): TextSelection {
  const before = sel.value.slice(0, sel.start);
  const after = sel.value.slice(sel.end);
  const join = before.match(/\[@[^\]\n]*\]$/);
  if (join) {
    const value = `${before.slice(0, -1)}; @${citekey}]${after}`;
    const cursor = before.length + citekey.length + 3;
    return { value, start: cursor, end: cursor };
  }
  const space = before && !/\s$/.test(before) ? " " : "";
  const marker = `${space}[@${citekey}]`;
  const cursor = before.length + marker.length;
  return { value: before + marker + after, start: cursor, end: cursor };
}

/** The command for a keyboard shortcut (Ctrl or ⌘ with B, I, K), or null. */
export function shortcutCommand(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): ToolbarCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (event.shiftKey) {
    if (key === "8" || key === "*") return "bullets";
    if (key === "7" || key === "&") return "numbers";
    if (key === "." || key === ">") return "quote";
    if (key === "h") return "heading";
    return null;
  }
  if (key === "b") return "bold";
  if (key === "i") return "italic";
  if (key === "k") return "link";
  return null;
}
