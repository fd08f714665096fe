import "server-only";
import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { mailMessages, type MailStatus } from "@/db/schema";
import { enqueueJob } from "@/lib/dal/jobs";
import { renderMailHtml, renderMailText, type MailContent } from "@/lib/mail/render";
import { redactResetLinks } from "@/lib/password-reset";
import { siteUrl } from "@/lib/reader/site-url";

/**
 * The outbox: every email is written here, in the transaction of the event it reports, with the
 * job that delivers it (lib/jobs/mail-delivery.ts). The idempotency key is one per (event,
 * recipient), so the same event never queues a second message to the same person.
 */
export const MAIL_DELIVERY_JOB = "mail.deliver";

export type QueueMailInput = {
  key: string;
  kind: string;
  to: { address: string; userId?: number | null };
  subject: string;
  content: MailContent;
};

/** A stable Message-ID from the idempotency key: a retried delivery carries the same one. */
export function messageIdFor(key: string): string {
  const host = new URL(siteUrl()).hostname || "vetted.invalid";
  return `<${createHash("sha256").update(key).digest("hex").slice(0, 32)}@${host}>`;
}

/** Writes the message and its delivery job; false when this (event, recipient) was already queued. */
export function queueMail(tx: Tx, input: QueueMailInput): boolean {
  const row = tx
    .insert(mailMessages)
    .values({
      kind: input.kind,
      idempotencyKey: input.key,
      toUserId: input.to.userId ?? null,
      toAddress: input.to.address,
      subject: input.subject,
      textBody: renderMailText(input.content),
      htmlBody: renderMailHtml(input.content, input.subject),
      messageId: messageIdFor(input.key),
      unsubscribeUrl: input.content.unsubscribeUrl ?? null,
    })
    .onConflictDoNothing({ target: mailMessages.idempotencyKey })
    .returning({ id: mailMessages.id })
    .get();
  if (!row) return false;
  enqueueJob(tx, { kind: MAIL_DELIVERY_JOB, key: `mail:${input.key}`, payload: { messageId: row.id } });
  return true;
}

export type StoredMail = typeof mailMessages.$inferSelect;

export function mailMessage(id: number): StoredMail | undefined {
  return getDb().select().from(mailMessages).where(eq(mailMessages.id, id)).get();
}

export function setMailStatus(id: number, status: MailStatus, extra: { lastError?: string | null; sentAt?: string | null } = {}): void {
  writeTransaction((tx) => {
    tx.update(mailMessages)
      .set({ status, ...extra, ...(status === "sent" ? redactedBodies(tx, id) : {}) })
      .where(eq(mailMessages.id, id))
      .run();
  });
}

/** Once sent, a message keeps no live reset link (a credential) in the outbox (lib/password-reset.ts). */
function redactedBodies(tx: Tx, id: number): { textBody?: string; htmlBody?: string } {
  const row = tx
    .select({ textBody: mailMessages.textBody, htmlBody: mailMessages.htmlBody })
    .from(mailMessages)
    .where(eq(mailMessages.id, id))
    .get();
  if (!row) return {};
  const textBody = redactResetLinks(row.textBody);
  return textBody === row.textBody ? {} : { textBody, htmlBody: redactResetLinks(row.htmlBody) };
}

export function recentMail(limit = 50): StoredMail[] {
  return getDb().select().from(mailMessages).orderBy(desc(mailMessages.id)).limit(limit).all();
}
