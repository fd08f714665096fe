import { performance } from "node:perf_hooks";
import { summarize, type TimingSummary } from "./stats";

/**
 * Times a function run in this process: wall time, and the CPU time the process used during each
 * call (the query's own cost; on a shared machine wall time adds the wait for a CPU). Warm-up
 * calls first, unrecorded. Shared by the in-process bench scripts.
 */
export type InProcessTiming = TimingSummary & { cpu: TimingSummary };

export function timeInProcess(fn: () => unknown, iterations: number, warmups = 1): InProcessTiming {
  for (let w = 0; w < warmups; w++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let n = 0; n < iterations; n++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ...summarize(wall), cpu: summarize(cpu) };
}
