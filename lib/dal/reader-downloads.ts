import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { references, revisions } from "@/db/schema";
import { citedKeys } from "@/lib/citations/markers";
import { visibleArticleRevision } from "@/lib/dal/reader";
import { referencesByIds, type LibraryReference } from "@/lib/dal/references-read";
import type { ReaderAudience } from "@/lib/reader/audience";

/**
 * The references one wording of a visible article cites, in the order of its reference list
 * (first citation first), as full library records for the RIS / BibTeX / CSL-JSON downloads.
 * Null when readers can't see the article (the same rule as its page).
 */
export function readerWordingReferences(slug: string, audience: ReaderAudience): { slug: string; references: LibraryReference[] } | null {
  const visible = visibleArticleRevision(slug);
  if (!visible) return null;
  const db = getDb();
  const revision = db
    .select({ clinicianBody: revisions.clinicianBody, patientBody: revisions.patientBody })
    .from(revisions)
    .where(eq(revisions.id, visible.revisionId))
    .get();
  if (!revision) return null;
  const keys = citedKeys(audience === "clinician" ? revision.clinicianBody : revision.patientBody);
  if (keys.length === 0) return { slug, references: [] };
  const rows = db
    .select({ id: references.id, citekey: references.citekey })
    .from(references)
    .where(inArray(references.citekey, keys))
    .all();
  const idByKey = new Map(rows.map((r) => [r.citekey, r.id]));
  return { slug, references: referencesByIds(keys.flatMap((k) => idByKey.get(k) ?? [])) };
}
