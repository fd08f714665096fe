import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import type { CslItem } from "./csl";
import { AMA_STYLE_NAME, AMA_STYLE_XML } from "./styles/ama";

/**
 * The one module that talks to citation-js, so its untyped API and plugin registration live in
 * one place. Every parse names its input format (`forceType`): left to guess, citation-js treats
 * text that looks like a URL as something to fetch, which an import of pasted text must never do.
 */

type StyleRegister = { has(name: string): boolean; add(name: string, xml: string): void };
const cslConfig = plugins.config.get("@csl") as { styles: StyleRegister };
if (!cslConfig.styles.has(AMA_STYLE_NAME)) cslConfig.styles.add(AMA_STYLE_NAME, AMA_STYLE_XML);

/** CSL items of one BibTeX/BibLaTeX chunk; throws on a syntax error. */
export function parseBibtex(text: string): CslItem[] {
  return plugins.input.chain(text, { forceType: "@biblatex/text", generateGraph: false }) as CslItem[];
}

/** CSL items of one or more RIS records; throws on a syntax error. */
export function parseRis(text: string): CslItem[] {
  return plugins.input.chain(text, { forceType: "@ris/file", generateGraph: false }) as CslItem[];
}

/** One formatted AMA entry per item, in the order given (no sorting, no numbers). */
export function formatAmaEntries(items: readonly CslItem[], format: "text" | "html"): string[] {
  const entries = plugins.output.format("bibliography", items, {
    template: AMA_STYLE_NAME,
    lang: "en-US",
    format,
    nosort: true,
    asEntryArray: true,
  }) as Array<[string, string]>;
  return entries.map(([, entry]) => entry);
}

export type FileFormat = "bibtex" | "biblatex" | "ris";

export function formatFile(items: readonly CslItem[], format: FileFormat): string {
  return plugins.output.format(format, items, { format: "text" }) as string;
}
