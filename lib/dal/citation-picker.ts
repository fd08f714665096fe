import "server-only";
import { eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { references } from "@/db/schema";
import { doiKey, parseDoi, parsePmid } from "@/lib/citations/identifiers";
import type { CitableReference, ReferenceNoticeKind, ReferenceType } from "@/lib/citations/reference";

export type PickerReference = {
  citekey: string;
  type: ReferenceType;
  title: string;
  /** "Mottola MF, Davenport MH, et al." */
  authors: string;
  source: string;
  year: number | null;
  doi: string | null;
  pmid: string | null;
  retracted: boolean;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function shortAuthors(authors: { family?: string; given?: string; literal?: string }[]): string {
  const names = authors.map((a) => a.literal ?? [a.family, a.given?.replace(/[^A-Z]/g, "")].filter(Boolean).join(" "));
  return names.length > 3 ? `${names.slice(0, 3).join(", ")}, et al.` : names.join(", ");
}

/**
 * The citation picker's search: title, authors, source, citekey, DOI (in any form a writer pastes)
 * or PMID. Every word must match somewhere, so "mottola 2018" finds the guideline.
 */
export function searchReferencesForPicker(query: string, limit = 12): PickerReference[] {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const doi = parseDoi(query.trim());
  const pmid = parsePmid(query.trim());
  const conditions = words.map((word) => {
    const pattern = `%${escapeLike(word.toLowerCase())}%`;
    const match = (column: unknown) => sql`lower(${column}) LIKE ${pattern} ESCAPE '\\'`;
    return or(
      match(references.title),
      match(references.authors),
      match(references.source),
      match(references.citekey),
      match(references.pmid),
      match(references.year),
    );
  });
  const db = getDb();
  const query_ = db.select().from(references);
  const rows = (
    words.length === 0
      ? query_
      : query_.where(
          or(
            sql`(${sql.join(
              conditions.map((c) => sql`(${c})`),
              sql` AND `,
            )})`,
            doi ? eq(references.doiKey, doiKey(doi)) : undefined,
            pmid ? eq(references.pmid, pmid) : undefined,
          ),
        )
  )
    .orderBy(references.retracted, sql`${references.year} DESC`, references.citekey)
    .limit(limit)
    .all();
  return rows.map((r) => ({
    citekey: r.citekey,
    type: r.type,
    title: r.title,
    authors: shortAuthors(r.authors),
    source: r.source,
    year: r.year,
    doi: r.doi,
    pmid: r.pmid,
    retracted: r.retracted,
  }));
}

/** Library entries for the given citekeys, in the shape the renderer and AMA formatting take. */
export function referencesByCitekey(
  keys: readonly string[],
): (CitableReference & { retracted: boolean; noticeKind: ReferenceNoticeKind | null })[] {
  if (keys.length === 0) return [];
  return getDb()
    .select()
    .from(references)
    .where(inArray(references.citekey, [...keys]))
    .all()
    .map((r) => ({
      citekey: r.citekey,
      type: r.type,
      title: r.title,
      authors: r.authors,
      source: r.source,
      sourceAbbrev: r.sourceAbbrev,
      publisher: r.publisher,
      year: r.year,
      volume: r.volume,
      issue: r.issue,
      pages: r.pages,
      doi: r.doi,
      pmid: r.pmid,
      url: r.url,
      accessedAt: r.accessedAt,
      retracted: r.retracted,
      noticeKind: r.noticeKind,
    }));
}
