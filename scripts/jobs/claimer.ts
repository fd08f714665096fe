/**
 * A test process for the job queue: claims jobs from DATABASE_PATH until none is left and prints
 * one JSON line per job it ran. tests/unit/jobs-queue.test.ts starts several at once to show that
 * no job is run by two processes.
 */
import { claimJob, completeJob } from "@/lib/dal/jobs";

async function main() {
  const worker = `claimer-${process.pid}`;
  // Start together: every process waits for the same moment, so their claims really interleave.
  const startAt = Number(process.argv[2] ?? 0);
  if (startAt > Date.now()) await new Promise((resolve) => setTimeout(resolve, startAt - Date.now()));
  let idle = 0;
  while (idle < 3) {
    const job = claimJob(worker, new Date(), 60_000);
    if (!job) {
      idle++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    idle = 0;
    const completed = completeJob(job.id, worker);
    process.stdout.write(`${JSON.stringify({ pid: process.pid, id: job.id, completed })}\n`);
  }
}

void main();
