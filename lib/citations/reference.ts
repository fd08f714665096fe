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
  /** Normalised: lower case, no resolver prefix. */
  doi?: string | null;
  pmid?: string | null;
  url?: string | null;
  /** ISO date (YYYY-MM-DD) a web source was read. */
  accessedAt?: string | null;
};

export type CitableReference = ReferenceFields & { citekey: string };
