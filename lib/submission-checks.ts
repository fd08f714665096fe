import { citedKeys } from "@/lib/citations/markers";
import { countUnsourcedStatements } from "@/lib/citations/statements";
import { analyzeReadability } from "@/lib/readability";

/**
 * The checklist shown before a revision is submitted, and to its reviewers. Pure: the caller
 * passes the revision's text and what the library knows about the citekeys it uses, so the
 * same list is computed by the page that shows it and by the action that enforces it.
 */

export type CheckSeverity = "blocking" | "warning";

export type SubmissionCheck = {
  id: string;
  severity: CheckSeverity;
  label: string;
  passed: boolean;
  /** Why it failed, in words an editor can act on; empty when it passed. */
  detail: string;
};

export type CheckedContent = {
  question: string;
  clinicianBody: string;
  patientBody: string;
  disclosure: string;
};

export type LibraryEntry = {
  citekey: string;
  title: string;
  retracted: boolean;
  /** For the freshness warning: a guideline's publication year. */
  type?: string;
  year?: number | null;
  /** A correction or expression of concern published about the work. */
  noticeKind?: string | null;
};

export type CheckContext = {
  /** Library entries for the citekeys the wordings use (unknown keys are simply absent). */
  library: readonly LibraryEntry[];
  /** The patient-wording grade target (site setting `readabilityTarget`). */
  readabilityTarget: number;
  /** A cited guideline published more than this many years ago is a warning (site setting `guidelineMaxAgeYears`). */
  guidelineMaxAgeYears: number;
  /** The current year, for the guideline age (defaults to the clock's UTC year). */
  currentYear?: number;
  /** Clinician statements that cite nothing: a warning, or blocking (site setting `unsourcedStatements`). */
  unsourcedStatements?: "warn" | "block";
};

export type SubmissionChecklist = {
  checks: SubmissionCheck[];
  /** True when no blocking check failed. */
  canSubmit: boolean;
  patientGrade: number | null;
};

const present = (text: string) => text.trim().length > 0;
const list = (items: readonly string[]) => items.map((s) => `“${s}”`).join(", ");

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** "7 of 24 statements cite no reference: “…”, “…” and 5 more." */
export function unsourcedDetail(unsourced: readonly string[], total: number): string {
  const shown = unsourced.slice(0, 3).map((t) => clip(t));
  const more = unsourced.length - shown.length;
  const statements = total === 1 ? "statement" : "statements";
  return `${unsourced.length} of ${total} ${statements} cite${unsourced.length === 1 && total === 1 ? "s" : ""} no reference: ${list(shown)}${more > 0 ? ` and ${more} more` : ""}. Cite a source for each, or say why none is needed.`;
}

