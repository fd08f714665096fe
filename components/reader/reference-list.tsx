import { isWebUrl } from "@/lib/security/web-url";
import type { ReaderReference } from "@/lib/reader/types";
import { NoticeLabel, ReferenceTypeLabel, RetractedLabel } from "@/components/references/reference-labels";
import type { ExportFormat } from "@/lib/citations/export";
import type { ReaderAudience } from "@/lib/reader/audience";

// Labels only (a type import): the reader page never loads the citation-js writers.
const DOWNLOAD_LABELS: Record<ExportFormat, string> = { ris: "RIS", bibtex: "BibTeX", "csl-json": "CSL-JSON" };
const DOWNLOAD_FORMATS = Object.keys(DOWNLOAD_LABELS) as ExportFormat[];

/** The wording's references as a file for a reference manager (app/api/v1/articles/[slug]/references). */
export const referencesDownloadPath = (slug: string, audience: ReaderAudience, format: ExportFormat) =>
  `/api/v1/articles/${encodeURIComponent(slug)}/references?format=${format}&audience=${audience}`;

/** The typed reference list in AMA style; each entry links back to where the text cites it. */
export function ReferenceList({
  references,
  download,
}: {
  references: ReaderReference[];
  /** Offer the list as RIS, BibTeX and CSL-JSON downloads. */
  download?: { slug: string; audience: ReaderAudience };
}) {
  if (references.length === 0) return null;
  return (
    <section aria-labelledby="references-heading" className="mt-10">
      <h2 id="references-heading" className="text-xl font-semibold">
        References
      </h2>
      {download && (
        <p className="mt-2 text-sm text-muted print:hidden" data-testid="reference-downloads">
          Download these references for your reference manager:{" "}
          {DOWNLOAD_FORMATS.map((format, i) => (
            <span key={format}>
              {i > 0 && " · "}
              <a href={referencesDownloadPath(download.slug, download.audience, format)} download>
                {DOWNLOAD_LABELS[format]}
              </a>
            </span>
          ))}
        </p>
      )}
      <ol className="mt-4 space-y-4">
        {references.map((ref) => (
          <li key={ref.citekey} id={`ref-${ref.number}`} className="flex gap-3 scroll-mt-4">
            <span className="w-6 shrink-0 text-right font-semibold text-muted">{ref.number}.</span>
            <div className="min-w-0 space-y-1 text-sm">
              <p>
                <ReferenceTypeLabel label={ref.typeLabel} />
                {ref.retracted && <RetractedLabel className="ml-2" />}
                {ref.notice && <NoticeLabel label={ref.notice} className="ml-2" />}
              </p>
              {ref.formattedHtml ? (
                <p className="break-words" dangerouslySetInnerHTML={{ __html: ref.formattedHtml }} />
              ) : (
                <p className="break-words">{ref.formatted}</p>
              )}
              <p className="flex flex-wrap gap-x-4 gap-y-1">
                {ref.doi && (
                  <a href={`https://doi.org/${ref.doi}`} rel="noopener noreferrer">
                    <span className="print:hidden">DOI</span>
                    <span className="sr-only-text"> of reference {ref.number}</span>
                    {/* On paper the link can't be followed: print the full DOI. */}
                    <span className="hidden print:inline">https://doi.org/{ref.doi}</span>
                  </a>
                )}
                {ref.pmid && (
                  <a href={`https://pubmed.ncbi.nlm.nih.gov/${ref.pmid}/`} rel="noopener noreferrer">
                    PubMed<span className="sr-only-text"> entry of reference {ref.number}</span>
                  </a>
                )}
                {!ref.doi && !ref.pmid && isWebUrl(ref.url) && (
                  <a href={ref.url} rel="noopener noreferrer nofollow">
                    Source<span className="sr-only-text"> of reference {ref.number}</span>
                  </a>
                )}
                {ref.backlinks.map((id, i) => (
                  <a
                    key={id}
                    href={`#${id}`}
                    className="print:hidden"
                    aria-label={`Back to citation ${ref.number} in the text${ref.backlinks.length > 1 ? `, place ${i + 1}` : ""}`}
                  >
                    <span aria-hidden="true">↩{ref.backlinks.length > 1 ? ` ${i + 1}` : ""}</span>
                  </a>
                ))}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
