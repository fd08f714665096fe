import "server-only";
import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, auditEvents, revisions, users } from "@/db/schema";
import { verifyAuditChain, type ChainVerdict, type StoredAuditEvent } from "@/lib/audit";
import type { AuditFilter } from "@/lib/validations/audit-filter";

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: number;
  at: string;
  actorId: number | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  articleId: number | null;
  articleSlug: string | null;
  summary: string;
};

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
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
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
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows, total, page, pageCount };
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

/** Recomputes the whole chain, streaming rows so a long log doesn't sit in memory at once. */
export function verifyStoredAuditChain(): ChainVerdict {
  const statement = getDb().$client.prepare(
    "SELECT id, at, actor_id AS actorId, actor_label AS actorLabel, action, target_type AS targetType, target_id AS targetId, article_id AS articleId, summary, prev_hash AS prevHash, hash FROM audit_events ORDER BY id",
  );
  return verifyAuditChain(statement.iterate() as Iterable<StoredAuditEvent>);
}
