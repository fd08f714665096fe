import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { audienceCookieName, paddingUnits, percentile, ratio, summarize } from "../../scripts/bench/stats";
import { writeBenchmarksMarkdown } from "../../scripts/bench/report";

describe("bench statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([1, 2, 3, 4])).toMatchObject({ samples: 4, p50: 2, max: 4 });
  });

  it("gives ratios only when both sides were measured", () => {
    expect(ratio(1500, 2000)).toBe(0.75);
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(null, 5)).toBeNull();
  });

  it("sizes the static baseline page to the article's bytes", () => {
    // 8,000 bytes of fixed overhead, 210 bytes per unit (text plus its RSC copy).
    expect(paddingUnits(29_000, 8_000, 10_100)).toBe(100);
    expect(paddingUnits(1_000, 8_000, 10_100)).toBe(0);
    expect(paddingUnits(10_000_000, 8_000, 10_100)).toBe(5_000);
  });

  it("finds the cookie that remembers the audience", () => {
    const headers = ["theme=light; Path=/", "vetted_audience=patient; Path=/; Max-Age=31536000; SameSite=Lax"];
    expect(audienceCookieName(headers, "patient")).toBe("vetted_audience");
    expect(audienceCookieName(headers, "clinician")).toBeNull();
  });
});

describe("BENCHMARKS.md writer", () => {
  it("replaces only the generated part and keeps the hand-written notes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetted-bench-"));
    const file = path.join(dir, "BENCHMARKS.md");
    fs.writeFileSync(
      file,
      "# Benchmarks\n\nHand-written intro.\n\n<!-- GENERATED:START (npm run bench / npm run lighthouse rewrite this part) -->\nold\n<!-- GENERATED:END -->\n\n## Notes\nkept\n",
    );
    const result = {
      generatedAt: "2026-12-01T00:00:00.000Z",
      seconds: 3,
      machine: {
        cpuModel: "Test CPU",
        cpus: 2,
        threadsPerCore: "1",
        memoryGiB: 4,
        os: "Linux",
        node: "v20",
        loadAverageAtStart: [0.1, 0.2, 0.3],
        note: "shared",
      },
      settings: { durationS: 1, warmupS: 0, connections: 2, loadGenerator: "autocannon" },
      database: { label: "demo", source: "demo", articles: 8 },
      cases: [
        {
          name: "article, cookie clinician",
          group: "article",
          path: "/a",
          bytes: 100,
          result: { rps: 900, p50: 2, p99: 9, non2xx: 0, errors: 0 },
        },
        { name: "baseline A", group: "baselineA", path: "/b", bytes: 100, result: { rps: 1000, p50: 2, p99: 8, non2xx: 0, errors: 0 } },
      ],
      ratios: {
        basis: "article, cookie clinician",
        articleOverA: 0.9,
        articleOverB: null,
        perCase: { "article, cookie clinician": { overA: 0.9, overB: null } },
      },
      approval: { available: false, reason: "no approve action" },
      autosave: { available: true, editors: 10, saves: 50, failed: 0, sqliteBusy: 0, p50: 10, p95: 20, p99: 30, max: 31 },
      serverMemoryMiB: { idle: 100, afterLoad: 150, peakDuringCases: 160 },
      staffHttp: { "/dashboard (editor)": { samples: 3, p50: 12, p95: 15, p99: 15, max: 15 } },
    };
    fs.writeFileSync(path.join(dir, "results-demo.json"), JSON.stringify(result));
    writeBenchmarksMarkdown(file, dir);
    const text = fs.readFileSync(file, "utf8");
    expect(text).toContain("Hand-written intro.");
    expect(text).toContain("## Notes\nkept");
    expect(text).not.toContain("\nold\n");
    expect(text).toContain("| article page ≥ 1.0× baseline A, cookie set | 0.9× | **missed** |");
    expect(text).toContain("| autosave p99 ≤ 100 ms, 10 editors, 0 SQLITE_BUSY | 30 ms, busy 0 | **met** |");
    expect(text).toContain("not available — no approve action");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
