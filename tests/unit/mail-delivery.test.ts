import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { useTempDatabase } from "../helpers/temp-db";

/**
 * Mail through the outbox and the job queue to a real SMTP server on 127.0.0.1: the rendered
 * parts and headers arrive, a refusing server is retried until it recovers and the message
 * arrives once, and with no SMTP_URL the message stays in the outbox.
 */
const temp = useTempDatabase("mail");
process.env.SITE_URL = "https://vetted.example";
const { getDb, writeTransaction } = await import("@/db");
const { queueMail } = await import("@/lib/dal/mail");
const { runNextJob } = await import("@/lib/jobs/runner");
const { JOB_DEFINITIONS } = await import("@/lib/jobs/kinds");
const { closeMailTransport } = await import("@/lib/mail/transport");

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  closeMailTransport();
  await sink.close();
  temp.cleanup();
});
beforeEach(() => {
  getDb().$client.exec("DELETE FROM jobs; DELETE FROM mail_messages;");
  sink.messages.length = 0;
  sink.refuse = false;
  process.env.SMTP_URL = sink.url;
  // The runner's clock: a moment after the message is queued, moved forward past each retry delay.
  clock = Date.now() + 1000;
});

const queue = (key: string) =>
  writeTransaction((tx) =>
    queueMail(tx, {
      key,
      kind: "assigned",
      to: { address: "reviewer@vetted.test" },
      subject: "Review requested: Is back pain after childbirth normal?",
      content: {
        greeting: "Dr. Lindqvist,",
        paragraphs: ["Sam Whitaker asked you to review “Is back pain after childbirth normal?”. It is due on 11 December 2026."],
        action: { label: "Open the review", url: "https://vetted.example/editor/articles/7/review" },
        footer: "You get this because you are on Vetted's medical advisory board.",
        unsubscribeUrl: "https://vetted.example/account/notifications",
      },
    }),
  );
const mail = () => getDb().$client.prepare("SELECT status, last_error AS lastError, message_id AS messageId FROM mail_messages").all();
let clock = 0;
const run = () => runNextJob({ definitions: JOB_DEFINITIONS, workerId: "mail-test", now: () => new Date(clock) });

describe("mail delivery", () => {
  it("sends text and HTML with the deep link, a stable Message-ID and List-Unsubscribe", async () => {
    expect(queue("assigned:42:reviewer-3")).toBe(true);
    expect(await run()).toBe(true);
    expect(sink.messages).toHaveLength(1);
    const [message] = sink.messages;
    expect(message.subject).toBe("Review requested: Is back pain after childbirth normal?");
    expect(message.text).toContain("Open the review: https://vetted.example/editor/articles/7/review");
    expect(message.html).toContain('href="https://vetted.example/editor/articles/7/review"');
    const unsubscribe = message.headerLines.find((line) => line.key === "list-unsubscribe")?.line;
    expect(unsubscribe).toBe("List-Unsubscribe: <https://vetted.example/account/notifications>");
    const stored = mail() as { status: string; messageId: string }[];
    expect(message.messageId).toBe(stored[0].messageId);
    expect(stored[0].messageId).toMatch(/@vetted\.example>$/);
    expect(stored[0].status).toBe("sent");
  });

  it("queues one message per event and recipient", () => {
    expect(queue("assigned:42:reviewer-3")).toBe(true);
    expect(queue("assigned:42:reviewer-3")).toBe(false);
    expect(mail()).toHaveLength(1);
  });

  it("retries while the SMTP server refuses, then delivers exactly once", async () => {
    queue("changes:9:editor-2");
    sink.refuse = true;
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await run()).toBe(true);
      const job = getDb().$client.prepare("SELECT status, run_at AS runAt, last_error AS lastError FROM jobs").get() as {
        status: string;
        runAt: string;
        lastError: string;
      };
      expect(job.status).toBe("queued");
      expect(job.lastError).toMatch(/451|temporarily unavailable/i);
      expect(await run()).toBe(false);
      clock = new Date(job.runAt).getTime();
    }
    const [pending] = mail() as { status: string; lastError: string }[];
    expect(pending.status).toBe("pending");
    expect(pending.lastError).toMatch(/451|temporarily unavailable/i);
    sink.refuse = false;
    expect(await run()).toBe(true);
    expect(await run()).toBe(false);
    expect(sink.messages).toHaveLength(1);
    expect(mail()).toMatchObject([{ status: "sent", lastError: null }]);
  });

  it("keeps the message in the outbox when no SMTP server is configured", async () => {
    delete process.env.SMTP_URL;
    queue("question:5:editor-2");
    expect(await run()).toBe(true);
    expect(sink.messages).toHaveLength(0);
    expect(mail()).toMatchObject([{ status: "outbox" }]);
  });
});
