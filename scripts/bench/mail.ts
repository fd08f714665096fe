/**
 * The mail part of `npm run bench`: a real SMTP server on 127.0.0.1 (smtp-server) that notes when
 * it accepted each Message-ID, and the delivery probe — N messages queued through the real outbox
 * by another process (scripts/jobs/queue-mail.ts, one transaction each, as events would) and
 * delivered by the server's own job runner: messages per second, and commit → SMTP accept latency.
 */
import { spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer } from "smtp-server";
import type { MailBenchResult } from "./results";
import { ROOT } from "./server";
import { round, summarize } from "./stats";

export type BenchSmtp = { url: string; acceptedAt: Map<string, number>; close: () => Promise<void> };

export async function startBenchSmtp(): Promise<BenchSmtp> {
  const acceptedAt = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 16_384) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        const id = /^message-id:\s*(<[^>]+>)/im.exec(head)?.[1];
        if (id && !acceptedAt.has(id)) acceptedAt.set(id, Date.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, acceptedAt, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function mailDelivery(opts: { db: string; count: number; smtp: BenchSmtp; timeoutMs?: number }): Promise<MailBenchResult> {
  const tag = `bench-${Date.now()}`;
  const queued = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/jobs/queue-mail.ts", String(opts.count), tag],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DATABASE_PATH: opts.db } },
  );
  if (queued.status !== 0) return { available: false, reason: queued.stderr.slice(-1000) };
  const list = (JSON.parse(queued.stdout.trim().split("\n").at(-1)!) as { queued: { messageId: string; committedAt: number }[] }).queued;
  const firstCommit = Math.min(...list.map((q) => q.committedAt));
  const until = Date.now() + (opts.timeoutMs ?? 300_000);
  const delivered = () => list.filter((q) => opts.smtp.acceptedAt.has(q.messageId)).length;
  while (delivered() < list.length && Date.now() < until) await sleep(100);
  const latencies = list
    .filter((q) => opts.smtp.acceptedAt.has(q.messageId))
    .map((q) => opts.smtp.acceptedAt.get(q.messageId)! - q.committedAt);
  const lastAccept = Math.max(...list.map((q) => opts.smtp.acceptedAt.get(q.messageId) ?? 0));
  const seconds = (lastAccept - firstCommit) / 1000;
  return {
    available: true,
    queued: list.length,
    delivered: delivered(),
    seconds: round(seconds, 2),
    messagesPerSecond: round(delivered() / Math.max(seconds, 0.001), 1),
    commitToAcceptMs: summarize(latencies),
  };
}
