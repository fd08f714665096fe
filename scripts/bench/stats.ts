/** Pure helpers shared by the bench scripts (unit-tested in tests/unit/bench-stats.test.ts). */

/** Nearest-rank percentile of a list of numbers (q in 0..100); NaN for an empty list. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((q / 100) * sorted.length)));
  return sorted[rank - 1];
}

export type TimingSummary = { samples: number; p50: number; p95: number; p99: number; max: number };

export function summarize(values: readonly number[]): TimingSummary {
  return {
    samples: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(values.length ? Math.max(...values) : Number.NaN),
  };
}

export function round(n: number, digits = 2): number {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** a / b rounded, or null when either side is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return round(a / b, 3);
}

/**
 * How many 100-character padding units make the baseline page as large as the target, from two
 * probe sizes (the page's fixed overhead and its growth per unit). Clamped to the route's limit.
 */
export function paddingUnits(targetBytes: number, bytesAtZero: number, bytesAtTen: number, max = 5_000): number {
  const perUnit = (bytesAtTen - bytesAtZero) / 10;
  if (!(perUnit > 0)) return 0;
  return Math.max(0, Math.min(max, Math.round((targetBytes - bytesAtZero) / perUnit)));
}

/** Picks the cookie a `?audience=` response set to remember the choice: the one whose value is the audience. */
export function audienceCookieName(setCookies: readonly string[], audience: string): string | null {
  for (const header of setCookies) {
    const [pair] = header.split(";");
    const eq = pair.indexOf("=");
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = decodeURIComponent(pair.slice(eq + 1).trim());
    if (value === audience) return name;
  }
  return null;
}
