import { describe, expect, it } from "vitest";
import { addReviewerSchema, approveSchema, assignReviewersSchema, commentSchema, requestChangesSchema } from "@/lib/validations/workflow";

const HASH = "a".repeat(64);
const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
const errorsOf = (result: {
  success: boolean;
  error?: { flatten(): { fieldErrors: Record<string, string[] | undefined>; formErrors: string[] } };
}) => (result.success ? { fieldErrors: {}, formErrors: [] } : result.error!.flatten());

describe("workflow request validation", () => {
  it("rejects fields it doesn't know, so a forged field can't ride along", () => {
    expect(approveSchema.safeParse({ revisionId: 1, contentHash: HASH, password: "x", reviewerId: 7 }).success).toBe(false);
    expect(
      requestChangesSchema.safeParse({ revisionId: 1, contentHash: HASH, comment: "Fix it", password: "x", state: "approved" }).success,
    ).toBe(false);
  });

  it("requires a comment to request changes, and a password and the content hash to approve", () => {
    expect(
      errorsOf(requestChangesSchema.safeParse({ revisionId: 1, contentHash: HASH, comment: "   ", password: "" })).fieldErrors,
    ).toMatchObject({
      comment: ["Say what needs to change"],
      password: ["Enter your password to sign"],
    });
    expect(errorsOf(approveSchema.safeParse({ revisionId: 1, contentHash: HASH, password: "" })).fieldErrors).toMatchObject({
      password: ["Enter your password to sign"],
    });
    expect(approveSchema.safeParse({ revisionId: 1, contentHash: "abc", password: "x" }).success).toBe(false);
  });

  it("requires a due date from today on when reviewers are assigned, and none to restart with the same panel", () => {
    expect(assignReviewersSchema.safeParse({ revisionId: 1, reviewerIds: [3, 4], dueDate: nextYear }).success).toBe(true);
    expect(errorsOf(assignReviewersSchema.safeParse({ revisionId: 1, reviewerIds: [3] })).fieldErrors).toMatchObject({
      dueDate: ["Choose a due date"],
    });
    expect(assignReviewersSchema.safeParse({ revisionId: 1, reviewerIds: [] }).success).toBe(true);
    expect(assignReviewersSchema.safeParse({ revisionId: 1, reviewerIds: [3, 3], dueDate: nextYear }).success).toBe(false);
    expect(errorsOf(addReviewerSchema.safeParse({ revisionId: 1, reviewerId: 3, dueDate: "2001-01-01" })).fieldErrors).toMatchObject({
      dueDate: ["Choose a date from today on"],
    });
  });

  it("takes ids from form strings but refuses anything that isn't a positive whole number", () => {
    expect(commentSchema.safeParse({ revisionId: "12", body: "Looks right." }).success).toBe(true);
    expect(commentSchema.safeParse({ revisionId: "12; DROP TABLE", body: "x" }).success).toBe(false);
    expect(commentSchema.safeParse({ revisionId: -1, body: "x" }).success).toBe(false);
  });
});
