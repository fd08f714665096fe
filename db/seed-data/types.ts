import type { ReferenceAuthor, ReferenceType } from "../schema";

/** A real, published source for the demo library. Identifiers must be the real ones. */
export type SeedReference = {
  /** firstauthorfamilyname + year (+ a letter on collision), lower case ASCII: "mottola2018" */
  citekey: string;
  type: ReferenceType;
  title: string;
  /** People as { family, given } (given may be initials); organisations as { literal }. */
  authors: ReferenceAuthor[];
  /** Journal full title, or the issuing organisation for guidelines without a journal. */
  source: string;
  /** NLM abbreviation of the journal, e.g. "Br J Sports Med". */
  sourceAbbrev?: string;
  publisher?: string;
  year: number;
  volume?: string;
  issue?: string;
  pages?: string;
  /** Bare DOI, lower case, no https://doi.org/ prefix. */
  doi?: string;
  pmid?: string;
  url?: string;
};

export type SeedWording = {
  /** The question, used as the title. */
  question: string;
  /** Markdown for healthcare professionals, citing with [@citekey] / [@a; @b]. */
  clinicianBody: string;
  /** Markdown in plain language for patients and caregivers (aim for grade 8 or below). */
  patientBody: string;
  /** The author's conflict-of-interest disclosure. */
  disclosure: string;
};

export type SeedArticleState =
  | "draft"
  | "submitted"
  | "under_review"
  | "changes_requested"
  | "approved"
  /** Approved and live, with a newer revision (nextRevision) under review. */
  | "approved_with_revision_in_review";

export type SeedArticle = {
  slug: string;
  topic: string;
  state: SeedArticleState;
  content: SeedWording;
  /** Only for approved_with_revision_in_review: the newer working revision. */
  nextRevision?: SeedWording;
  /** For changes_requested: the reviewer's comment asking for changes. For others: optional review comment. */
  reviewComment?: string;
  /** For approved articles: how many months ago it was last reviewed (13+ makes it overdue for re-review). */
  reviewedMonthsAgo?: number;
  /** For articles in review: days until the panel's due date (negative: overdue); default 7 minus the article's position. */
  panelDueInDays?: number;
  /** For approved articles: the one-line change summary of the live version. */
  changeSummary?: string;
  /**
   * For approved articles: earlier approved versions, oldest first (the public version history).
   * Each is made from the final content by `edit`, and was approved `monthsAgo` months ago.
   */
  earlierVersions?: { monthsAgo: number; changeSummary: string; edit: (final: SeedWording) => SeedWording }[];
  /** An open error report a reader sent about the live version. */
  errorReport?: { daysAgo: number; audience: "clinician" | "patient"; description: string; quote?: string; email?: string };
};
