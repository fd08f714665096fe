import type { ReferenceType } from "./reference";

/**
 * Guesses what kind of evidence an imported reference is. Import shows the guess for the editor to
 * confirm, so it only has to be right most of the time; the signals are tried from most to least
 * reliable: PubMed publication types, then words in the title, then the bibliographic form.
 */

export type TypeEvidence = {
  cslType?: string;
  title?: string;
  source?: string;
  publicationTypes?: readonly string[];
};

const GUIDELINE_PUBLICATION_TYPES = [
  "practice guideline",
  "guideline",
  "consensus development conference",
  "consensus development conference, nih",
];
const SYSTEMATIC_PUBLICATION_TYPES = ["systematic review", "meta-analysis", "network meta-analysis"];

// "…for reporting systematic reviews" (PRISMA) is a reporting guideline, not a review.
const SYSTEMATIC_TITLE = /(?<!reporting )\b(?:systematic (?:literature )?review|meta-?analy[sz](?:is|es)|umbrella review)\b/;
const GUIDELINE_TITLE =
  /\b(?:guidelines?|recommendations?|consensus statement|position (?:statement|stand)|committee opinion|practice bulletin|practice parameters?)\b/;
const REVIEW_TITLE = /\b(?:narrative|scoping|literature|clinical|state-of-the-art) review\b|\ba review\b|:\s*review\b/;

const BOOK_TYPES = new Set(["book", "chapter"]);
const ARTICLE_TYPES = new Set(["article-journal", "article", "article-magazine", "article-newspaper", "paper-conference", "review"]);

export function inferReferenceType(evidence: TypeEvidence): ReferenceType {
  const publicationTypes = (evidence.publicationTypes ?? []).map((t) => t.trim().toLowerCase());
  if (publicationTypes.some((t) => GUIDELINE_PUBLICATION_TYPES.includes(t))) return "guideline";
  if (publicationTypes.some((t) => SYSTEMATIC_PUBLICATION_TYPES.includes(t))) return "systematic_review";

  const title = (evidence.title ?? "").toLowerCase();
  if (SYSTEMATIC_TITLE.test(title)) return "systematic_review";
  if (GUIDELINE_TITLE.test(title)) return "guideline";
  if (publicationTypes.includes("review") || REVIEW_TITLE.test(title)) return "review";

  const cslType = evidence.cslType ?? "";
  if (BOOK_TYPES.has(cslType)) return "textbook";
  if (ARTICLE_TYPES.has(cslType)) return "research";
  return "other";
}
