import { describe, expect, it } from "vitest";
import { newArticleSchema, previewSchema, saveRevisionSchema } from "@/lib/validations/revision";

const valid = {
  articleId: 1,
  revisionId: 2,
  version: 3,
  question: "What helps back pain after birth?",
  slug: "back-pain-after-birth",
  topic: "Obstetrics",
  clinicianBody: "Text [@bull2020]",
  patientBody: "  Plain text, kept exactly  ",
  disclosure: "",
};

describe("revision validation", () => {
  it("accepts the editor's fields and keeps the wordings exactly as typed", () => {
    const parsed = saveRevisionSchema.parse(valid);
    expect(parsed.patientBody).toBe("  Plain text, kept exactly  ");
  });

  it("refuses fields the form does not have", () => {
    const result = saveRevisionSchema.safeParse({ ...valid, state: "approved" });
    expect(result.success).toBe(false);
    expect(newArticleSchema.safeParse({ question: "Q?", topic: "", authorId: 1 }).success).toBe(false);
    expect(previewSchema.safeParse({ clinicianBody: "", patientBody: "", html: "<script>" }).success).toBe(false);
  });

  it("refuses a slug that is not lower-case words and single hyphens", () => {
    for (const slug of ["Back-Pain", "back--pain", "-back", "back pain", "", "back/pain"]) {
      const result = saveRevisionSchema.safeParse({ ...valid, slug });
      expect(result.success, slug).toBe(false);
      if (!result.success) expect(result.error.flatten().fieldErrors.slug?.[0]).toBeTruthy();
    }
  });

  it("needs whole positive ids and version", () => {
    expect(saveRevisionSchema.safeParse({ ...valid, version: 0 }).success).toBe(false);
    expect(saveRevisionSchema.safeParse({ ...valid, revisionId: "2" }).success).toBe(false);
    expect(saveRevisionSchema.safeParse({ ...valid, articleId: 1.5 }).success).toBe(false);
  });

  it("a new article needs its question", () => {
    const result = newArticleSchema.safeParse({ question: "   ", topic: "" });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.flatten().fieldErrors.question?.[0]).toMatch(/question/i);
  });

  it("limits lengths with messages that say the limit", () => {
    const result = saveRevisionSchema.safeParse({ ...valid, question: "x".repeat(301) });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.flatten().fieldErrors.question?.[0]).toMatch(/300/);
  });
});
