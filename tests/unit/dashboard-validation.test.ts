import { describe, expect, it } from "vitest";
import { parseDashboardQuery } from "@/lib/validations/dashboard";

describe("dashboard query string", () => {
  it("reads a whole page number", () => {
    expect(parseDashboardQuery({ page: "3" })).toEqual({ page: 3 });
    expect(parseDashboardQuery({ page: "999" })).toEqual({ page: 999 });
  });

  it("shows page 1 when there is no page or it is not a whole number of at least 1", () => {
    for (const page of [undefined, "", "abc", "0", "-2", "2.5", "NaN", "Infinity"])
      expect(parseDashboardQuery({ page })).toEqual({ page: 1 });
  });

  it("takes the first of repeated page parameters", () => {
    expect(parseDashboardQuery({ page: ["2", "5"] })).toEqual({ page: 2 });
  });

  it("ignores other parameters", () => {
    expect(parseDashboardQuery({ page: "2", sort: "x" })).toEqual({ page: 2 });
  });
});
