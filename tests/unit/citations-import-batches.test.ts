import { describe, expect, it } from "vitest";
import { batchesOf, importSourceProblem } from "@/lib/citations/import-batches";
import { MAX_IMPORT_BYTES } from "@/lib/citations/import-formats";
import { IMPORT_BATCH_SIZE } from "@/lib/validations/reference";

describe("what the import page sends", () => {
  it("needs pasted text or a file, and a file of at most 5 MB", () => {
    expect(importSourceProblem(null, "  \n ")).toBe("Paste some references or choose a file first.");
    expect(importSourceProblem(null, "@article{a, title={A}}")).toBeNull();
    expect(importSourceProblem({ name: "refs.bib", size: MAX_IMPORT_BYTES }, "")).toBeNull();
    expect(importSourceProblem({ name: "big.ris", size: 6 * 1024 * 1024 }, "")).toBe(
      "big.ris is 6.0 MB; imports are limited to 5 MB. Split it into smaller files.",
    );
  });

  it("cuts the chosen references into batches by count, in order", () => {
    const items = Array.from({ length: IMPORT_BATCH_SIZE * 2 + 1 }, (_, i) => ({ i }));
    const batches = batchesOf(items);
    expect(batches.map((b) => b.length)).toEqual([IMPORT_BATCH_SIZE, IMPORT_BATCH_SIZE, 1]);
    expect(batches.flat()).toEqual(items);
    expect(batchesOf([])).toEqual([]);
  });

  it("starts a new batch before one would exceed the byte limit, but never leaves an item out", () => {
    const item = (n: number) => ({ t: "x".repeat(n) }); // JSON length n + 8
    expect(batchesOf([item(12), item(12), item(12)], { size: 10, bytes: 40 }).map((b) => b.length)).toEqual([2, 1]);
    // A single item larger than the limit still goes, alone.
    expect(batchesOf([item(100), item(1)], { size: 10, bytes: 40 }).map((b) => b.length)).toEqual([1, 1]);
  });
});
