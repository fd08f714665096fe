import type { ReferenceNoticeKind } from "./reference";

/**
 * Retraction and correction signals carried by an imported record itself: PubMed's `RIN` ("Retraction
 * in") and `PT - Retracted Publication`, `EIN` (erratum), `ECI` (expression of concern) and `CIN`
 * (comment); titles the publisher prefixed with "RETRACTED:"; notes that say so (BibTeX `note`,
 * `annotation`, `addendum`; RIS `N1`; CSL `note`); Crossref's `updated-by`, `update-to` and
 * `relation` entries in CSL-JSON. Pure: the importer collects the signals, `integrityVerdict`
 * decides what the reference becomes (retracted, a notice, or unchanged).
 */

export type IntegritySignalKind =
  | "retraction"
  | "expression_of_concern"
  | "correction"
  /** Commentary on the work: shown in the preview, never changes the reference. */
  | "comment"
  /** The record is itself a notice (of retraction, correction, concern) about another work. */
  | "is_notice";

export type IntegritySignal = {
  kind: IntegritySignalKind;
  /** Where in the record it was read: "MEDLINE RIN", "title", "BibTeX note", "CSL-JSON updated-by". */
  field: string;
  /** The record's own words. */
  evidence: string;
};

export type IntegrityVerdict =
  { status: "retracted"; note: string } | { status: "notice"; kind: ReferenceNoticeKind; note: string } | { status: "none" };

const KIND_LABEL: Record<IntegritySignalKind, string> = {
  retraction: "Retracted",
  expression_of_concern: "Expression of concern",
  correction: "Corrected (erratum)",
  comment: "Commented on",
  is_notice: "This record is itself a notice",
};

