import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { references, revisionCitations } from "@/db/schema";
import { citedKeys } from "@/lib/citations/markers";
import { contentHash, type HashedReference } from "@/lib/content-hash";

export type RevisionContent = {
  question: string;
  clinicianBody: string;
  patientBody: string;
  disclosure: string;
};

type ReferenceRow = typeof references.$inferSelect;

/**
 * Citekeys of a wording, parsed once per distinct text: autosave usually changes one wording at a
 * time, so the other one is not parsed again on the next save. Small and least-recently-used.
 */
const KEY_CACHE_SIZE = 64;
const keyCache = new Map<string, string[]>();

function keysOf(body: string): string[] {
  const hit = keyCache.get(body);
  if (hit) {
    keyCache.delete(body);
    keyCache.set(body, hit);
    return hit;
  }
  const keys = citedKeys(body);
  keyCache.set(body, keys);
  if (keyCache.size > KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value as string);
  return keys;
}

/** The library entries a revision's two wordings cite, looked up by citekey. */
function citedReferences(tx: Tx, content: RevisionContent): ReferenceRow[] {
  const keys = [...new Set([...keysOf(content.clinicianBody), ...keysOf(content.patientBody)])];
  if (keys.length === 0) return [];
  return tx.select().from(references).where(inArray(references.citekey, keys)).all();
}

/** What of a cited reference the content hash covers: a change to any of it voids earlier approvals. */
function hashedReference(r: ReferenceRow): HashedReference {
  return {
    citekey: r.citekey,
    type: r.type,
    title: r.title,
    authors: r.authors,
    source: r.source,
    year: r.year,
    volume: r.volume,
    issue: r.issue,
    pages: r.pages,
    doi: r.doi,
    pmid: r.pmid,
    url: r.url,
    retracted: r.retracted,
  };
}

function hashWith(content: RevisionContent, cited: ReferenceRow[]): string {
  return contentHash({ ...content, references: cited.map(hashedReference) });
}

function writeCitations(tx: Tx, revisionId: number, content: RevisionContent, cited: ReferenceRow[]): void {
  const byKey = new Map(cited.map((r) => [r.citekey, r.id]));
  tx.delete(revisionCitations).where(eq(revisionCitations.revisionId, revisionId)).run();
  const rows: (typeof revisionCitations.$inferInsert)[] = [];
  for (const [audience, body] of [
    ["clinician", content.clinicianBody],
    ["patient", content.patientBody],
  ] as const) {
    let position = 0;
    for (const key of keysOf(body)) {
      const referenceId = byKey.get(key);
      if (referenceId) rows.push({ revisionId, referenceId, audience, position: ++position });
    }
  }
  if (rows.length) tx.insert(revisionCitations).values(rows).run();
}

/** The content hash of a revision's text together with the current data of what it cites. */
export function hashRevisionContent(tx: Tx, content: RevisionContent): string {
  return hashWith(content, citedReferences(tx, content));
}

/** Rewrites the revision's citation rows from its bodies (unknown citekeys are simply not linked). */
export function syncRevisionCitations(tx: Tx, revisionId: number, content: RevisionContent): void {
  writeCitations(tx, revisionId, content, citedReferences(tx, content));
}

/** Both of the above for one save, with one lookup of the cited references. */
export function hashAndSyncCitations(tx: Tx, revisionId: number, content: RevisionContent): string {
  const cited = citedReferences(tx, content);
  writeCitations(tx, revisionId, content, cited);
  return hashWith(content, cited);
}

/**
 * For a revision not inserted yet: its content hash now (the row needs it) and, from the same
 * lookup of the cited references, the writer of its citation rows once it has an id.
 */
export function prepareCitations(tx: Tx, content: RevisionContent): { contentHash: string; linkTo: (revisionId: number) => void } {
  const cited = citedReferences(tx, content);
  return { contentHash: hashWith(content, cited), linkTo: (revisionId) => writeCitations(tx, revisionId, content, cited) };
}
