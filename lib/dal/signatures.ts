import "server-only";
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { articles, auditEvents, revisions, signOffs } from "@/db/schema";
import { verifyStoredAuditChain } from "@/lib/dal/audit-log";
import { hashRevisionContent } from "@/lib/dal/revision-content";
import { getSiteSettings } from "@/lib/dal/settings";
import type { CurrentUser } from "@/lib/dal/session";
import { activePanel, asActor, signOffRefs, type RevisionRow } from "@/lib/dal/workflow-context";
import type { ChangeClass, CredentialClass, SignOffDecision } from "@/lib/domain";
import { canViewRevision } from "@/lib/permissions";
import { verifySignatureRecord, type RecordVerdict } from "@/lib/signatures";
import { countingSignOffs, mixRequirementLabel, ruleForChangeClass } from "@/lib/workflow";

/**
 * The signature record (issue 17): every sign-off of an article's revisions with what an inspector
 * needs (21 CFR Part 11 §11.50: printed name, time, meaning; §11.70: linked to its record), and a
 * verification that recomputes each revision's content hash and checks the audit chain.
 */

export type SignatureRow = {
  id: number;
  articleSlug: string;
  revisionNumber: number;
  signerName: string;
  signerCredentials: string;
  credentialClass: CredentialClass;
  decision: SignOffDecision;
  meaning: string;
  signedAt: string;
  contentHash: string;
  counts: boolean;
  /** Why it doesn't count, when it doesn't. */
  whyNot: string | null;
  /** The revision's change class when signed. */
  changeClass: ChangeClass;
  /** The approver-mix requirements this signature helps meet. */
  mixMet: string[];
  auditEventId: number | null;
  auditEventHash: string | null;
};

export type RevisionSignatures = {
  id: number;
  number: number;
  state: RevisionRow["state"];
  question: string;
  contentHash: string;
  changeClass: ChangeClass;
  approvedAt: string | null;
  signOffs: SignatureRow[];
  verdict: RecordVerdict;
};

export type SignatureRecord = { article: { id: number; slug: string; topic: string }; revisions: RevisionSignatures[] };

const SIGN_OFF_ACTIONS = ["review.approve", "revision.request_changes", "review.request_changes"];

/** The audit events that record sign-offs of an article, by sign-off id. */
function signOffEvents(tx: Tx, articleId: number): Map<number, { id: number; hash: string; contentHash: string | null }> {
  const events = new Map<number, { id: number; hash: string; contentHash: string | null }>();
  const rows = tx
    .select({ id: auditEvents.id, hash: auditEvents.hash, summary: auditEvents.summary })
    .from(auditEvents)
    .where(and(eq(auditEvents.articleId, articleId), inArray(auditEvents.action, SIGN_OFF_ACTIONS)))
    .all();
  for (const row of rows) {
    try {
      const summary = JSON.parse(row.summary) as { signOffId?: unknown; contentHash?: unknown };
      if (typeof summary.signOffId === "number") {
        events.set(summary.signOffId, {
          id: row.id,
          hash: row.hash,
          contentHash: typeof summary.contentHash === "string" ? summary.contentHash : null,
        });
      }
    } catch {
      // An unreadable summary links nothing; the sign-off then shows no audit event.
    }
  }
  return events;
}

