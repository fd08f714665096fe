import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { articles, boardProfiles, reviewAssignments, reviewComments, revisions, signOffs, users } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorAndAssigningEditors, notify, notifyEach } from "@/lib/dal/notifications";
import { onQuorumReached } from "@/lib/dal/publication";
import { clearFailures, lockOf, recordFailure } from "@/lib/dal/rate-limit";
import { syncArticleSearch } from "@/lib/dal/search-index";
import type { CurrentUser } from "@/lib/dal/session";
import { approvalRule, type ClassVerdict } from "@/lib/dal/change-class";
import {
  loadRevision,
  nowIso,
  requireTransition,
  signOffRefs,
  specialtiesOf,
  type ArticleRow,
  type RevisionRow,
} from "@/lib/dal/workflow-context";
import type { TransitionOutcome } from "@/lib/dal/workflow";
import { verifyPassword } from "@/lib/passwords";
import { APPROVAL_MEANING, REQUEST_CHANGES_MEANING } from "@/lib/sign-off";
import { ACCOUNT_POLICY } from "@/lib/throttle";
import { countingApprovals } from "@/lib/workflow";
import type { ApproveInput, RequestChangesInput } from "@/lib/validations/workflow";

/**
 * Sign-offs: the reviewer's immutable record of a decision on an exact content hash. Approving
 * asks for the password again (argon2id); a wrong password records only an audit event of the
 * refusal and counts towards a lockout, like sign-in failures but on its own counter.
 */

const signingKey = (userId: number) => `signoff:user:${userId}`;

export type ApproveOutcome =
  | { ok: true; outcome: TransitionOutcome; published: boolean; scheduledFor: string | null; approvalsCounted: number }
  | { ok: false; reason: "wrong_password" | "locked"; lockedUntil?: Date };

function signer(tx: Tx, userId: number) {
  const row = tx
    .select({
      name: users.name,
      credentials: boardProfiles.credentials,
      credentialClass: boardProfiles.credentialClass,
      specialties: boardProfiles.specialties,
    })
    .from(users)
    .leftJoin(boardProfiles, eq(boardProfiles.userId, users.id))
    .where(eq(users.id, userId))
    .get();
  return {
    name: row?.name ?? "",
    credentials: row?.credentials ?? "",
    credentialClass: row?.credentialClass ?? "other",
    specialties: specialtiesOf(row?.specialties),
  };
}

/** The signature's identification components: "password" or "password+totp" ("session" only on change requests recorded before they asked for the password). */
export type SignatureFactors = "password" | "password+totp" | "session";

function insertSignOff(
  tx: Tx,
  user: CurrentUser,
  revision: RevisionRow,
  decision: "approve" | "request_changes",
  comment: string,
  factors: SignatureFactors,
  changeClass: ClassVerdict["changeClass"],
) {
  const { name, credentials, credentialClass, specialties } = signer(tx, user.id);
  return tx
    .insert(signOffs)
    .values({
      revisionId: revision.id,
      reviewerId: user.id,
      decision,
      meaning: decision === "approve" ? APPROVAL_MEANING : REQUEST_CHANGES_MEANING,
      comment,
      signerName: name,
      signerCredentials: credentials,
      contentHash: revision.contentHash,
      signedAt: nowIso(),
      factors,
      signerClass: credentialClass,
      signerSpecialties: JSON.stringify(specialties),
      changeClass,
    })
    .returning({ id: signOffs.id })
    .get();
}

/** Checks permission and state without writing, so a refused request never costs a password try. */
/** The decision being signed, checked before the password is (argon2 takes time; no point if the signer may not act). */
function precheck(user: CurrentUser, input: SignedInput, decision: "approve" | "request_changes"): void {
  writeTransaction((tx) => {
    const loaded = loadRevision(tx, input.revisionId);
    if (decision === "approve") requireApproval(tx, user, input, loaded);
    else
      requireTransition(tx, user, loaded, {
        action: "request_changes",
        signedHash: input.contentHash,
        currentHash: loaded.revision.contentHash,
      });
  });
}

/** What both signatures carry: the revision, the text's hash and the signer's password. */
type SignedInput = Pick<ApproveInput, "revisionId" | "contentHash" | "password">;

