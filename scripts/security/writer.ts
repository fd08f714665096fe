/**
 * A writer process for the contention and crash tests: it writes through db/index.ts
 * (writeTransaction, BEGIN IMMEDIATE) and lib/dal/audit.ts exactly as the app's DAL does, and
 * reports each outcome on stdout as one JSON line, written only after the commit returned
 * (so a reported write is an acknowledged one).
 *
 *   save <revisionId> <rounds> [startAt]  optimistic-lock saves: read the version, then save "from" it
 *   approve <revisionId> <reviewerId>     sign off; the approval that reaches quorum approves
 *   crash <workerName>                    insert articles until killed
 *
 * DATABASE_PATH names the (already migrated) database.
 */
import { and, count, eq } from "drizzle-orm";
import { getDb, writeTransaction } from "../../db/index";
import { articles, revisions, signOffs } from "../../db/schema";
import { appendAuditEvent } from "../../lib/dal/audit";

const [mode, a, b, c] = process.argv.slice(2);
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ pid: process.pid, ...event })}\n`);

/** Runs a write, turning a surfaced SQLite error into a report instead of a crash. */
function attempt<T>(fn: () => T): T | { error: string } {
  try {
    return fn();
  } catch (error) {
    const e = error as Error & { code?: string; cause?: Error & { code?: string } };
    return { error: e.cause?.code ?? e.code ?? e.message };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function save(revisionId: number, rounds: number, startAt: number) {
  // All writers start together (they take different times to boot), so their saves overlap.
  await sleep(Math.max(0, startAt - Date.now()));
  for (let i = 0; i < rounds; i++) {
    // The client loaded the form at this version…
    const seen = getDb().select({ version: revisions.version }).from(revisions).where(eq(revisions.id, revisionId)).get()!.version;
    // …and the editor types for a moment, while other processes may save.
    await sleep(Math.random() * 4);
    const body = `saved by ${process.pid} from version ${seen} (round ${i})`;
    // …and saves "from" it: the version check and the write are one immediate transaction.
    const outcome = attempt(() =>
      writeTransaction((tx) => {
        const current = tx.select({ version: revisions.version }).from(revisions).where(eq(revisions.id, revisionId)).get()!;
        if (current.version !== seen) return { conflict: true as const };
        tx.update(revisions)
          .set({ clinicianBody: body, version: seen + 1, updatedAt: new Date().toISOString() })
          .where(eq(revisions.id, revisionId))
          .run();
        appendAuditEvent(tx, {
          actor: { id: process.pid, email: "writer@vetted.test" },
          action: "revision.save",
          targetType: "revision",
          targetId: revisionId,
          summary: { from: seen, to: seen + 1 },
        });
        return { conflict: false as const };
      }),
    );
    if ("error" in outcome) say({ kind: "error", error: outcome.error });
    else if (outcome.conflict) say({ kind: "conflict", version: seen });
    else say({ kind: "saved", version: seen + 1, body });
  }
}

const REQUIRED_APPROVALS = 2;

function approve(revisionId: number, reviewerId: number) {
  const outcome = attempt(() =>
    writeTransaction((tx) => {
      const revision = tx.select().from(revisions).where(eq(revisions.id, revisionId)).get()!;
      if (revision.state !== "under_review") return "not under review";
      const mine = tx
        .select({ n: count() })
        .from(signOffs)
        .where(and(eq(signOffs.revisionId, revisionId), eq(signOffs.reviewerId, reviewerId)))
        .get()!.n;
      if (mine > 0) return "already signed";
      tx.insert(signOffs)
        .values({
          revisionId,
          reviewerId,
          decision: "approve",
          meaning: "I reviewed this content for medical accuracy",
          signerName: `Reviewer ${reviewerId}`,
          contentHash: revision.contentHash,
        })
        .run();
      appendAuditEvent(tx, {
        actor: { id: reviewerId, email: `reviewer${reviewerId}@vetted.test` },
        action: "revision.sign_off",
        targetType: "revision",
        targetId: revisionId,
      });
      const approvals = tx
        .select({ n: count() })
        .from(signOffs)
        .where(and(eq(signOffs.revisionId, revisionId), eq(signOffs.contentHash, revision.contentHash), eq(signOffs.decision, "approve")))
        .get()!.n;
      if (approvals < REQUIRED_APPROVALS) return "signed";
      tx.update(revisions).set({ state: "approved", approvedAt: new Date().toISOString() }).where(eq(revisions.id, revisionId)).run();
      tx.update(articles).set({ liveRevisionId: revisionId }).where(eq(articles.id, revision.articleId)).run();
      appendAuditEvent(tx, {
        actor: { id: reviewerId, email: `reviewer${reviewerId}@vetted.test` },
        action: "revision.approve",
        targetType: "revision",
        targetId: revisionId,
      });
      return "approved";
    }),
  );
  say(typeof outcome === "string" ? { kind: outcome, reviewerId } : { kind: "error", error: outcome.error });
}

function crash(worker: string) {
  for (let i = 0; ; i++) {
    const slug = `crash-${worker}-${i}`;
    writeTransaction((tx) => {
      const article = tx
        .insert(articles)
        .values({ slug, topic: "x".repeat(2000) })
        .returning({ id: articles.id })
        .get();
      appendAuditEvent(tx, {
        actor: null,
        action: "article.create",
        targetType: "article",
        targetId: article.id,
        articleId: article.id,
        summary: { slug },
      });
    });
    say({ kind: "ack", slug });
  }
}

if (mode === "save") void save(Number(a), Number(b), Number(c ?? 0));
else if (mode === "approve") approve(Number(a), Number(b));
else if (mode === "crash") crash(a);
else {
  console.error("usage: writer.ts save|approve|crash …");
  process.exit(2);
}