const clip = (text: string, max = 300) => {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

/** "Retracted, per the record's own metadata (MEDLINE RIN): “Retraction in: Lancet. 2010;375(9713):445”". */
export function describeSignal(signal: IntegritySignal): string {
  return `${KIND_LABEL[signal.kind]}, per the record's own metadata (${signal.field}): “${clip(signal.evidence)}”`;
}

/** A retraction outweighs a notice; an expression of concern outweighs a correction. Comments and notice records change nothing. */
export function integrityVerdict(signals: readonly IntegritySignal[]): IntegrityVerdict {
  // The signal that says most: a "Retraction in: Lancet. 2010;…" before a bare publication type or title prefix.
  const terse = (s: IntegritySignal) => (/(?:^title| PT|publication type)$/i.test(s.field) ? 2 : /^partial/i.test(s.evidence) ? 1 : 0);
  const first = (kind: IntegritySignalKind) => signals.filter((s) => s.kind === kind).sort((a, b) => terse(a) - terse(b))[0];
  const retraction = first("retraction");
  if (retraction) return { status: "retracted", note: describeSignal(retraction) };
  const notice = first("expression_of_concern") ?? first("correction");
  if (notice) return { status: "notice", kind: notice.kind as ReferenceNoticeKind, note: describeSignal(notice) };
  return { status: "none" };
}

/** Same kind and evidence read twice (a note copied from RIN, say) is one signal. */
export function distinct(signals: IntegritySignal[]): IntegritySignal[] {
  const seen = new Set<string>();
  return signals.filter((s) => {
    const key = `${s.kind}\u0000${s.evidence.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------- titles and free text

/** Elsevier "RETRACTED:", Springer "RETRACTED ARTICLE:", Wiley "Retracted:", Cochrane "WITHDRAWN:". */
const TITLE_PREFIX = /^\s*(?:\[\s*)?(retracted(?:\s+article)?|withdrawn)\s*(?:\]\s*)?[:.\-–]\s*/i;

export function titleSignals(title: string | undefined): IntegritySignal[] {
  if (!title) return [];
  return TITLE_PREFIX.test(title) ? [{ kind: "retraction", field: "title", evidence: title }] : [];
}

/**
 * A note in a reference manager's words. Order matters: "Retraction of: …" is a notice's own
 * note (it retracts another work), "Retraction in: …" says this work was retracted.
 */
const NOTE_RULES: Array<{ pattern: RegExp; kind: IntegritySignalKind }> = [
  { pattern: /\b(?:retraction|withdrawal)\s+(?:of|for)\s*:/i, kind: "is_notice" },
  { pattern: /\b(?:erratum|correction|corrigendum)\s+(?:of|for|to)\s*:/i, kind: "is_notice" },
  { pattern: /\bexpression\s+of\s+concern\s+(?:for|of)\s*:/i, kind: "is_notice" },
  { pattern: /\bnot\s+(?:been\s+)?(?:retracted|withdrawn)\b/i, kind: "comment" },
  { pattern: /\bretract(?:ed|ion)\b|\bwithdrawn\b|\bwithdrawal\b/i, kind: "retraction" },
  { pattern: /\bexpressions?\s+of\s+concern\b/i, kind: "expression_of_concern" },
  {
    pattern: /\b(?:erratum|errata|corrigendum|correction)\s+(?:in|published)\b|\bcorrected\s+(?:in|article)\b|\berratum\b/i,
    kind: "correction",
  },
];

export function noteSignals(field: string, note: unknown): IntegritySignal[] {
  const texts = (Array.isArray(note) ? note : [note]).filter((n): n is string => typeof n === "string" && n.trim() !== "");
  const signals: IntegritySignal[] = [];
  for (const text of texts) {
    // Zotero and others join several notes into one field, a line each: judge each line.
    for (const line of text.split(/\r?\n|(?<=\.)\s+(?=[A-Z][a-z]+ (?:in|of|for):)/)) {
      const rule = NOTE_RULES.find((r) => r.pattern.test(line));
      if (rule && rule.kind !== "comment") signals.push({ kind: rule.kind, field, evidence: line.trim() });
    }
  }
  return signals;
}

// ---------------------------------------------------------------- MEDLINE

const MEDLINE_TAGS: Record<string, { kind: IntegritySignalKind; label: string }> = {
  RIN: { kind: "retraction", label: "Retraction in" },
  PRIN: { kind: "retraction", label: "Partial retraction in" },
  ECI: { kind: "expression_of_concern", label: "Expression of concern in" },
  EIN: { kind: "correction", label: "Erratum in" },
  CIN: { kind: "comment", label: "Comment in" },
  ROF: { kind: "is_notice", label: "Retraction of" },
  EFR: { kind: "is_notice", label: "Erratum for" },
  ECF: { kind: "is_notice", label: "Expression of concern for" },
};

/** PubMed publication types naming what happened to the work, or what the record is. */
const MEDLINE_PUBLICATION_TYPES: Record<string, IntegritySignalKind> = {
  "retracted publication": "retraction",
  "retraction of publication": "is_notice",
  "published erratum": "is_notice",
  "expression of concern": "is_notice",
};

export function medlineSignals(fields: ReadonlyArray<{ tag: string; value: string }>): IntegritySignal[] {
  const signals: IntegritySignal[] = [];
  for (const { tag, value } of fields) {
    const known = MEDLINE_TAGS[tag];
    if (known) signals.push({ kind: known.kind, field: `MEDLINE ${tag}`, evidence: `${known.label}: ${value}` });
    if (tag === "PT") {
      const kind = MEDLINE_PUBLICATION_TYPES[value.trim().toLowerCase()];
      if (kind) signals.push({ kind, field: "MEDLINE PT", evidence: `Publication type: ${value}` });
    }
    if (tag === "TI") signals.push(...titleSignals(value));
  }
  return distinct(signals);
}

// ---------------------------------------------------------------- CSL-JSON / Crossref

const textOf = (value: unknown): string | null => (typeof value === "string" ? value : null);

function updateKind(type: unknown): IntegritySignalKind | null {
  const t = (textOf(type) ?? "").toLowerCase().replace(/[\s-]+/g, "_");
  if (/retract|withdraw|removal/.test(t)) return "retraction";
  if (/concern/.test(t)) return "expression_of_concern";
  if (/correct|errat|corrigend/.test(t)) return "correction";
  return null;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

function updateDescription(entry: Record<string, unknown>, verb: string): string {
  const parts = [textOf(entry.label) ?? textOf(entry.type) ?? "update"];
  if (typeof entry.DOI === "string") parts.push(`${verb} doi:${entry.DOI}`);
  const date = (entry.updated as { "date-parts"?: unknown[][] } | undefined)?.["date-parts"]?.[0];
  if (Array.isArray(date) && date.length) parts.push(`(${date.join("-")})`);
  return parts.join(" ");
}

/**
 * `updated-by` lists the notices published about this work. `update-to` sits on a notice and
 * points back at the work it updates: about this very DOI (a retraction published in place), the
 * work is retracted; about another DOI, the record is a notice. `relation` keys ("is-retracted-by",
 * "has-correction", …) are read by name.
 */
export function cslSignals(item: Record<string, unknown>, format: "CSL-JSON" | "BibTeX" | "RIS"): IntegritySignal[] {
  const signals: IntegritySignal[] = [...titleSignals(typeof item.title === "string" ? item.title : undefined)];
  const noteLabel = format === "RIS" ? "RIS N1" : `${format} note`;
  signals.push(...noteSignals(noteLabel, item.note), ...noteSignals(`${format} annotation`, item.annote));
  const ownDoi = typeof item.DOI === "string" ? item.DOI.toLowerCase() : null;

  for (const raw of asList(item["updated-by"])) {
    if (!raw || typeof raw !== "object") continue;
    const entry = raw as Record<string, unknown>;
    const kind = updateKind(entry.type);
    if (kind) signals.push({ kind, field: "CSL-JSON updated-by", evidence: updateDescription(entry, "in") });
  }
  for (const raw of asList(item["update-to"])) {
    if (!raw || typeof raw !== "object") continue;
    const entry = raw as Record<string, unknown>;
    const kind = updateKind(entry.type);
    if (!kind) continue;
    const aboutItself = typeof entry.DOI === "string" && entry.DOI.toLowerCase() === ownDoi;
    signals.push({
      kind: aboutItself ? kind : "is_notice",
      field: "CSL-JSON update-to",
      evidence: updateDescription(entry, aboutItself ? "of this work," : "of"),
    });
  }
  const relation = item.relation;
  if (relation && typeof relation === "object" && !Array.isArray(relation)) {
    for (const [name, targets] of Object.entries(relation)) {
      // "is-retraction-of" and the like describe a notice; "is-retracted-by", "has-retraction" this work.
      const notice = /-of$|-for$|-to$/.test(name);
      const kind = updateKind(name);
      if (!kind) continue;
      const ids = asList(targets)
        .map((t) => (t && typeof t === "object" ? (t as { id?: unknown }).id : t))
        .filter((id) => typeof id === "string" || typeof id === "number")
        .join(", ");
      signals.push({ kind: notice ? "is_notice" : kind, field: "CSL-JSON relation", evidence: `${name}${ids ? ` ${ids}` : ""}` });
    }
  }
  return distinct(signals);
}

/** `annote` and `addendum` of a raw BibTeX entry: citation-js keeps only one of `annote`/`annotation` and drops `addendum`. */
export function bibtexExtraNotes(entry: string): string[] {
  const notes: string[] = [];
  for (const m of entry.matchAll(/(?:^|[,\s])(annote|addendum)\s*=\s*(?:\{((?:[^{}]|\{[^{}]*\})*)\}|"([^"]*)")/gi)) {
    const text = (m[2] ?? m[3] ?? "").replace(/[{}]/g, "").trim();
    if (text) notes.push(text);
  }
  return notes;
}
