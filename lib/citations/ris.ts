import { parseRis } from "./citation-js";
import type { CslItem } from "./csl";

/**
 * RIS records through citation-js, patched where it drops what reference managers put there:
 * - a DOI that fails its own check vanishes (we keep it, so validation can name the problem);
 * - PubMed exports carry the PMID as `AN` with `DB  - PubMed`;
 * - web pages: `TY  - WEB` (EndNote) is unknown to it, the site name in `T2` becomes a
 *   collection title, and the access date may be in `Y2` rather than `M1`.
 */

function tagValues(record: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const m of record.matchAll(/^([A-Z][A-Z0-9]) {2}- ?(.*)$/gm)) {
    const value = m[2].trim();
    if (value) tags.set(m[1], [...(tags.get(m[1]) ?? []), value]);
  }
  return tags;
}

function risDate(value: string | undefined): CslItem["accessed"] {
  const m = value?.match(/^(\d{4})[/-](\d{1,2})[/-](\d{1,2})/);
  return m ? { "date-parts": [[Number(m[1]), Number(m[2]), Number(m[3])]] } : undefined;
}

export function parseRisRecord(record: string): CslItem[] {
  const text = record.replace(/^TY {2}- ?WEB\s*$/m, "TY  - ELEC");
  const items = parseRis(text);
  if (items.length !== 1) return items;
  const item = items[0];
  const tags = tagValues(text);
  const first = (tag: string) => tags.get(tag)?.[0];

  if (!item.DOI && first("DO")) item.DOI = first("DO");
  if (!item.PMID && /pubmed|medline|nlm/i.test(first("DB") ?? "") && /^\d+$/.test(first("AN") ?? "")) item.PMID = first("AN");
  if (item.type === "webpage") {
    if (!item["container-title"] && typeof item["collection-title"] === "string") {
      item["container-title"] = item["collection-title"];
      delete item["collection-title"];
    }
    item.accessed ??= risDate(first("Y2"));
  }
  return items;
}
