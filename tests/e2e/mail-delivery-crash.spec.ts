import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

/**
 * Mail survives what happens to servers: the SMTP server refusing for a while (each message is
 * delivered once it recovers), and the app killed with SIGKILL while 200 messages are queued
 * (after a restart every one arrives). This spec runs its own `next start` on its own database
 * and its own SMTP server, so it can kill them without touching the shared e2e server.
 *
 * "Exactly once" is counted by Message-ID, which is fixed when a message is queued: SMTP cannot
 * make a send and the sender's "sent" mark one atomic step, so a kill in the instant between the
 * remote server's acceptance and that mark resends the same Message-ID (which mail clients treat
 * as the same message). The test allows at most one such resend per kill and no other duplicate.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const SITE = `http://127.0.0.1:${PORT}`;
const DIR = path.join(ROOT, "tests", ".tmp", `mail-crash-${PORT}`);
const DB = path.join(DIR, "mail-crash.db");

const env = (smtpUrl: string): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_PATH: DB,
  NEXTAUTH_URL: SITE,
  SITE_URL: SITE,
  NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-use-000000",
  SMTP_URL: smtpUrl,
  // A refused message is retried 2–2.4 s later instead of 30–36 s: the same backoff, a shorter base.
  JOB_RETRY_BASE_MS: "2000",
});

let server: ChildProcess | null = null;

/** `next start` in its own process group, so SIGKILL reaches every process it started. */
async function startServer(smtpUrl: string): Promise<void> {
  const child = spawn(
    process.execPath,
    // Plain `next start`: this spec reads no client address (Playwright can't load scripts/next-start.mjs).
    [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(PORT)],
    {
      cwd: ROOT,
      env: env(smtpUrl),
      stdio: "ignore",
      detached: true,
    },
  );
  server = child;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      await (await fetch(`${SITE}/login`)).arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error("the server did not start within 60 s");
}

function killServer(signal: NodeJS.Signals): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid!, signal);
    } catch {
      resolve();
    }
  });
}

/** Queues messages through the real outbox code, in its own process, as events would. */
function queueMessages(count: number, tag: string): string[] {
  const run = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/jobs/queue-mail.ts", String(count), tag],
    { cwd: ROOT, env: env("smtp://127.0.0.1:1"), encoding: "utf8" },
  );
  expect(run.status, run.stderr.slice(-2000)).toBe(0);
  const { queued } = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { queued: { messageId: string }[] };
  return queued.map((q) => q.messageId);
}

const dbRows = <T>(sql: string, ...params: unknown[]): T[] => {
  const db = new Database(DB, { readonly: true });
  try {
    db.pragma("busy_timeout = 10000");
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
};

const received = (sink: SmtpSink, ids: string[]) => {
  const wanted = new Set(ids);
  return sink.messages.map((m) => m.messageId ?? "").filter((id) => wanted.has(id));
};

async function waitUntil(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  const prepared = spawnSync(process.execPath, [path.join(ROOT, "scripts", "prepare-db.mjs"), "--no-seed"], {
    cwd: ROOT,
    env: env("smtp://127.0.0.1:1"),
    encoding: "utf8",
  });
  expect(prepared.status, prepared.stderr).toBe(0);
});

test.afterAll(async () => {
  await killServer("SIGKILL");
  fs.rmSync(DIR, { recursive: true, force: true });
});

test("the SMTP server refusing for a while: each message is delivered once it recovers, exactly once", async () => {
  test.setTimeout(180_000);
  const sink = await startSmtpSink();
  try {
    sink.refuse = true;
    const ids = queueMessages(3, "refused");
    await startServer(sink.url);
    // The runner tried, was refused and keeps the SMTP error for /admin/jobs; nobody's action failed.
    await waitUntil(
      "the refused attempts",
      () => dbRows<{ n: number }>("SELECT count(*) AS n FROM jobs WHERE kind = 'mail.deliver' AND last_error LIKE '%451%'")[0].n === 3,
      30_000,
    );
    expect(dbRows<{ status: string }>("SELECT status FROM mail_messages").map((r) => r.status)).toEqual(["pending", "pending", "pending"]);
    expect(received(sink, ids)).toEqual([]);
    sink.refuse = false;
    // The first retry comes 2–2.4 s after the refusal (JOB_RETRY_BASE_MS above; lib/jobs/backoff.ts).
    await waitUntil("delivery after recovery", () => received(sink, ids).length === 3, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received(sink, ids).sort()).toEqual([...ids].sort());
    expect(dbRows<{ status: string }>("SELECT status FROM mail_messages").map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  } finally {
    await killServer("SIGTERM");
    await sink.close();
  }
});

test("the app killed with SIGKILL while 200 messages are queued: after a restart every one arrives", async () => {
  test.setTimeout(180_000);
  // A slow remote server (25 ms a message), so the kill lands with most of the queue still waiting.
  const sink = await startSmtpSink({ acceptDelayMs: 25 });
  try {
    const ids = queueMessages(200, "crash");
    await startServer(sink.url);
    await waitUntil("the first deliveries", () => received(sink, ids).length >= 20, 60_000);
    await killServer("SIGKILL");
    const beforeRestart = received(sink, ids).length;
    expect(beforeRestart).toBeLessThan(200);
    // The killed server's job was left leased; the new one sees its process is gone and takes it over.
    await startServer(sink.url);
    await waitUntil("all 200 after the restart", () => new Set(received(sink, ids)).size === 200, 120_000);
    await waitUntil(
      "every message marked sent",
      () =>
        dbRows<{ n: number }>(
          "SELECT count(*) AS n FROM mail_messages WHERE message_id IN (SELECT value FROM json_each(?)) AND status = 'sent'",
          JSON.stringify(ids),
        )[0].n === 200,
      30_000,
    );
    const all = received(sink, ids);
    expect(new Set(all)).toEqual(new Set(ids));
    // At most the one message in flight at the kill is sent twice (same Message-ID); never another.
    expect(all.length - 200).toBeLessThanOrEqual(1);
    expect(dbRows<{ n: number }>("SELECT count(*) AS n FROM jobs WHERE kind = 'mail.deliver' AND status <> 'done'")[0].n).toBe(0);
  } finally {
    await killServer("SIGTERM");
    await sink.close();
  }
});
