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

/** The library entries a revision's two wordings cite, looked up by citekey. */
function citedReferences(tx: Tx, content: RevisionContent) {
  const keys = [...new Set([...citedKeys(content.clinicianBody), ...citedKeys(content.patientBody)])];
  if (keys.length === 0) return [];
  return tx.select().from(references).where(inArray(references.citekey, keys)).all();
}

/** The content hash of a revision's text together with the current data of what it cites. */
export function hashRevisionContent(tx: Tx, content: RevisionContent): string {
  const refs: HashedReference[] = citedReferences(tx, content).map((r) => ({
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
  return contentHash({ ...content, references: refs });
}

/** Rewrites the revision's citation rows from its bodies (unknown citekeys are simply not linked). */
export function syncRevisionCitations(tx: Tx, revisionId: number, content: RevisionContent): void {
  const byKey = new Map(citedReferences(tx, content).map((r) => [r.citekey, r.id]));
  tx.delete(revisionCitations).where(eq(revisionCitations.revisionId, revisionId)).run();
  const rows: (typeof revisionCitations.$inferInsert)[] = [];
  for (const [audience, body] of [["clinician", content.clinicianBody], ["patient", content.patientBody]] as const) {
    let position = 0;
    for (const key of citedKeys(body)) {
      const referenceId = byKey.get(key);
      if (referenceId) rows.push({ revisionId, referenceId, audience, position: ++position });
    }
  }
  if (rows.length) tx.insert(revisionCitations).values(rows).run();
}
