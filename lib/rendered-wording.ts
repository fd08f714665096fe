import { formatAmaList, type AmaEntry } from "@/lib/citations/format-ama";
import { REFERENCE_NOTICE_LABELS, REFERENCE_TYPE_LABELS, type ReferenceFields, type ReferenceNoticeKind } from "@/lib/citations/reference";
import { renderWording, type RenderedWording, type ReferenceListEntry, type RenderOptions } from "@/lib/markdown";

type Citable = ReferenceFields & { citekey: string; retracted: boolean; noticeKind?: ReferenceNoticeKind | null };

/** The label of a correction or expression of concern on a cited reference, or null. */
export const noticeLabel = (ref: { noticeKind?: ReferenceNoticeKind | null }): string | null =>
  ref.noticeKind ? REFERENCE_NOTICE_LABELS[ref.noticeKind] : null;

export type FormattedReferenceEntry<R> = ReferenceListEntry<R> & { typeLabel: string; ama: AmaEntry };

export type FormattedWording<R> = Omit<RenderedWording<R>, "referenceList"> & { referenceList: FormattedReferenceEntry<R>[] };

/**
 * One wording exactly as readers get it: the sanitised HTML with numbered citations and its
 * reference list in AMA style. The reader page, the review page and the editor's preview all
 * render through this, so what a reviewer signs is what a reader sees.
 */
export function renderFormattedWording<R extends Citable>(
  markdown: string,
  library: readonly R[],
  options: RenderOptions = {},
): FormattedWording<R> {
  const rendered = renderWording(markdown, library, options);
  const ama = formatAmaList(rendered.referenceList.map((e) => e.reference));
  return {
    ...rendered,
    referenceList: rendered.referenceList.map((entry, i) => ({
      ...entry,
      typeLabel: REFERENCE_TYPE_LABELS[entry.reference.type],
      ama: ama[i] ?? { text: entry.reference.title, html: "" },
    })),
  };
}

/** One entry of a wording's reference list as the staff pages show it (WordingReferenceList). */
export type WordingReference = {
  number: number;
  citekey: string;
  anchorId: string;
  typeLabel: string;
  /** AMA entry, safe HTML (see format-ama.ts). */
  html: string;
  retracted: boolean;
  /** "Correction" or "Expression of concern", shown beside the entry. */
  notice: string | null;
};

export const wordingReferences = <R extends Citable>(rendered: FormattedWording<R>): WordingReference[] =>
  rendered.referenceList.map((entry) => ({
    number: entry.number,
    citekey: entry.citekey,
    anchorId: entry.anchorId,
    typeLabel: entry.typeLabel,
    html: entry.ama.html,
    retracted: entry.reference.retracted,
    notice: noticeLabel(entry.reference),
  }));
