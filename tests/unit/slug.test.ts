import { describe, expect, it } from "vitest";
import { SLUG_PATTERN, slugify, uniqueSlug } from "@/lib/slug";

describe("slugify", () => {
  it("turns a question into lower-case words joined by hyphens, without filler words", () => {
    expect(slugify("What exercises help postpartum back pain at 3 months?")).toBe("exercises-help-postpartum-back-pain-at-3-months");
  });

  it("folds accents and drops apostrophes and punctuation", () => {
    expect(slugify("Is Ménière’s disease curable?")).toBe("menieres-disease-curable");
    expect(slugify("  C-section: recovery — week 1  ")).toBe("c-section-recovery-week-1");
  });

  it("keeps the filler words when little else is left", () => {
    expect(slugify("What is it?")).toBe("what-is-it");
  });

  it("stops at whole words within the length limit", () => {
    const slug = slugify("pregnancy ".repeat(30), 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug.split("-").every((w) => w === "pregnancy")).toBe(true);
  });

  it("falls back to 'article' for text with no letters or digits", () => {
    expect(slugify("???")).toBe("article");
    expect(slugify("")).toBe("article");
  });

  it("always produces a slug the validation accepts", () => {
    for (const text of ["Ça va?", "日本語の質問", "a--b", "x".repeat(200), "-lead and trail-", "100% safe?"]) {
      expect(slugify(text)).toMatch(SLUG_PATTERN);
    }
  });
});

describe("uniqueSlug", () => {
  it("keeps a free slug and numbers a taken one", () => {
    const taken = new Set(["back-pain", "back-pain-2"]);
    expect(uniqueSlug("neck-pain", (s) => taken.has(s))).toBe("neck-pain");
    expect(uniqueSlug("back-pain", (s) => taken.has(s))).toBe("back-pain-3");
  });
});
