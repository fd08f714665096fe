import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { useTempDatabase } from "../helpers/temp-db";

/**
 * The job queue against a real SQLite file: enqueue in the causing transaction, leases, retries
 * with backoff, permanent failures, recurring occurrences, and several processes claiming at once.
 */
const temp = useTempDatabase("jobs");
const { getDb, writeTransaction } = await import("@/db");
const { enqueueJob, claimJob, completeJob, failJob, releaseLeasesOfDeadWorkers } = await import("@/lib/dal/jobs");
const { runNextJob, ensureRecurringJobs, occurrenceKey } = await import("@/lib/jobs/runner");
const { defineJob, PermanentJobError } = await import("@/lib/jobs/definition");

afterAll(() => temp.cleanup());

type JobRow = {
  id: number;
  kind: string;
  status: string;
  attempts: number;
  run_at: string;
  last_error: string | null;
  idempotency_key: string;
};
const rows = () => getDb().$client.prepare("SELECT * FROM jobs ORDER BY id").all() as JobRow[];
const row = (id: number) => getDb().$client.prepare("SELECT * FROM jobs WHERE id = ?").get(id) as JobRow;
const enqueue = (kind: string, key: string, payload: Record<string, unknown> = {}, runAt?: Date) =>
  writeTransaction((tx) => enqueueJob(tx, { kind, key, payload, runAt }));

beforeEach(() => {
  getDb().$client.exec("DELETE FROM jobs");
});

describe("enqueueing", () => {
  it("writes the job with the change that causes it, and not at all when that change rolls back", () => {
    expect(() =>
      writeTransaction((tx) => {
        enqueueJob(tx, { kind: "notify", key: "rolled-back" });
        throw new Error("the causing change failed");
      }),
    ).toThrow("the causing change failed");
    expect(rows()).toEqual([]);
    expect(enqueue("notify", "committed")).toBe(true);
    expect(rows().map((r) => r.idempotency_key)).toEqual(["committed"]);
  });

  it("ignores a second job with the same idempotency key", () => {
    expect(enqueue("notify", "event-1:user-2")).toBe(true);
    expect(enqueue("notify", "event-1:user-2")).toBe(false);
    expect(rows()).toHaveLength(1);
  });
});

describe("leases", () => {
  it("gives a due job to one worker; another finds nothing until the lease runs out", () => {
    enqueue("notify", "a");
    const now = new Date();
    const first = claimJob("w1", now, 60_000);
    expect(first?.attempts).toBe(1);
    expect(claimJob("w2", now, 60_000)).toBeNull();
    // w1 died: after the lease, w2 takes the job over and w1's late completion is ignored.
    const later = new Date(now.getTime() + 61_000);
    const retaken = claimJob("w2", later, 60_000);
    expect(retaken?.id).toBe(first?.id);
    expect(retaken?.attempts).toBe(2);
    expect(completeJob(first!.id, "w1", later)).toBe(false);
    expect(completeJob(first!.id, "w2", later)).toBe(true);
    expect(row(first!.id).status).toBe("done");
  });

  it("after a restart, takes over at once the jobs a dead process on this host held, not a live or remote one's", () => {
    enqueue("notify", "dead");
    enqueue("notify", "alive");
    enqueue("notify", "remote");
    const now = new Date();
    const dead = claimJob("here:4001:aaaa", now, 300_000)!;
    const alive = claimJob("here:4002:bbbb", now, 300_000)!;
    const remote = claimJob("elsewhere:4001:cccc", now, 300_000)!;
    expect(claimJob("here:5000:new", now, 300_000)).toBeNull();
    expect(releaseLeasesOfDeadWorkers("here", (pid) => pid === 4002, now)).toBe(1);
    const retaken = claimJob("here:5000:new", now, 300_000);
    expect(retaken?.id).toBe(dead.id);
    expect(retaken?.attempts).toBe(2);
    // The live worker's and the other host's jobs keep their leases.
    expect(claimJob("here:5000:new", now, 300_000)).toBeNull();
    expect([row(alive.id).status, row(remote.id).status]).toEqual(["running", "running"]);
  });

  it("does not hand out a job before its run-at time", () => {
    const now = new Date();
    enqueue("notify", "later", {}, new Date(now.getTime() + 5000));
    expect(claimJob("w1", now, 60_000)).toBeNull();
    expect(claimJob("w1", new Date(now.getTime() + 5000), 60_000)).not.toBeNull();
  });
});

describe("failures", () => {
  const backoff = { baseMs: 1000, capMs: 60_000, jitter: 0 };

  it("queues a failed job again after the backoff delay, then marks it failed after its last attempt", () => {
    writeTransaction((tx) => enqueueJob(tx, { kind: "notify", key: "flaky", maxAttempts: 3 }));
    let now = new Date();
    const outcomes: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const job = claimJob("w1", now, 60_000)!;
      expect(job.attempts).toBe(attempt);
      outcomes.push(failJob(job.id, "w1", `SMTP said no (${attempt})`, { now, backoff }));
      const after = row(job.id);
      if (attempt < 3) expect(new Date(after.run_at).getTime() - now.getTime()).toBe(1000 * 2 ** (attempt - 1));
      now = new Date(after.run_at);
    }
    expect(outcomes).toEqual(["retrying", "retrying", "failed"]);
    expect(rows()[0]).toMatchObject({ status: "failed", attempts: 3, last_error: "SMTP said no (3)" });
  });

  it("fails at once when the error is permanent", () => {
    enqueue("notify", "gone");
    const job = claimJob("w1", new Date(), 60_000)!;
    expect(failJob(job.id, "w1", "The article no longer exists", { permanent: true })).toBe("failed");
    expect(row(job.id).status).toBe("failed");
  });
});

