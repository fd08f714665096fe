import "server-only";
import { desc } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import type { Tx } from "@/db";
import { auditEventHash, GENESIS_HASH, type AuditFields } from "@/lib/audit";

/**
 * Who acted: a staff account, recorded by id and email (unique and stable; names change and can
 * repeat). Pages that show events join the current name by id. null for anonymous or system.
 */
export type AuditActor = { id: number; email: string };

export type AuditInput = {
  actor: AuditActor | null;
  /** Who acted when it was no staff account (a preview link's guest); shown and hashed as the actor label. */
  actorLabel?: string;
  action: string;
  targetType: string;
  targetId?: string | number | null;
  articleId?: number | null;
  summary?: Record<string, unknown>;
};

/** Appends one event to the chain. Call inside the write transaction of the change it records. */
export function appendAuditEvent(tx: Tx, input: AuditInput): void {
  const last = tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: AuditFields = {
    at: new Date().toISOString(),
    actorId: input.actor?.id ?? null,
    actorLabel: input.actor?.email ?? input.actorLabel ?? "",
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId == null ? null : String(input.targetId),
    articleId: input.articleId ?? null,
    summary: JSON.stringify(input.summary ?? {}),
  };
  tx.insert(auditEvents)
    .values({ ...fields, prevHash, hash: auditEventHash(fields, prevHash) })
    .run();
}