/** The approve transition for this signer, under the rule of the revision's change class now. */
function requireApproval(tx: Tx, user: CurrentUser, input: ApproveInput, loaded: { revision: RevisionRow; article: ArticleRow }) {
  const { revision, article } = loaded;
  const { verdict, rule } = approvalRule(tx, article, revision);
  const me = signer(tx, user.id);
  const to = requireTransition(tx, user, loaded, {
    action: "approve",
    signedHash: input.contentHash,
    currentHash: revision.contentHash,
    signOffs: signOffRefs(tx, revision.id),
    ...rule,
    signer: { credentialClass: me.credentialClass, specialties: me.specialties },
  });
  return { to, changeClass: verdict.changeClass };
}

export type SigningCheck = { ok: true } | Extract<ApproveOutcome, { ok: false }>;

/**
 * Everything before the approval's own transaction, which the password check (argon2, async)
 * can't run inside: permission and state first (a refused request never costs a password try),
 * then the lockout and the password. A wrong password's audit record and lockout count commit
 * here in their own transactions, whatever happens next.
 */
export async function checkSigningPassword(
  user: CurrentUser,
  input: SignedInput,
  decision: "approve" | "request_changes" = "approve",
): Promise<SigningCheck> {
  precheck(user, input, decision);
  const now = new Date();
  const lock = writeTransaction((tx) => {
    const until = lockOf(tx, signingKey(user.id), now);
    if (until) {
      appendAuditEvent(tx, {
        actor: user,
        action: "review.sign_throttled",
        targetType: "revision",
        targetId: input.revisionId,
        summary: { until: until.toISOString() },
      });
    }
    return until;
  });
  if (lock) return { ok: false, reason: "locked", lockedUntil: lock };

  const stored = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  const passwordOk = !!stored && (await verifyPassword(stored.passwordHash, input.password));
  if (!passwordOk) {
    const until = writeTransaction((tx) => {
      const articleId =
        tx.select({ articleId: revisions.articleId }).from(revisions).where(eq(revisions.id, input.revisionId)).get()?.articleId ?? null;
      const newLock = recordFailure(tx, signingKey(user.id), now, ACCOUNT_POLICY);
      appendAuditEvent(tx, {
        actor: user,
        action: "review.sign_refused",
        targetType: "revision",
        targetId: input.revisionId,
        articleId,
        summary: { reason: "wrong password", lockedUntil: newLock?.toISOString() ?? null },
      });
      return newLock;
    });
    return { ok: false, reason: until ? "locked" : "wrong_password", lockedUntil: until ?? undefined };
  }
  return { ok: true };
}

/**
 * The approval, in one transaction (it joins the caller's, see db/index.ts). Permission and
 * state are checked again: the password took time, and the text may have changed meanwhile.
 */
export function recordApproval(
  user: CurrentUser,
  input: ApproveInput,
  factors: SignatureFactors = "password",
): Extract<ApproveOutcome, { ok: true }> {
  return writeTransaction((tx) => {
    clearFailures(tx, signingKey(user.id));
    const loaded = loadRevision(tx, input.revisionId);
    const { revision, article } = loaded;
    const { to, changeClass } = requireApproval(tx, user, input, loaded);
    const created = insertSignOff(tx, user, revision, "approve", input.comment ?? "", factors, changeClass);
    appendAuditEvent(tx, {
      actor: user,
      action: "review.approve",
      targetType: "revision",
      targetId: revision.id,
      articleId: article.id,
      summary: { signOffId: created.id, contentHash: revision.contentHash, meaning: APPROVAL_MEANING, factors, changeClass },
    });
    const approvals = countingApprovalIds(tx, revision);
    // What happens once the quorum holds (publish now or wait for publishAt) is publication.ts's.
    const after = to === "approved" ? onQuorumReached(tx, user, article, revision, approvals, changeClass) : null;
    return {
      ok: true,
      outcome: { articleId: article.id, slug: article.slug, state: to },
      published: after?.published ?? false,
      scheduledFor: after?.scheduledFor ?? null,
      approvalsCounted: approvals.length,
    };
  });
}

