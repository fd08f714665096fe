import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { revisions, users } from "@/db/schema";
import { verifyMinorChange, type MinorVerdict } from "@/lib/change-class";
import { MINOR_REASON_LABELS, type ChangeClass, type MinorReason } from "@/lib/domain";
import { hashRevisionContent } from "@/lib/dal/revision-content";
import { getSiteSettings } from "@/lib/dal/settings";
import { WorkflowError, type ArticleRow, type RevisionRow } from "@/lib/dal/workflow-context";
import { ruleForChangeClass, type QuorumRule } from "@/lib/workflow";

/**
 * A revision's change class (issue 17): decided at submission, re-verified whenever approvals are
 * counted, since the text can still change under review. A minor claim whose text no longer passes
 * is judged as major, and the page says why.
 */

export type ClassVerdict = {
  /** The class the quorum uses now. */
  changeClass: ChangeClass;
  /** The class stored at submission (or by an escalation). */
  claimed: ChangeClass;
  /** Why, in words for the overview and the review page. */
  why: string;
  /** The live revision compared against, for the diff. */
  liveNumber: number | null;
};

function liveOf(tx: Tx, article: ArticleRow, revision: RevisionRow): RevisionRow | null {
  if (!article.liveRevisionId || article.liveRevisionId === revision.id) return null;
  return tx.select().from(revisions).where(eq(revisions.id, article.liveRevisionId)).get() ?? null;
}

/** Whether the content passes as minor against the live revision now. */
export function verifyAgainstLive(
  tx: Tx,
  live: RevisionRow,
  content: Pick<RevisionRow, "question" | "clinicianBody" | "patientBody" | "disclosure">,
): MinorVerdict {
  return verifyMinorChange(live, content, {
    maxChangedWords: getSiteSettings().minorMaxChangedWords,
    // The live revision's stored hash covers its cited references as they were approved.
    citedReferencesChanged: hashRevisionContent(tx, live) !== live.contentHash,
  });
}

export function classVerdict(tx: Tx, article: ArticleRow, revision: RevisionRow): ClassVerdict {
  const live = liveOf(tx, article, revision);
  const claimed = revision.changeClass;
  const base = { claimed, liveNumber: live?.number ?? null };
  if (claimed === "new" || (!live && claimed !== "major")) {
    return { ...base, changeClass: "new", why: "Nothing of this article is live yet: the whole text is reviewed." };
  }
  if (claimed === "major") {
    if (revision.changeEscalatedById) {
      const by = tx.select({ name: users.name }).from(users).where(eq(users.id, revision.changeEscalatedById)).get();
      return {
        ...base,
        changeClass: "major",
        why: `Claimed minor, escalated to major by ${by?.name ?? "a reviewer"}: ${revision.changeEscalationReason}`,
      };
    }
    return { ...base, changeClass: "major", why: "Submitted as a major change: the full quorum reviews it." };
  }
  const reason = MINOR_REASON_LABELS[revision.changeReason as MinorReason] ?? revision.changeReason;
  const note = revision.changeNote ? ` (${revision.changeNote})` : "";
  const verdict = live ? verifyAgainstLive(tx, live, revision) : ({ ok: false, reason: "nothing is live to compare with" } as const);
  if (!verdict.ok) {
    return { ...base, changeClass: "major", why: `Claimed minor (${reason}), but the text now ${verdict.reason}: judged as major.` };
  }
  const n = verdict.changedWords;
  return {
    ...base,
    changeClass: "minor",
    why: `${reason}${note}: ${n} word${n === 1 ? "" : "s"} changed from revision ${live!.number}, no number, citation or disclosure changed (verified).`,
  };
}

/** The approval rule for this revision now: its class's quorum, mix and specialty match. */
export function approvalRule(
  tx: Tx,
  article: ArticleRow,
  revision: RevisionRow,
): { verdict: ClassVerdict; rule: Pick<QuorumRule, "requiredApprovals" | "mix" | "specialtyTopic"> } {
  const verdict = classVerdict(tx, article, revision);
  return { verdict, rule: ruleForChangeClass(verdict.changeClass, getSiteSettings(), article.topic) };
}

export type ClassClaim = { changeClass?: "major" | "minor"; minorReason?: MinorReason; minorNote?: string };

/**
 * The class a submission gets: new without a live revision; minor only when claimed, with a
 * reason, and verified against the live text; otherwise major. A failed minor claim refuses the
 * submission with the reason, so the editor can submit it as major knowingly.
 */
export function classForSubmission(
  tx: Tx,
  article: ArticleRow,
  revision: RevisionRow,
  claim: ClassClaim,
): Pick<RevisionRow, "changeClass" | "changeReason" | "changeNote"> {
  const live = liveOf(tx, article, revision);
  const cleared = { changeReason: "", changeNote: "" };
  if (!live) {
    if (claim.changeClass === "minor") {
      throw new WorkflowError("invalid", "Nothing of this article is live yet, so it can't be a minor change.", {
        changeClass: ["A new article is reviewed in full"],
      });
    }
    return { changeClass: "new", ...cleared };
  }
  if (claim.changeClass !== "minor") return { changeClass: "major", ...cleared };
  if (!claim.minorReason) {
    throw new WorkflowError("invalid", "Say why this change is minor.", { minorReason: ["Choose why the change is minor"] });
  }
  const verdict = verifyAgainstLive(tx, live, revision);
  if (!verdict.ok) {
    const message = `This isn't a minor change: it ${verdict.reason}. Submit it as a major change.`;
    throw new WorkflowError("invalid", message, { changeClass: [message] });
  }
  return { changeClass: "minor", changeReason: claim.minorReason, changeNote: claim.minorNote?.trim() ?? "" };
}
