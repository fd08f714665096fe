/**
 * Cuts an export into its entries before parsing. citation-js parses a whole BibTeX or RIS text
 * or nothing: one missing brace would lose every other entry. Parsed one by one, a broken
 * entry costs only itself.
 */

export type RawEntry = {
  text: string;
  /** 1-based line of the input where the entry starts. */
  line: number;
  /** Set when the entry is broken in a way found while splitting: it is not parsed. */
  problem?: string;
  /** Set when the entry was repaired while splitting: it is parsed, and the editor told. */
  warning?: string;
};

export type SplitBibtex = {
  entries: RawEntry[];
  /** `@string` definitions, prepended to every entry so abbreviations resolve. */
  macros: string;
};

/** Line numbers for increasing offsets, counting each newline once however many entries there are. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let from = 0;
  return (offset) => {
    for (let nl = text.indexOf("\n", from); nl !== -1 && nl < offset; nl = text.indexOf("\n", from)) {
      line++;
      from = nl + 1;
    }
    return line;
  };
}

const ENTRY_START = /@[ \t]*([A-Za-z]+)[ \t\r\n]*([{(])/g;
const LINE_START_ENTRY = /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/gm;

/** Offset just after the delimiter closing the one at `open`, or -1 if it does not close before `limit`. */
function closingOffset(text: string, open: number, limit: number): number {
  const closer = text[open] === "(" ? ")" : "}";
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "{" || (closer === ")" && c === "(")) depth++;
    else if (c === "}" || (closer === ")" && c === ")")) {
      depth--;
      if (depth === 0) return c === closer ? i + 1 : -1;
    }
  }
  return -1;
}

export function splitBibtex(text: string): SplitBibtex {
  const entries: RawEntry[] = [];
  const macros: string[] = [];
  const lineAt = lineCounter(text);
  let position = 0;
  let stop = -1;
  while (position < text.length) {
    ENTRY_START.lastIndex = position;
    const start = ENTRY_START.exec(text);
    if (!start) break;
    const kind = start[1].toLowerCase();
    const open = start.index + start[0].length - 1;
    // No well-formed entry has a line starting with "@type{" inside it, so the next such line
    // bounds the search for the closing brace: a broken entry costs only its own length to scan.
    // (Kept across entries that share a line, so a file on one line is still scanned once.)
    if (stop <= open) {
      LINE_START_ENTRY.lastIndex = open + 1;
      const next = LINE_START_ENTRY.exec(text);
      stop = next ? next.index : text.length;
    }
    const end = closingOffset(text, open, stop);
    if (end === -1) {
      if (kind !== "comment" && kind !== "preamble" && kind !== "string") {
        entries.push({
          text: text.slice(start.index, stop).trim(),
          line: lineAt(start.index),
          problem: "The entry's braces do not balance (a closing brace is probably missing)",
        });
      }
      // Resume at the next entry that starts a line: the best guess at where the damage ends.
      position = stop;
      continue;
    }
    const entry = text.slice(start.index, end);
    if (kind === "string") macros.push(entry);
    else if (kind !== "comment" && kind !== "preamble") entries.push({ text: entry, line: lineAt(start.index) });
    position = end;
  }
  return { entries, macros: macros.join("\n") };
}

type OpenEntry = { lines: string[]; line: number };

/** RIS records run from `TY  -` to `ER  -`; a record missing its ER line ends where the next TY begins. */
export function splitRis(text: string): RawEntry[] {
  const entries: RawEntry[] = [];
  const unterminated = "The record had no end line (ER  -); it was read up to the next record";
  let current: OpenEntry | null = null;
  const lines = text.split(/\r\n?|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/^\uFEFF/, "");
    if (/^TY {2}-/.test(line)) {
      if (current) entries.push({ text: current.lines.join("\n"), line: current.line, warning: unterminated });
      current = { lines: [line], line: i + 1 };
    } else if (/^ER {2}-/.test(line)) {
      if (current) entries.push({ text: [...current.lines, "ER  - "].join("\n"), line: current.line });
      current = null;
    } else if (current) {
      current.lines.push(line);
    }
  }
  if (current) entries.push({ text: current.lines.join("\n"), line: current.line, warning: unterminated });
  return entries;
}

/** MEDLINE records are separated by blank lines. */
export function splitMedline(text: string): RawEntry[] {
  const entries: RawEntry[] = [];
  let current: OpenEntry | null = null;
  const lines = text.split(/\r\n?|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") {
      if (current) entries.push({ text: current.lines.join("\n"), line: current.line });
      current = null;
    } else if (current) current.lines.push(line);
    else current = { lines: [line], line: i + 1 };
  }
  if (current) entries.push({ text: current.lines.join("\n"), line: current.line });
  return entries;
}
