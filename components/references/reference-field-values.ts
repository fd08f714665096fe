import { formatAuthorLines } from "@/lib/citations/author-lines";
import type { ReferenceFields } from "@/lib/citations/reference";
import type { ReferenceFormValues } from "./reference-form";

/**
 * A reference's fields as the reference form holds them (text inputs; authors one per line). One
 * mapping for the edit page and for a reference found by DOI/PMID lookup. Not a client module, so
 * the server page can call it.
 */
export function referenceFieldValues(ref: ReferenceFields): Omit<ReferenceFormValues, "citekey"> {
  return {
    type: ref.type,
    title: ref.title,
    authors: formatAuthorLines(ref.authors),
    source: ref.source,
    sourceAbbrev: ref.sourceAbbrev ?? "",
    publisher: ref.publisher ?? "",
    year: ref.year ? String(ref.year) : "",
    volume: ref.volume ?? "",
    issue: ref.issue ?? "",
    pages: ref.pages ?? "",
    doi: ref.doi ?? "",
    pmid: ref.pmid ?? "",
    url: ref.url ?? "",
    accessedAt: ref.accessedAt ?? "",
  };
}