export function submissionChecklist(content: CheckedContent, context: CheckContext): SubmissionChecklist {
  const clinicianKeys = citedKeys(content.clinicianBody);
  const patientKeys = citedKeys(content.patientBody);
  const allKeys = [...new Set([...clinicianKeys, ...patientKeys])];
  const byKey = new Map(context.library.map((r) => [r.citekey, r]));
  const unknown = allKeys.filter((k) => !byKey.has(k));
  const retracted = allKeys.map((k) => byKey.get(k)).filter((r): r is LibraryEntry => !!r?.retracted);
  const statements = countUnsourcedStatements(content.clinicianBody);
  const patientGrade = present(content.patientBody) ? analyzeReadability(content.patientBody).fleschKincaidGrade : null;
  const roundedGrade = patientGrade === null ? null : Math.round(patientGrade * 10) / 10;
  // A reference backing only one wording is legitimate, but often means a claim lost its source.
  const onlyClinician = clinicianKeys.filter((k) => byKey.has(k) && !patientKeys.includes(k));
  const onlyPatient = patientKeys.filter((k) => byKey.has(k) && !clinicianKeys.includes(k));
  // Guidelines are revised every few years; an old one may have been superseded. Only the year is known.
  const maxAge = context.guidelineMaxAgeYears;
  const oldestAllowed = (context.currentYear ?? new Date().getUTCFullYear()) - maxAge;
  const staleGuidelines = allKeys
    .map((k) => byKey.get(k))
    .filter((r): r is LibraryEntry => !!r && r.type === "guideline" && !!r.year && r.year < oldestAllowed);
  const noticed = allKeys.map((k) => byKey.get(k)).filter((r): r is LibraryEntry => !!r?.noticeKind && !r.retracted);

  const missing = [
    !present(content.question) && "the question",
    !present(content.clinicianBody) && "the clinician wording",
    !present(content.patientBody) && "the patient wording",
  ].filter((s): s is string => !!s);

  const checks: SubmissionCheck[] = [
    {
      id: "content",
      severity: "blocking",
      label: "Question and both wordings are written",
      passed: missing.length === 0,
      detail: missing.length ? `Missing: ${missing.join(", ")}.` : "",
    },
    {
      id: "disclosure",
      severity: "blocking",
      label: "Author's conflict-of-interest disclosure is present",
      passed: present(content.disclosure),
      detail: present(content.disclosure) ? "" : "Add a disclosure, or state that there are no conflicts of interest.",
    },
    {
      id: "unknown-citekeys",
      severity: "blocking",
      label: "Every citation is in the reference library",
      passed: unknown.length === 0,
      detail: unknown.length ? `Not in the library: ${list(unknown.map((k) => `@${k}`))}. Add the reference or correct the key.` : "",
    },
    {
      id: "retracted",
      severity: "blocking",
      label: "No cited reference is retracted",
      passed: retracted.length === 0,
      detail: retracted.length ? `Retracted: ${list(retracted.map((r) => r.title || r.citekey))}. Replace or remove the citation.` : "",
    },
    {
      id: "unsourced-statements",
      severity: context.unsourcedStatements === "block" ? "blocking" : "warning",
      label: "Every clinician statement cites a reference",
      passed: statements.unsourced.length === 0,
      detail: statements.unsourced.length ? unsourcedDetail(statements.unsourced, statements.total) : "",
    },
    {
      id: "one-wording-references",
      severity: "warning",
      label: "References are cited in both wordings",
      passed: onlyClinician.length + onlyPatient.length === 0,
      detail: [
        onlyClinician.length ? `Cited only for clinicians: ${list(onlyClinician.map((k) => `@${k}`))}.` : "",
        onlyPatient.length ? `Cited only for patients: ${list(onlyPatient.map((k) => `@${k}`))}.` : "",
      ]
        .filter(Boolean)
        .join(" "),
    },
    {
      id: "guideline-age",
      severity: "warning",
      label: `Cited guidelines are at most ${maxAge} years old`,
      passed: staleGuidelines.length === 0,
      detail: staleGuidelines.length
        ? `Older than ${maxAge} years: ${list(staleGuidelines.map((r) => `${r.title || r.citekey} (${r.year})`))}. Check for a newer version.`
        : "",
    },
    {
      id: "notices",
      severity: "warning",
      label: "No cited reference has a correction or expression of concern",
      passed: noticed.length === 0,
      detail: noticed.length
        ? `With a published notice: ${list(noticed.map((r) => r.title || r.citekey))}. Check the claim still stands.`
        : "",
    },
    {
      id: "readability",
      severity: "warning",
      label: `Patient wording reads at grade ${context.readabilityTarget} or below`,
      passed: roundedGrade === null || roundedGrade <= context.readabilityTarget,
      detail:
        roundedGrade !== null && roundedGrade > context.readabilityTarget
          ? `Flesch-Kincaid grade ${roundedGrade.toFixed(1)}, above the target of ${context.readabilityTarget}. Shorter sentences and plainer words help.`
          : "",
    },
  ];
  return { checks, canSubmit: checks.every((c) => c.severity !== "blocking" || c.passed), patientGrade: roundedGrade };
}

/** The citekeys a revision's wordings use, for looking them up in the library. */
export function citekeysOf(content: Pick<CheckedContent, "clinicianBody" | "patientBody">): string[] {
  return [...new Set([...citedKeys(content.clinicianBody), ...citedKeys(content.patientBody)])];
}
