import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { references, revisionCitations } from "@/db/schema";
import { citedKeys } from "@/lib/citations/markers";
import { contentHash, type HashedReference } from "@/lib/content-hash";
import type { RevisionContent } from "@/lib/dal/revision-content";

/**
 * The editor's fast path for hashRevisionContent + syncRevisionCitations (revision-content.ts):
 * the same hash and the same citation rows, but each wording is parsed once per save, and a
 * wording that did not change since a recent save is not parsed again (autosave usually changes
 * one wording at a time). A unit test pins the hash to hashRevisionContent's.
 */

const CACHE_SIZE = 64;
const keyCache = new Map<string, string[]>();

function keysOf(body: string): string[] {
  const hit = keyCache.get(body);
  if (hit) {
    // Refresh its place so the wordings being edited stay cached.
    keyCache.delete(body);
    keyCache.set(body, hit);
    return hit;
  }
  const keys = citedKeys(body);
  keyCache.set(body, keys);
  if (keyCache.size > CACHE_SIZE) keyCache.delete(keyCache.keys().next().value as string);
  return keys;
}

export function hashAndSyncCitations(tx: Tx, revisionId: number, content: RevisionContent): string {
  const clinicianKeys = keysOf(content.clinicianBody);
  const patientKeys = keysOf(content.patientBody);
  const all = [...new Set([...clinicianKeys, ...patientKeys])];
  const refs = all.length ? tx.select().from(references).where(inArray(references.citekey, all)).all() : [];
  const hashed: HashedReference[] = refs.map((r) => ({
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
  }));

  const byKey = new Map(refs.map((r) => [r.citekey, r.id]));
  tx.delete(revisionCitations).where(eq(revisionCitations.revisionId, revisionId)).run();
  const rows: (typeof revisionCitations.$inferInsert)[] = [];
  for (const [audience, keys] of [["clinician", clinicianKeys], ["patient", patientKeys]] as const) {
    let position = 0;
    for (const key of keys) {
      const referenceId = byKey.get(key);
      if (referenceId) rows.push({ revisionId, referenceId, audience, position: ++position });
    }
  }
  if (rows.length) tx.insert(revisionCitations).values(rows).run();
  return contentHash({ ...content, references: hashed });
}
