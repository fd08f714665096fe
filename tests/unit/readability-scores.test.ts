import { describe, expect, test } from "vitest";
import {
  analyzePlainText,
  analyzeReadability,
  fleschKincaidGrade,
  fleschReadingEase,
  smogGrade,
  splitSentences,
  syllablesOf,
  wordsOf,
} from "@/lib/readability";

describe("published formulas", () => {
  test("Flesch-Kincaid grade and Reading Ease from counts, by hand", () => {
    // 120 words, 8 sentences, 180 syllables: 15 words/sentence, 1.5 syllables/word.
    const counts = { words: 120, sentences: 8, syllables: 180, polysyllables: 0 };
    expect(fleschKincaidGrade(counts)).toBeCloseTo(0.39 * 15 + 11.8 * 1.5 - 15.59, 10); // 7.96
    expect(fleschKincaidGrade(counts)).toBeCloseTo(7.96, 1);
    expect(fleschReadingEase(counts)).toBeCloseTo(206.835 - 1.015 * 15 - 84.6 * 1.5, 10); // 64.71
    expect(fleschReadingEase(counts)).toBeCloseTo(64.71, 1);
  });

  test("SMOG from counts, by hand: 30 sentences with 16 polysyllables", () => {
    // 1.043 × √16 + 3.1291 = 7.3011; a 10-sentence sample is scaled to 30 sentences.
    expect(smogGrade({ words: 300, sentences: 30, syllables: 400, polysyllables: 16 })).toBeCloseTo(7.3, 1);
    expect(smogGrade({ words: 100, sentences: 10, syllables: 140, polysyllables: 12 })).toBeCloseTo(1.043 * 6 + 3.1291, 10);
  });

  test("a published example: 'The cat sat on the mat.' has a Reading Ease of 116 (Flesch)", () => {
    const result = analyzePlainText("The cat sat on the mat.");
    expect(result).toMatchObject({ words: 6, sentences: 1, syllables: 6 });
    expect(result.fleschReadingEase).toBeCloseTo(116.1, 1);
    expect(result.fleschKincaidGrade).toBeCloseTo(0.39 * 6 + 11.8 * 1 - 15.59, 10); // -1.45
  });

  test("a published example: the platypus sentence has a Flesch-Kincaid grade of 13.1 (Kincaid et al. via Wikipedia)", () => {
    const result = analyzePlainText("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.");
    // The(1) Aus-tra-li-an(4) plat-y-pus(3) is(1) seem-ing-ly(3) a(1) hy-brid(2) of(1) a(1) mam-mal(2) and(1) rep-til-i-an(4) crea-ture(2)
    expect(result).toMatchObject({ words: 13, sentences: 1, syllables: 26, polysyllables: 4 });
    expect(result.fleschKincaidGrade).toBeCloseTo(13.1, 1);
    expect(result.fleschReadingEase).toBeCloseTo(206.835 - 1.015 * 13 - 84.6 * 2, 10);
  });
});

describe("counting", () => {
  test("sentences end at . ! ? but not after common abbreviations, initials or inside decimals", () => {
    expect(
      splitSentences("Walk daily, e.g. after lunch. Dr. Mottola agrees! Is 1.95 cm normal? Michelle F. Mottola et al. found it was."),
    ).toEqual(["Walk daily, e.g. after lunch.", "Dr. Mottola agrees!", "Is 1.95 cm normal?", "Michelle F. Mottola et al. found it was."]);
  });

  test("a blank line ends a sentence even without punctuation (headings, bullets)", () => {
    expect(splitSentences("Aerobic exercise\n\nWalk daily\n\nRest.")).toEqual(["Aerobic exercise", "Walk daily", "Rest."]);
  });

  test("words keep hyphens, apostrophes and decimals together; numerals count one syllable", () => {
    expect(wordsOf("Moderate-intensity walking isn't 1.95 cm or 3,000 steps.")).toEqual([
      "Moderate-intensity",
      "walking",
      "isn't",
      "1.95",
      "cm",
      "or",
      "3",
      "000",
      "steps",
    ]);
    expect(syllablesOf("3000")).toBe(1);
    expect(syllablesOf("abdominal")).toBe(4);
  });

  test("the longest sentences, longest first, ties in text order, at most three", () => {
    const result = analyzePlainText("One two three. One two. One two three four five. One. Six seven eight.");
    expect(result.longestSentences).toEqual([
      { text: "One two three four five.", words: 5 },
      { text: "One two three.", words: 3 },
      { text: "Six seven eight.", words: 3 },
    ]);
  });

  test("an empty text has counts of zero and no scores", () => {
    expect(analyzePlainText("   ")).toEqual({
      words: 0,
      sentences: 0,
      syllables: 0,
      polysyllables: 0,
      fleschKincaidGrade: null,
      fleschReadingEase: null,
      smogGrade: null,
      longestSentences: [],
    });
  });
});

describe("analyzeReadability (Markdown)", () => {
  test("ignores Markdown syntax and citation markers", () => {
    const markdown = "## Walking\n\nThe **cat** sat on [the mat](https://example.org) [@mottola2018; @who2020].";
    const plain = "Walking\n\nThe cat sat on the mat.";
    expect(analyzeReadability(markdown)).toEqual(analyzePlainText(plain));
    expect(analyzeReadability(markdown)).toMatchObject({ words: 7, sentences: 2, syllables: 8 });
  });

  test("a patient wording reads at a lower grade than its clinician wording", () => {
    const patient = "Walk every day. Start slow. Add a few more steps each week. Stop if it hurts [@mottola2018].";
    const clinician =
      "Initiate a graduated aerobic programme of moderate-intensity activity, progressing toward 150 minutes weekly, " +
      "combined with abdominal strengthening targeting the transversus abdominis [@mottola2018; @thabet2019].";
    expect(analyzeReadability(patient).fleschKincaidGrade!).toBeLessThan(4);
    expect(analyzeReadability(clinician).fleschKincaidGrade!).toBeGreaterThan(16);
  });
});
