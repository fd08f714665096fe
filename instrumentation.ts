/** Runs once when the server starts, before it answers any request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad setting stops the server here, with one line naming the variable (lib/env-schema.mjs).
  const { loadEnvOrExit } = await import("./lib/env-schema.mjs");
  const env = loadEnvOrExit(["server"]);
  const { clearStaleRouteCache } = await import("./lib/reader/route-cache");
  clearStaleRouteCache();
  // The job runner works beside the server unless JOB_RUNNER=off (then `npm run worker` does it).
  if (env.JOB_RUNNER === "on" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startProcessJobRunner } = await import("./lib/jobs/process-runner");
    startProcessJobRunner();
  }
}
