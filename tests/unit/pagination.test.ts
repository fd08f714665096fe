import { describe, expect, it } from "vitest";
import { clampPage, pageCount, pageOffset } from "@/lib/pagination";

describe("pageCount", () => {
  it("has one page for an empty list and for a list that fills exactly one", () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(1, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
  });

  it("starts a new page one row past a full page", () => {
    expect(pageCount(26, 25)).toBe(2);
    expect(pageCount(50, 25)).toBe(2);
    expect(pageCount(51, 25)).toBe(3);
    expect(pageCount(1_201, 25)).toBe(49);
  });

  it("refuses a page size below one instead of dividing by it", () => {
    expect(() => pageCount(10, 0)).toThrow(RangeError);
    expect(() => pageCount(10, Number.NaN)).toThrow(RangeError);
  });
});

describe("clampPage", () => {
  it("keeps a page that exists", () => {
    expect(clampPage(1, 60, 25)).toBe(1);
    expect(clampPage(3, 60, 25)).toBe(3);
  });

  it("shows the last page for a page past the end", () => {
    expect(clampPage(4, 60, 25)).toBe(3);
    expect(clampPage(999, 60, 25)).toBe(3);
    expect(clampPage(2, 0, 25)).toBe(1);
  });

  it("shows the first page for zero, negative, fractional or non-numbers", () => {
    for (const raw of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(clampPage(raw, 60, 25)).toBe(1);
  });
});

describe("pageOffset", () => {
  it("skips the rows of the earlier pages", () => {
    expect(pageOffset(1, 25)).toBe(0);
    expect(pageOffset(3, 25)).toBe(50);
  });
});
