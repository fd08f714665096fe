import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { articles, boardProfiles, references, reviewAssignments, revisions, signOffs, users } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import type { CurrentUser } from "@/lib/dal/session";
import { getSiteSettings } from "@/lib/dal/settings";
import { canBeAssignedReviewer, type Actor } from "@/lib/permissions";
import { citekeysOf, submissionChecklist, type SubmissionChecklist } from "@/lib/submission-checks";
import { checkTransition, type SignOffRef, type TransitionRequest, type WorkflowState } from "@/lib/workflow";

/**
 * What every workflow write needs inside its transaction: the revision and its article as they
 * are now, the active panel, and the state-machine verdict. A refusal is thrown as a
 * WorkflowError (an ActionError), which rolls the transaction back and becomes the action's
 * refusal (lib/actions/define-action.ts).
 */
export class WorkflowError extends ActionError {}

export type RevisionRow = typeof revisions.$inferSelect;
export type ArticleRow = typeof articles.$inferSelect;

export const asActor = (user: CurrentUser): Actor => ({ id: user.id, role: user.role, active: user.active });

export function loadRevision(tx: Tx, revisionId: number): { revision: RevisionRow; article: ArticleRow } {
  const revision = tx.select().from(revisions).where(eq(revisions.id, revisionId)).get();
  if (!revision) throw new WorkflowError("not_found", "That revision doesn't exist.");
  const article = tx.select().from(articles).where(eq(articles.id, revision.articleId)).get();
  if (!article) throw new WorkflowError("not_found", "That article doesn't exist.");
  return { revision, article };
}

export type PanelMember = { assignmentId: number; reviewerId: number; name: string; credentials: string; dueAt: string | null };

/** Reviewers assigned and not removed, whose accounts are active: only their approvals count. */
export function activePanel(tx: Tx, revisionId: number): PanelMember[] {
  return tx
    .select({
      assignmentId: reviewAssignments.id,
      reviewerId: reviewAssignments.reviewerId,
      name: users.name,
      credentials: boardProfiles.credentials,
      dueAt: reviewAssignments.dueAt,
    })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .leftJoin(boardProfiles, eq(boardProfiles.userId, users.id))
    .where(and(eq(reviewAssignments.revisionId, revisionId), isNull(reviewAssignments.removedAt), eq(users.active, true)))
    .orderBy(reviewAssignments.id)
    .all()
    .map((r) => ({ ...r, credentials: r.credentials ?? "" }));
}

/** Parses a stored JSON list of specialties; anything else is no specialty. */
export function specialtiesOf(json: string | null | undefined): string[] {
  try {
    const value: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/**
 * The revision's sign-offs as the quorum reads them. The signer's class and specialties are those
 * recorded when signing; a row without them (written before migration 0013, or directly) takes the
 * signer's current profile.
 */
export function signOffRefs(tx: Tx, revisionId: number): SignOffRef[] {
  return tx
    .select({
      id: signOffs.id,
      reviewerId: signOffs.reviewerId,
      decision: signOffs.decision,
      contentHash: signOffs.contentHash,
      signerClass: signOffs.signerClass,
      signerSpecialties: signOffs.signerSpecialties,
      profileClass: boardProfiles.credentialClass,
      profileSpecialties: boardProfiles.specialties,
    })
    .from(signOffs)
    .leftJoin(boardProfiles, eq(boardProfiles.userId, signOffs.reviewerId))
    .where(eq(signOffs.revisionId, revisionId))
    .all()
    .map((r) => ({
      id: r.id,
      reviewerId: r.reviewerId,
      decision: r.decision,
      contentHash: r.contentHash,
      credentialClass: r.signerClass ?? r.profileClass ?? "other",
      specialties: specialtiesOf(r.signerSpecialties ?? r.profileSpecialties),
    }));
}

/**
 * Runs the state machine for this actor and request against the revision as stored now. Only
 * an article's working revision moves: an older one is history.
 */
export function requireTransition(
  tx: Tx,
  user: CurrentUser,
  loaded: { revision: RevisionRow; article: ArticleRow },
  request: TransitionRequest,
): WorkflowState {
  const { revision, article } = loaded;
  const verdict = checkTransition({
    state: revision.state,
    actor: asActor(user),
    revision: { authorId: revision.authorId },
    assignments: activePanel(tx, revision.id),
    ...request,
  });
  if (!verdict.ok) throw new WorkflowError(verdict.code, `${verdict.reason}.`);
  if (article.workingRevisionId !== revision.id) {
    throw new WorkflowError("conflict", "This revision has been replaced by a newer one. Open the article again.");
  }
  return verdict.to;
}

/** The submission checklist for a revision's content as stored (library looked up now). */
export function checklistFor(
  tx: Tx,
  content: Pick<RevisionRow, "question" | "clinicianBody" | "patientBody" | "disclosure">,
): SubmissionChecklist {
  const keys = citekeysOf(content);
  const library = keys.length
    ? tx
        .select({
          citekey: references.citekey,
          title: references.title,
          retracted: references.retracted,
          type: references.type,
          year: references.year,
          noticeKind: references.noticeKind,
        })
        .from(references)
        .where(inArray(references.citekey, keys))
        .all()
    : [];
  const settings = getSiteSettings();
  return submissionChecklist(content, {
    library,
    readabilityTarget: settings.readabilityTarget,
    guidelineMaxAgeYears: settings.guidelineMaxAgeYears,
    unsourcedStatements: settings.unsourcedStatements,
  });
}

/**
 * The reviewer a write would put on the panel, if canBeAssignedReviewer lets them sit on it. (The
 * author is refused earlier, by checkTransition, with its own message.)
 */
export function requireEligibleReviewer(tx: Tx, reviewerId: number, revision: RevisionRow): { id: number; name: string } {
  const candidate = tx
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, reviewerId))
    .get();
  if (!candidate || !canBeAssignedReviewer(candidate, { authorId: revision.authorId })) {
    throw new WorkflowError("invalid", "Choose active board members as reviewers.", {
      reviewerIds: ["Choose active board members as reviewers"],
    });
  }
  return { id: candidate.id, name: candidate.name };
}

export const nowIso = () => new Date().toISOString();
