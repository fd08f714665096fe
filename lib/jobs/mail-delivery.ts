import "server-only";
import { z } from "zod";
import { MAIL_DELIVERY_JOB, mailMessage, setMailStatus } from "@/lib/dal/mail";
import { defineJob, PermanentJobError } from "@/lib/jobs/definition";
import { mailFrom, mailTransport } from "@/lib/mail/transport";

/**
 * Delivers one outbox message over SMTP. The message is marked sent only after the SMTP server
 * accepted the recipient; a refusal or an unreachable server throws, so the job retries with
 * backoff and the error shows on /admin/jobs. With no SMTP_URL the message stays in the outbox.
 * At-least-once: a crash between the server's acceptance and "sent" resends the same Message-ID.
 */
const MAX_ATTEMPTS = 10;

export const mailDeliveryJob = defineJob({
  kind: MAIL_DELIVERY_JOB,
  payload: z.object({ messageId: z.number().int().positive() }),
  maxAttempts: MAX_ATTEMPTS,
  run: async ({ messageId }, context) => {
    const message = mailMessage(messageId);
    if (!message) throw new PermanentJobError(`Mail message ${messageId} no longer exists`);
    if (message.status === "sent") return;
    const transport = mailTransport();
    if (!transport) {
      setMailStatus(message.id, "outbox");
      return;
    }
    try {
      const info = await transport.sendMail({
        from: mailFrom(),
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
        messageId: message.messageId,
        headers: message.unsubscribeUrl
          ? { "List-Unsubscribe": `<${message.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
          : {},
      });
      const accepted = info.accepted.map((a) => (typeof a === "string" ? a : a.address));
      if (!accepted.includes(message.toAddress)) throw new Error(`The SMTP server did not accept ${message.toAddress}`);
    } catch (error) {
      const lastError = error instanceof Error ? error.message : String(error);
      setMailStatus(message.id, context.attempt >= MAX_ATTEMPTS ? "failed" : "pending", { lastError });
      throw error;
    }
    setMailStatus(message.id, "sent", { sentAt: new Date().toISOString(), lastError: null });
  },
});
