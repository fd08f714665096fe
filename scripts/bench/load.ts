import autocannon from "autocannon";
import { round } from "./stats";

export type LoadOptions = { url: string; connections: number; duration: number; warmup: number; headers?: Record<string, string> };
export type LoadResult = {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
};

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** A warm-up run (discarded), then the measured run, both with the same connections and headers. */
export async function measure({ url, connections, duration, warmup, headers = {} }: LoadOptions): Promise<LoadResult> {
  const base = { url, connections, headers, pipelining: 1, timeout: 10 } satisfies autocannon.Options;
  if (warmup > 0) await run({ ...base, duration: warmup });
  const r = await run({ ...base, duration });
  const responses = r.requests.total || 1;
  return {
    url,
    headers,
    connections,
    durationS: duration,
    requests: r.requests.total,
    rps: round(r.requests.total / r.duration, 1),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: Math.round(r.throughput.total / responses),
  };
}