/** Password check, then the approval: what the approve action does, for callers outside an action. */
export async function approveRevision(user: CurrentUser, input: ApproveInput): Promise<ApproveOutcome> {
  const check = await checkSigningPassword(user, input);
  return check.ok ? recordApproval(user, input) : check;
}

/**
 * Sending the revision back, a signature like an approval: the action checked the password (and,
 * when enrolled, a code) first; `factors` records which.
 */
export function requestChanges(
  user: CurrentUser,
  input: Omit<RequestChangesInput, "password" | "code">,
  factors: SignatureFactors = "password",
): TransitionOutcome {
  return writeTransaction((tx) => {
    clearFailures(tx, signingKey(user.id));
    const loaded = loadRevision(tx, input.revisionId);
    const { revision, article } = loaded;
    const to = requireTransition(tx, user, loaded, {
      action: "request_changes",
      signedHash: input.contentHash,
      currentHash: revision.contentHash,
    });
    const created = insertSignOff(
      tx,
      user,
      revision,
      "request_changes",
      input.comment,
      factors,
      approvalRule(tx, article, revision).verdict.changeClass,
    );
    tx.insert(reviewComments)
      .values({ revisionId: revision.id, authorId: user.id, body: input.comment, contentHash: revision.contentHash })
      .run();
    const now = nowIso();
    tx.update(revisions).set({ state: to, updatedAt: now }).where(eq(revisions.id, revision.id)).run();
    tx.update(articles).set({ updatedAt: now }).where(eq(articles.id, article.id)).run();
    syncArticleSearch(tx, article.id);
    notifyEach(
      tx,
      authorAndAssigningEditors(tx, revision),
      "changes_requested",
      `${user.name} requested changes to “${revision.question}”.`,
      { articleId: article.id, revisionId: revision.id },
      { actorId: user.id, eventKey: `changes_requested:${created.id}` },
    );
    appendAuditEvent(tx, {
      actor: user,
      action: "revision.request_changes",
      targetType: "revision",
      targetId: revision.id,
      articleId: article.id,
      summary: { before: { state: revision.state }, after: { state: to }, signOffId: created.id, contentHash: revision.contentHash },
    });
    return { articleId: article.id, slug: article.slug, state: to };
  });
}

function countingApprovalIds(tx: Tx, revision: RevisionRow): number[] {
  const panel = tx
    .select({ reviewerId: reviewAssignments.reviewerId })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .where(and(eq(reviewAssignments.revisionId, revision.id), isNull(reviewAssignments.removedAt), eq(users.active, true)))
    .all()
    .map((r) => r.reviewerId);
  return countingApprovals(signOffRefs(tx, revision.id), {
    currentHash: revision.contentHash,
    authorId: revision.authorId,
    activeReviewerIds: panel,
  });
}

/**
 * Hook for every save that changes a revision's content hash: each still-assigned reviewer who had
 * approved the previous hash is told the revision needs their sign-off again. Call inside the
 * save's transaction, after the new hash is stored.
 */
export function notifyReviewersToSignAgain(tx: Tx, revisionId: number, previousHash: string, actorId?: number): number {
  const revision = tx.select().from(revisions).where(eq(revisions.id, revisionId)).get();
  if (!revision || revision.contentHash === previousHash) return 0;
  const stale = tx
    .selectDistinct({ reviewerId: signOffs.reviewerId })
    .from(signOffs)
    .innerJoin(
      reviewAssignments,
      and(eq(reviewAssignments.revisionId, signOffs.revisionId), eq(reviewAssignments.reviewerId, signOffs.reviewerId)),
    )
    .where(
      and(
        eq(signOffs.revisionId, revisionId),
        eq(signOffs.decision, "approve"),
        eq(signOffs.contentHash, previousHash),
        isNull(reviewAssignments.removedAt),
      ),
    )
    .all();
  for (const { reviewerId } of stale) {
    notify(
      tx,
      reviewerId,
      "sign_off_again",
      `Your approval of “${revision.question}” no longer counts: the text changed after you signed. Please review the changes and sign again.`,
      { articleId: revision.articleId, revisionId },
      { actorId, eventKey: `sign_off_again:${revisionId}:${revision.contentHash}` },
    );
  }
  return stale.length;
}
