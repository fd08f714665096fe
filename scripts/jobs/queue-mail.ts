/**
 * A test and bench process: queues COUNT messages to distinct addresses through the real outbox
 * (queueMail, one transaction each, as an event would) in DATABASE_PATH, and prints one JSON line
 * with their Message-IDs and commit times. tests/e2e/mail-delivery-crash.spec.ts and
 * `npm run bench` use it. Usage: queue-mail.ts <count> <tag>
 */
import { writeTransaction } from "@/db";
import { messageIdFor, queueMail } from "@/lib/dal/mail";

const count = Number(process.argv[2] ?? 1);
const tag = process.argv[3] ?? `run-${Date.now()}`;
if (!Number.isInteger(count) || count < 1) throw new Error("count must be a whole number ≥ 1");

const queued: { messageId: string; committedAt: number }[] = [];
for (let i = 0; i < count; i++) {
  const key = `${tag}:${i}`;
  writeTransaction((tx) =>
    queueMail(tx, {
      key,
      kind: "review_overdue",
      to: { address: `reviewer-${i}@${tag}.test` },
      subject: `Review overdue: test question ${i}`,
      content: {
        greeting: `Reviewer ${i},`,
        paragraphs: [`Your review of “test question ${i}” is overdue.`],
        action: { label: "Open the review", url: `http://127.0.0.1/editor/articles/${i}/review` },
        footer: "A test message from Vetted's mail tests.",
      },
    }),
  );
  queued.push({ messageId: messageIdFor(key), committedAt: Date.now() });
}
process.stdout.write(`${JSON.stringify({ tag, queued })}\n`);
