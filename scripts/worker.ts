/**
 * `npm run worker`: a job runner in its own process, beside or instead of the server's own
 * (set JOB_RUNNER=off on the servers to leave all jobs to workers). Stops cleanly on SIGINT/SIGTERM,
 * finishing the job in hand; a job it can't finish is taken over by another runner when its lease ends.
 */
import { databasePath, getDb } from "@/db";
import { startProcessJobRunner, stopProcessJobRunner } from "@/lib/jobs/process-runner";

getDb();
const runner = startProcessJobRunner();
console.log(`Job runner ${runner.workerId} working on ${databasePath()}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void stopProcessJobRunner().then(() => process.exit(0));
  });
}
