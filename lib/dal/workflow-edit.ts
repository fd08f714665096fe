import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, revisions } from "@/db/schema";
import type { RevisionContent } from "@/lib/dal/revision-content";
import { saveRevision } from "@/lib/dal/revision-editing";
import type { CurrentUser } from "@/lib/dal/session";
import { WorkflowError } from "@/lib/dal/workflow-context";

/**
 * Saves some fields of an article's working revision through the editor's own save
 * (`saveRevision`), taking the current version as the base. For scripts and tests that need an
 * edit without the editor page; the app itself saves through `saveRevisionAction`.
 */
export function saveWorkingRevisionContent(
  user: CurrentUser,
  articleId: number,
  changes: Partial<RevisionContent>,
): { revisionId: number; contentHash: string } {
  const db = getDb();
  const article = db.select().from(articles).where(eq(articles.id, articleId)).get();
  const working = article?.workingRevisionId
    ? db.select().from(revisions).where(eq(revisions.id, article.workingRevisionId)).get()
    : undefined;
  if (!article || !working) throw new WorkflowError("not_found", "That article doesn't exist.");
  const outcome = saveRevision(user, {
    articleId,
    revisionId: working.id,
    version: working.version,
    slug: article.slug,
    topic: article.topic,
    question: changes.question ?? working.question,
    clinicianBody: changes.clinicianBody ?? working.clinicianBody,
    patientBody: changes.patientBody ?? working.patientBody,
    disclosure: changes.disclosure ?? working.disclosure,
  });
  if (outcome.kind !== "saved")
    throw new WorkflowError(outcome.kind === "forbidden" ? "forbidden" : "conflict", `Save refused: ${outcome.kind}`);
  return { revisionId: outcome.saved.revisionId, contentHash: outcome.saved.contentHash };
}
