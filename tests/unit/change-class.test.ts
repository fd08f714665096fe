import { describe, expect, test } from "vitest";
import { verifyMinorChange, type ClassedContent } from "@/lib/change-class";

const live: ClassedContent = {
  question: "Is walking safe after a caesarean birth?",
  clinicianBody: "Begin with walking [@mottola2018], aiming for 150 minutes a week. Avoid heavy lifting for six weeks.",
  patientBody: "Gentle walks help you recover [@mottola2018]. Build up slowly.",
  disclosure: "None.",
};
const reasonOf = (verdict: ReturnType<typeof verifyMinorChange>) => (verdict.ok ? null : verdict.reason);
const verify = (next: Partial<ClassedContent>, maxChangedWords = 10, citedReferencesChanged = false) =>
  verifyMinorChange(live, { ...live, ...next }, { maxChangedWords, citedReferencesChanged });

describe("verifyMinorChange", () => {
  test("a one-word typo fix is minor, one changed word", () => {
    const typo = { ...live, patientBody: "Gentle walsk help you recover [@mottola2018]. Build up slowly." };
    expect(verifyMinorChange(typo, live, { maxChangedWords: 10 })).toEqual({ ok: true, changedWords: 1 });
  });

  test("no change at all is minor, and so is a formatting-only change", () => {
    expect(verify({})).toEqual({ ok: true, changedWords: 0 });
    expect(verify({ patientBody: "**Gentle** walks help you recover [@mottola2018]. Build up slowly." })).toEqual({
      ok: true,
      changedWords: 0,
    });
  });

  test("a changed number is refused with both values", () => {
    const verdict = verify({ clinicianBody: live.clinicianBody.replace("150", "120") });
    expect(verdict).toEqual({ ok: false, reason: "changes a number: 150 → 120 (in the clinician wording)" });
  });

  test("an added, removed or spelled-out number is refused", () => {
    expect(reasonOf(verify({ patientBody: "Gentle walks help you recover [@mottola2018]. Build up slowly over 2 weeks." }))).toMatch(
      /^adds a number: 2 /,
    );
    expect(verify({ clinicianBody: live.clinicianBody.replace("six", "eight") })).toMatchObject({
      ok: false,
      reason: "changes a number: six → eight (in the clinician wording)",
    });
    expect(reasonOf(verify({ clinicianBody: live.clinicianBody.replace(" 150 minutes a week", " regularly") }))).toMatch(
      /^removes a number: 150/,
    );
  });

  test("a changed, added or removed citation marker is refused", () => {
    expect(verify({ patientBody: live.patientBody.replace("mottola2018", "who2020") })).toEqual({
      ok: false,
      reason: "changes a citation: [@mottola2018] → [@who2020] (in the patient wording)",
    });
    expect(verify({ patientBody: "Gentle walks help you recover. Build up slowly." })).toMatchObject({
      reason: "removes a citation: [@mottola2018] (in the patient wording)",
    });
    expect(verify({ question: "Is walking safe after a caesarean birth? [@who2020]" })).toMatchObject({
      reason: "adds a citation: [@who2020] (in the question)",
    });
  });

  test("a cited reference whose data changed, or a changed disclosure, is refused", () => {
    expect(reasonOf(verify({}, 10, true))).toContain("cited reference");
    expect(verify({ disclosure: "Consulting fees from Acme." })).toEqual({ ok: false, reason: "changes the disclosure" });
  });

  test("changed words add up across the question and both wordings, against the limit", () => {
    const next = {
      question: "Is walking safe after a caesarean section?",
      clinicianBody: live.clinicianBody.replace("Avoid heavy lifting", "Avoid heavy lifting and straining"),
      patientBody: live.patientBody.replace("Build up slowly", "Build up slowly and rest when tired"),
    };
    // birth→section (1) + "and straining" (2) + "and rest when tired" (4)
    expect(verify(next)).toEqual({ ok: true, changedWords: 7 });
    expect(verify(next, 6)).toEqual({ ok: false, reason: "changes 7 words; a minor change may change at most 6" });
  });

  test("line endings alone change nothing", () => {
    expect(verify({ clinicianBody: live.clinicianBody.replace(". ", ".\r\n") })).toMatchObject({ ok: true });
  });
});
