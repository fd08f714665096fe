/**
 * The bibliographic shape of a library reference, shared by formatting, import, export and
 * validation. It mirrors the `library_references` columns without importing the schema, so
 * client bundles (the reference form, the editor preview) never pull in the database layer.
 */
export const REFERENCE_TYPES = ["guideline", "research", "systematic_review", "review", "textbook", "other"] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];

/** The label readers see above each entry of a reference list (as on the seed page). */
export const REFERENCE_TYPE_LABELS: Record<ReferenceType, string> = {
  guideline: "Guideline",
  research: "Research",
  systematic_review: "Systematic review",
  review: "Review",
  textbook: "Textbook",
  other: "Other",
};

/** CSL-style name: `{ family, given }` for a person, `{ literal }` for an organisation. */
export type ReferenceAuthor = { family?: string; given?: string; literal?: string };

export type ReferenceFields = {
  type: ReferenceType;
  title: string;
  authors: ReferenceAuthor[];
  /** Journal, issuing organisation or website name. */
  source: string;
  /** NLM abbreviation of the journal. */
  sourceAbbrev?: string | null;
  publisher?: string | null;
  year?: number | null;
  volume?: string | null;
  issue?: string | null;
  pages?: string | null;
  /** As registered (case kept), no resolver prefix; compared by `doiKey` (identifiers.ts). */
  doi?: string | null;
  pmid?: string | null;
  url?: string | null;
  /** ISO date (YYYY-MM-DD) a web source was read. */
  accessedAt?: string | null;
};

export type CitableReference = ReferenceFields & { citekey: string };

/**
 * A published notice about a work that does not withdraw it: a correction (erratum) or an
 * expression of concern. Shown to editors, reviewers and readers; unlike a retraction it does not
 * block submission.
 */
export const REFERENCE_NOTICE_KINDS = ["correction", "expression_of_concern"] as const;
export type ReferenceNoticeKind = (typeof REFERENCE_NOTICE_KINDS)[number];

export const REFERENCE_NOTICE_LABELS: Record<ReferenceNoticeKind, string> = {
  correction: "Correction",
  expression_of_concern: "Expression of concern",
};

/** Where a retraction mark or notice came from: an editor, or the imported record's own metadata. */
export const REFERENCE_STATUS_SOURCES = ["manual", "import"] as const;
export type ReferenceStatusSource = (typeof REFERENCE_STATUS_SOURCES)[number];

export const REFERENCE_STATUS_SOURCE_LABELS: Record<ReferenceStatusSource, string> = {
  manual: "marked by an editor",
  import: "from the imported record's own metadata",
};
