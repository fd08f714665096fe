import type { ReferenceType } from "@/lib/citations/reference";
import type { StepperStage } from "@/lib/workflow/stepper";
import type { ReaderAudience } from "./audience";

export type ReaderStatus = "submitted" | "under_review" | "approved";

export type ReaderReviewer = { name: string; credentials: string };

export type ReaderReference = {
  number: number;
  citekey: string;
  type: ReferenceType;
  typeLabel: string;
  title: string;
  authors: string[];
  source: string;
  year: number | null;
  doi: string | null;
  pmid: string | null;
  url: string | null;
  retracted: boolean;
  /** "Correction" or "Expression of concern" when one was published about the work. */
  notice: string | null;
  /** AMA entry: plain text and safe HTML. */
  formatted: string;
  formattedHtml: string;
  /** Ids of the places in the text citing it ("back to text" links). */
  backlinks: string[];
};

/** Everything a reader sees of one article in one wording: the page, the API and JSON-LD read this. */
export type ReaderArticle = {
  slug: string;
  topic: string;
  question: string;
  audience: ReaderAudience;
  status: ReaderStatus;
  stepper: StepperStage;
  /** Sanitised HTML of the wording, with numbered citation links. */
  html: string;
  /** The wording as plain text (meta description). */
  summary: string;
  references: ReaderReference[];
  datePublished: string | null;
  lastUpdated: string;
  lastReviewed: string | null;
  reviewedBy: ReaderReviewer[];
  disclaimer: string;
  /** Whether the other wording exists (both are required to submit, so normally true). */
  hasOtherWording: boolean;
};

export type ReaderArticleSummary = {
  slug: string;
  topic: string;
  question: string;
  status: ReaderStatus;
  lastUpdated: string;
  lastReviewed: string | null;
};