function revisionSignatures(
  tx: Tx,
  article: { id: number; slug: string; topic: string },
  revision: RevisionRow,
  events: ReturnType<typeof signOffEvents>,
  chain: ReturnType<typeof verifyStoredAuditChain>,
): RevisionSignatures {
  const panel = activePanel(tx, revision.id).map((p) => p.reviewerId);
  const refs = signOffRefs(tx, revision.id);
  const context = { currentHash: revision.contentHash, authorId: revision.authorId, activeReviewerIds: panel };
  const counting = new Set(countingSignOffs(refs, context).map((s) => s.id));
  const classOf = new Map(refs.map((r) => [r.id, r.credentialClass ?? "other"]));
  const rule = ruleForChangeClass(revision.changeClass, getSiteSettings(), article.topic);
  const rows = tx.select().from(signOffs).where(eq(signOffs.revisionId, revision.id)).orderBy(asc(signOffs.id)).all();
  const latestOnHash = new Map<number, number>();
  for (const r of rows) if (r.contentHash === revision.contentHash) latestOnHash.set(r.reviewerId, r.id);
  const whyNot = (r: (typeof rows)[number]): string | null => {
    if (counting.has(r.id)) return null;
    if (r.decision !== "approve") return "a request for changes, not an approval";
    if (r.contentHash !== revision.contentHash) return "given on an earlier text of this revision";
    if (latestOnHash.get(r.reviewerId) !== r.id) return "superseded by the reviewer's later sign-off";
    if (r.reviewerId === revision.authorId) return "the reviewer wrote this revision";
    return "the reviewer is no longer on the panel or their account is inactive";
  };
  const signatures: SignatureRow[] = rows.map((r) => {
    const credentialClass = classOf.get(r.id) ?? "other";
    const event = events.get(r.id) ?? null;
    const counts = counting.has(r.id);
    return {
      id: r.id,
      articleSlug: article.slug,
      revisionNumber: revision.number,
      signerName: r.signerName,
      signerCredentials: r.signerCredentials,
      credentialClass,
      decision: r.decision,
      meaning: r.meaning,
      signedAt: r.signedAt,
      contentHash: r.contentHash,
      counts,
      whyNot: whyNot(r),
      changeClass: r.changeClass ?? revision.changeClass,
      mixMet: counts ? (rule.mix ?? []).filter((m) => m.classes.includes(credentialClass)).map(mixRequirementLabel) : [],
      auditEventId: event?.id ?? null,
      auditEventHash: event?.hash ?? null,
    };
  });
  const verdict = verifySignatureRecord({
    revisionNumber: revision.number,
    storedHash: revision.contentHash,
    recomputedHash: hashRevisionContent(tx, revision),
    signOffs: signatures.map((s) => ({
      id: s.id,
      contentHash: s.contentHash,
      auditEvent: s.auditEventId ? { id: s.auditEventId, contentHash: events.get(s.id)?.contentHash ?? null } : null,
    })),
    chain,
  });
  return {
    id: revision.id,
    number: revision.number,
    state: revision.state,
    question: revision.question,
    contentHash: revision.contentHash,
    changeClass: revision.changeClass,
    approvedAt: revision.approvedAt,
    signOffs: signatures,
    verdict,
  };
}

function recordFor(tx: Tx, article: typeof articles.$inferSelect, fullChain: boolean): SignatureRecord {
  const chain = verifyStoredAuditChain({ full: fullChain });
  const events = signOffEvents(tx, article.id);
  const slim = { id: article.id, slug: article.slug, topic: article.topic };
  const all = tx.select().from(revisions).where(eq(revisions.articleId, article.id)).orderBy(desc(revisions.number)).all();
  return { article: slim, revisions: all.map((r) => revisionSignatures(tx, slim, r, events, chain)) };
}

/** The signature record for staff who may open the article's working revision; null otherwise. */
export function getSignatureRecord(user: CurrentUser, articleId: number): SignatureRecord | null {
  return getDb().transaction((tx) => {
    const article = tx.select().from(articles).where(eq(articles.id, articleId)).get();
    if (!article?.workingRevisionId) return null;
    const working = tx.select({ authorId: revisions.authorId }).from(revisions).where(eq(revisions.id, article.workingRevisionId)).get();
    if (!working || !canViewRevision(asActor(user), working, activePanel(tx, article.workingRevisionId))) return null;
    return recordFor(tx, article, false);
  });
}

/** For `npm run signatures:verify`: the record of the article with this slug, the chain checked from its start. */
export function signatureRecordBySlug(slug: string): SignatureRecord | null {
  return getDb().transaction((tx) => {
    const article = tx.select().from(articles).where(eq(articles.slug, slug)).get();
    return article ? recordFor(tx, article, true) : null;
  });
}

/** Every signature of every article for an inspection export, a batch of articles at a time (by id). */
export function* allSignatures(batchSize = 200): Generator<SignatureRow[]> {
  let after = 0;
  for (;;) {
    const batch = getDb().transaction((tx) => {
      const list = tx.select().from(articles).where(gt(articles.id, after)).orderBy(asc(articles.id)).limit(batchSize).all();
      const chain = verifyStoredAuditChain();
      const rows: SignatureRow[] = [];
      for (const article of list) {
        const events = signOffEvents(tx, article.id);
        const slim = { id: article.id, slug: article.slug, topic: article.topic };
        const revs = tx.select().from(revisions).where(eq(revisions.articleId, article.id)).orderBy(asc(revisions.number)).all();
        for (const r of revs) {
          if (!tx.select({ id: signOffs.id }).from(signOffs).where(eq(signOffs.revisionId, r.id)).limit(1).get()) continue;
          rows.push(...revisionSignatures(tx, slim, r, events, chain).signOffs);
        }
      }
      return { rows, last: list.at(-1)?.id ?? null };
    });
    if (batch.last === null) return;
    after = batch.last;
    if (batch.rows.length) yield batch.rows;
  }
}
