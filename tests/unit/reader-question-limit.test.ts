import { describe, expect, it } from "vitest";
import { takeQuestionSlot } from "@/lib/reader/question-limit";
import { followUpQuestionSchema } from "@/lib/validations/follow-up-question";

describe("takeQuestionSlot", () => {
  const now = new Date("2026-01-01T10:00:00Z");
  it("counts questions within the window and refuses the one over the limit", () => {
    let bucket = takeQuestionSlot(null, now, 2);
    expect(bucket).toEqual({ windowStart: now.toISOString(), count: 1 });
    bucket = takeQuestionSlot(bucket, new Date(now.getTime() + 1000), 2);
    expect(bucket?.count).toBe(2);
    expect(takeQuestionSlot(bucket, new Date(now.getTime() + 2000), 2)).toBeNull();
  });
  it("opens a new window once the old one has passed", () => {
    const full = { windowStart: now.toISOString(), count: 5 };
    expect(takeQuestionSlot(full, new Date(now.getTime() + 60 * 60_000), 5)).toEqual({
      windowStart: new Date(now.getTime() + 60 * 60_000).toISOString(),
      count: 1,
    });
  });
});

describe("followUpQuestionSchema", () => {
  const base = { slug: "a", question: "Can I run while breastfeeding?", email: "", website: "" };
  it("accepts a question with or without an email", () => {
    expect(followUpQuestionSchema.parse(base).email).toBeNull();
    expect(followUpQuestionSchema.parse({ ...base, email: "Me@Example.org" }).email).toBe("me@example.org");
  });
  it("rejects too long questions, bad emails and unknown fields", () => {
    expect(followUpQuestionSchema.safeParse({ ...base, question: "x".repeat(1001) }).success).toBe(false);
    expect(followUpQuestionSchema.safeParse({ ...base, question: "short" }).success).toBe(false);
    expect(followUpQuestionSchema.safeParse({ ...base, email: "not-an-email" }).success).toBe(false);
    expect(followUpQuestionSchema.safeParse({ ...base, articleId: 5 }).success).toBe(false);
  });
});
