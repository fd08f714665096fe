import "server-only";
import { JOB_DEFINITIONS } from "@/lib/jobs/kinds";
import { startJobRunner, type RunningRunner } from "@/lib/jobs/runner";
import { closeMailTransport } from "@/lib/mail/transport";

// One runner per process, whoever asks (instrumentation.ts at server start, scripts/worker.ts).
const globalForRunner = globalThis as unknown as { vettedJobRunner?: RunningRunner };

export function startProcessJobRunner(): RunningRunner {
  globalForRunner.vettedJobRunner ??= startJobRunner({
    definitions: JOB_DEFINITIONS,
    log: (line) => console.error(`[jobs] ${line}`),
  });
  return globalForRunner.vettedJobRunner;
}

export async function stopProcessJobRunner(): Promise<void> {
  const runner = globalForRunner.vettedJobRunner;
  globalForRunner.vettedJobRunner = undefined;
  await runner?.stop();
  closeMailTransport();
}
