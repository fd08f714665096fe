import { describe, expect, it } from "vitest";
import { isReviewOverdue, reviewDueDate } from "@/lib/workflow";

describe("review-due date", () => {
  it("is the same day and time reviewIntervalMonths later", () => {
    expect(reviewDueDate("2026-03-15T10:20:30.000Z", 12)).toBe("2027-03-15T10:20:30.000Z");
    expect(reviewDueDate("2026-11-30T00:00:00.000Z", 3)).toBe("2027-02-28T00:00:00.000Z");
  });

  it("clamps to the last day of a shorter month instead of spilling into the next", () => {
    expect(reviewDueDate("2026-01-31T12:00:00.000Z", 1)).toBe("2026-02-28T12:00:00.000Z");
    expect(reviewDueDate("2027-01-31T12:00:00.000Z", 13)).toBe("2028-02-29T12:00:00.000Z");
  });

  it("is overdue only once the date has passed", () => {
    expect(isReviewOverdue("2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z")).toBe(true);
    expect(isReviewOverdue("2026-01-03T00:00:00.000Z", "2026-01-02T00:00:00.000Z")).toBe(false);
    expect(isReviewOverdue(null, "2026-01-02T00:00:00.000Z")).toBe(false);
  });
});
