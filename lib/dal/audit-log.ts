import "server-only";
import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, auditEvents, revisions, users } from "@/db/schema";
import { auditEventHash, verifyAuditChain, type AuditFields, type ChainVerdict, type StoredAuditEvent } from "@/lib/audit";
import { clampPage, pageCount, pageOffset } from "@/lib/pagination";
import type { AuditFilter } from "@/lib/validations/audit-filter";

export const AUDIT_PAGE_SIZE = 50;

/** An audit event as the log viewer lists it: the chained fields plus the article's slug. */
export type AuditRow = AuditFields & { id: number; articleSlug: string | null };

function conditions(filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.actor) parts.push(eq(auditEvents.actorId, filter.actor));
  if (filter.article) parts.push(eq(auditEvents.articleId, filter.article));
  if (filter.action) parts.push(eq(auditEvents.action, filter.action));
  // Dates are whole UTC days: "to" includes everything up to the end of that day.
  if (filter.from) parts.push(gte(auditEvents.at, `${filter.from}T00:00:00.000Z`));
  if (filter.to) parts.push(lt(auditEvents.at, new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 86_400_000).toISOString()));
  return parts.length ? and(...parts) : undefined;
}

/** One page of events, newest first, with the total that match. */
export function listAuditEvents(filter: AuditFilter): { rows: AuditRow[]; total: number; page: number; pageCount: number } {
  const db = getDb();
  const where = conditions(filter);
  const total = db.select({ n: count() }).from(auditEvents).where(where).get()?.n ?? 0;
  const page = clampPage(filter.page, total, AUDIT_PAGE_SIZE);
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorId: auditEvents.actorId,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      articleId: auditEvents.articleId,
      articleSlug: articles.slug,
      summary: auditEvents.summary,
    })
    .from(auditEvents)
    .leftJoin(articles, eq(articles.id, auditEvents.articleId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset(pageOffset(page, AUDIT_PAGE_SIZE))
    .all();
  return { rows, total, page, pageCount: pageCount(total, AUDIT_PAGE_SIZE) };
}

export type AuditFilterOptions = {
  actors: { id: number; label: string }[];
  actions: string[];
  articles: { id: number; label: string }[];
};

/** What the filter menus offer: every user, every action recorded so far, every article. */
export function auditFilterOptions(): AuditFilterOptions {
  const db = getDb();
  const actors = db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name)).all();
  const actions = db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(asc(auditEvents.action)).all();
  const list = db
    .select({ id: articles.id, slug: articles.slug, question: revisions.question })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .orderBy(asc(articles.slug))
    .all();
  return {
    actors: actors.map((a) => ({ id: a.id, label: `${a.name} (${a.email})` })),
    actions: actions.map((a) => a.action),
    articles: list.map((a) => ({ id: a.id, label: a.question || a.slug })),
  };
}

type ChainCheckpoint = { id: number; hash: string; count: number };

// The last event this process has verified. Events are append-only (triggers refuse UPDATE and
// DELETE), so a page load re-checks the checkpoint row and then only the events added since;
// a full recomputation (every hash from the first event) is one click away.
const globalForAudit = globalThis as unknown as { vettedAuditCheckpoint?: ChainCheckpoint };

const EVENT_COLUMNS =
  "id, at, actor_id AS actorId, actor_label AS actorLabel, action, target_type AS targetType, target_id AS targetId, article_id AS articleId, summary, prev_hash AS prevHash, hash";

export type ChainCheck = ChainVerdict & { full: boolean };

/**
 * Verifies the hash chain, streaming rows so a long log doesn't sit in memory at once.
 * full: recompute from the first event; otherwise continue from the last verified checkpoint.
 */
export function verifyStoredAuditChain(options: { full?: boolean } = {}): ChainCheck {
  const client = getDb().$client;
  let checkpoint = options.full ? undefined : globalForAudit.vettedAuditCheckpoint;
  if (checkpoint) {
    const row = client.prepare("SELECT hash FROM audit_events WHERE id = ?").get(checkpoint.id) as { hash: string } | undefined;
    if (row?.hash !== checkpoint.hash) checkpoint = undefined;
  }
  let verdict: ChainVerdict;
  if (!checkpoint) {
    verdict = verifyAuditChain(
      client.prepare(`SELECT ${EVENT_COLUMNS} FROM audit_events ORDER BY id`).iterate() as Iterable<StoredAuditEvent>,
    );
  } else {
    const rest = client
      .prepare(`SELECT ${EVENT_COLUMNS} FROM audit_events WHERE id > ? ORDER BY id`)
      .iterate(checkpoint.id) as Iterable<StoredAuditEvent>;
    verdict = continueChain(checkpoint, rest);
  }
  if (verdict.ok) {
    const last = client.prepare("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").get() as
      { id: number; hash: string } | undefined;
    globalForAudit.vettedAuditCheckpoint = last && { ...last, count: verdict.count };
  } else {
    globalForAudit.vettedAuditCheckpoint = undefined;
  }
  return { ...verdict, full: !checkpoint };
}

/** The same checks as verifyAuditChain, starting after a verified event instead of at genesis. */
function continueChain(from: ChainCheckpoint, events: Iterable<StoredAuditEvent>): ChainVerdict {
  let prev = from.hash;
  let count = from.count;
  for (const event of events) {
    count++;
    if (event.prevHash !== prev)
      return { ok: false, count, brokenAtId: event.id, reason: "previous hash does not match the event before it" };
    if (auditEventHash(event, event.prevHash) !== event.hash)
      return { ok: false, count, brokenAtId: event.id, reason: "content does not match its hash (edited)" };
    prev = event.hash;
  }
  return { ok: true, count };
}