describe("the runner", () => {
  const ran: string[] = [];
  const definitions = [
    defineJob({ kind: "greet", payload: z.object({ name: z.string() }), run: ({ name }) => void ran.push(name) }),
    defineJob({
      kind: "explode",
      payload: z.object({}),
      run: () => {
        throw new Error("boom");
      },
    }),
    defineJob({
      kind: "vanished",
      payload: z.object({}),
      run: () => {
        throw new PermanentJobError("The article was deleted");
      },
    }),
  ];
  const run = () => runNextJob({ definitions, workerId: "runner-test" });

  it("runs a job with its parsed payload and marks it done", async () => {
    enqueue("greet", "g1", { name: "Dr. Osei" });
    expect(await run()).toBe(true);
    expect(ran).toContain("Dr. Osei");
    expect(rows()[0].status).toBe("done");
    expect(await run()).toBe(false);
  });

  it("keeps going after a handler throws, and retries it later", async () => {
    enqueue("explode", "e1");
    enqueue("greet", "g2", { name: "after the explosion" });
    expect(await run()).toBe(true);
    expect(await run()).toBe(true);
    const [exploded, greeted] = rows();
    expect(exploded).toMatchObject({ status: "queued", attempts: 1, last_error: "boom" });
    expect(new Date(exploded.run_at).getTime()).toBeGreaterThan(Date.now());
    expect(greeted.status).toBe("done");
  });

  it("ends as failed with a readable reason: unknown kind, payload that no longer matches, permanent error", async () => {
    enqueue("no-such-kind", "u1");
    enqueue("greet", "bad-payload", { name: 42 });
    enqueue("vanished", "v1");
    for (let i = 0; i < 3; i++) await run();
    expect(rows().map((r) => [r.status, r.last_error])).toEqual([
      ["failed", 'No handler for job kind "no-such-kind"'],
      ["failed", expect.stringContaining("The job's payload no longer matches")],
      ["failed", "The article was deleted"],
    ]);
  });
});

describe("recurring tasks", () => {
  const ticks: Date[] = [];
  const tick = defineJob({
    kind: "tick",
    payload: z.object({}),
    recurring: () => ({ pattern: "* * * * *", timeZone: "UTC" }),
    run: (_payload, context) => void ticks.push(context.now),
  });

  it("queue one next occurrence however many runners start", () => {
    const now = new Date("2026-12-04T10:15:30Z");
    ensureRecurringJobs([tick], now);
    ensureRecurringJobs([tick], now);
    expect(rows().map((r) => [r.idempotency_key, r.run_at])).toEqual([
      [occurrenceKey("tick", new Date("2026-12-04T10:16:00Z")), "2026-12-04T10:16:00.000Z"],
    ]);
  });

  it("after a restart, run a missed occurrence once and queue the next one from now", async () => {
    ensureRecurringJobs([tick], new Date("2026-12-04T10:15:30Z"));
    // The server was down from 10:15:40 to 10:20:10: the 10:16 occurrence is still queued.
    const now = () => new Date("2026-12-04T10:20:10Z");
    expect(await runNextJob({ definitions: [tick], workerId: "w", now })).toBe(true);
    expect(await runNextJob({ definitions: [tick], workerId: "w", now })).toBe(false);
    expect(ticks).toHaveLength(1);
    expect(rows().map((r) => [r.status, r.run_at])).toEqual([
      ["done", "2026-12-04T10:16:00.000Z"],
      ["queued", "2026-12-04T10:21:00.000Z"],
    ]);
  });
});

describe("several processes", () => {
  it("never run the same job twice", async () => {
    const JOBS = 200;
    writeTransaction((tx) => {
      for (let i = 0; i < JOBS; i++) enqueueJob(tx, { kind: "notify", key: `bulk-${i}` });
    });
    const root = path.resolve(import.meta.dirname, "..", "..");
    const startAt = String(Date.now() + 8000);
    const claimer = () =>
      new Promise<{ pid: number; id: number; completed: boolean }[]>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "jobs", "claimer.ts"), startAt],
          {
            cwd: root,
            env: { ...process.env, DATABASE_PATH: temp.file },
            stdio: ["ignore", "pipe", "inherit"],
          },
        );
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.on("error", reject);
        child.on("exit", (code) =>
          code === 0
            ? resolve(
                out
                  .split("\n")
                  .filter(Boolean)
                  .map((line) => JSON.parse(line) as { pid: number; id: number; completed: boolean }),
              )
            : reject(new Error(`claimer exited with ${code}`)),
        );
      });
    const results = (await Promise.all([claimer(), claimer(), claimer(), claimer()])).flat();
    const ids = results.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(JOBS);
    expect(results.every((r) => r.completed)).toBe(true);
    expect(new Set(results.map((r) => r.pid)).size).toBeGreaterThan(1);
    expect(rows().every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
  }, 60_000);
});
