import { createHash } from "node:crypto";

/** The reference fields a reviewer vouches for when approving a text that cites them. */
export type HashedReference = {
  citekey: string;
  type: string;
  title: string;
  authors: unknown;
  source: string;
  year: number | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  url: string | null;
  retracted: boolean;
};

export type HashedContent = {
  question: string;
  clinicianBody: string;
  patientBody: string;
  disclosure: string;
  /** The references cited by either wording. */
  references: HashedReference[];
};

/**
 * SHA-256 over a canonical form of everything a reviewer approves. Line endings are
 * normalised so a browser's CRLF doesn't change the hash; references are sorted by
 * citekey and their fields listed in a fixed order.
 */
export function contentHash(content: HashedContent): string {
  const norm = (s: string) => s.replace(/\r\n?/g, "\n");
  const refs = [...content.references]
    .sort((a, b) => (a.citekey < b.citekey ? -1 : a.citekey > b.citekey ? 1 : 0))
    .map((r) => [r.citekey, r.type, r.title, r.authors, r.source, r.year, r.volume, r.issue, r.pages, r.doi, r.pmid, r.url, r.retracted]);
  const canonical = JSON.stringify([
    "vetted-content-v1",
    norm(content.question),
    norm(content.clinicianBody),
    norm(content.patientBody),
    norm(content.disclosure),
    refs,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export const shortHash = (hash: string) => hash.slice(0, 8);
