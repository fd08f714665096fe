import "server-only";
import { and, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { references } from "@/db/schema";
import { createCitekeyAllocator, citekeyBase } from "@/lib/citations/citekey";
import { doiKey } from "@/lib/citations/identifiers";
import type { ReferenceFields } from "@/lib/citations/reference";

/**
 * What makes a library entry the same as another: DOI, PMID, title fingerprint and citekey. The
 * import preview (references-import.ts) and the writes (references-write.ts) decide duplicates and
 * allocate citekeys through these, so the two can't disagree.
 */

/** Every citekey, DOI key (lower case) and PMID in the library: what an import must not duplicate. */
export function libraryIdentifiers(): { citekeys: string[]; dois: string[]; pmids: string[] } {
  const rows = getDb().select({ citekey: references.citekey, doi: references.doiKey, pmid: references.pmid }).from(references).all();
  return {
    citekeys: rows.map((r) => r.citekey),
    dois: rows.flatMap((r) => (r.doi ? [r.doi] : [])),
    pmids: rows.flatMap((r) => (r.pmid ? [r.pmid] : [])),
  };
}

export type ExistingReference = { id: number; citekey: string; title: string };

/** Titles compared without case, punctuation or spacing: "Williams Obstetrics." = "williams obstetrics". */
export const titleFingerprint = (title: string) =>
  title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "");

/** Library entries by title fingerprint, to warn about a likely duplicate that has no DOI or PMID to match on. */
export function referencesByTitle(): Map<string, ExistingReference> {
  const rows = getDb().select({ id: references.id, citekey: references.citekey, title: references.title }).from(references).all();
  const byTitle = new Map<string, ExistingReference>();
  for (const row of rows) {
    const key = titleFingerprint(row.title);
    if (key.length >= 12 && !byTitle.has(key)) byTitle.set(key, row);
  }
  return byTitle;
}

/** The library entry holding this DOI or PMID (other than `exceptId`), if any. */
export function findDuplicate(
  db: Pick<Tx, "select">,
  ids: { doi?: string | null; pmid?: string | null },
  exceptId?: number,
): (ExistingReference & { field: "doi" | "pmid" }) | null {
  const matches: SQL[] = [];
  const key = ids.doi ? doiKey(ids.doi) : null;
  if (key) matches.push(eq(references.doiKey, key));
  if (ids.pmid) matches.push(eq(references.pmid, ids.pmid));
  if (matches.length === 0) return null;
  const row = db
    .select({ id: references.id, citekey: references.citekey, title: references.title, doi: references.doiKey, pmid: references.pmid })
    .from(references)
    .where(and(or(...matches), exceptId ? ne(references.id, exceptId) : undefined))
    .get();
  if (!row) return null;
  return { id: row.id, citekey: row.citekey, title: row.title, field: key && row.doi === key ? "doi" : "pmid" };
}

/** Library entries by DOI key (lower case) or PMID. */
/** The library entry holding this DOI or PMID, read outside any write (the DOI/PMID lookup checks it before fetching). */
export function libraryEntryWith(ids: { doi?: string | null; pmid?: string | null }) {
  return findDuplicate(getDb(), ids);
}

export function referencesByIdentifier(field: "doi" | "pmid", values: readonly string[]): Map<string, ExistingReference> {
  if (values.length === 0) return new Map();
  const column = field === "doi" ? references.doiKey : references.pmid;
  const rows = getDb()
    .select({ id: references.id, citekey: references.citekey, title: references.title, value: column })
    .from(references)
    .where(inArray(column, [...values]))
    .all();
  return new Map(rows.map((r) => [r.value ?? "", { id: r.id, citekey: r.citekey, title: r.title }]));
}

/** Whether another entry (other than `exceptId`) already uses the citekey, compared without case. */
export function citekeyTaken(tx: Tx, citekey: string, exceptId?: number): boolean {
  return !!tx
    .select({ id: references.id })
    .from(references)
    .where(and(sql`lower(${references.citekey}) = ${citekey.toLowerCase()}`, exceptId ? ne(references.id, exceptId) : undefined))
    .get();
}

/** A fresh citekey for the reference: its base if free, else the base with the first free letter. */
export function allocateCitekey(tx: Tx, fields: ReferenceFields): string {
  const base = citekeyBase(fields);
  const taken = tx
    .select({ citekey: references.citekey })
    .from(references)
    .where(sql`lower(${references.citekey}) LIKE ${`${base}%`}`)
    .all()
    .map((r) => r.citekey);
  return createCitekeyAllocator(taken)(fields);
}
