import { describe, expect, it } from "vitest";
import { submissionChecklist, type CheckedContent } from "@/lib/submission-checks";

const library = [
  {
    citekey: "mottola2018",
    title: "2019 Canadian guideline for physical activity throughout pregnancy",
    retracted: false,
    type: "guideline",
    year: 2022,
  },
  { citekey: "wakefield1998", title: "Ileal-lymphoid-nodular hyperplasia", retracted: true, type: "research", year: 1998 },
  { citekey: "acog2015", title: "Physical activity and exercise during pregnancy", retracted: false, type: "guideline", year: 2015 },
  { citekey: "bull2020", title: "WHO 2020 guidelines on physical activity", retracted: false, type: "guideline", year: 2021 },
  {
    citekey: "sprint2015",
    title: "A Randomized Trial of Intensive versus Standard Blood-Pressure Control",
    retracted: false,
    type: "research",
    year: 2015,
    noticeKind: "correction",
  },
];

const good: CheckedContent = {
  question: "How much exercise is safe in pregnancy?",
  clinicianBody: "Aim for 150 minutes a week of moderate activity [@mottola2018].",
  patientBody: "Try to be active for 30 minutes on most days [@mottola2018]. Walk. Swim.",
  disclosure: "The author reports no conflicts of interest.",
};

const check = (content: CheckedContent, target = 8, guidelineMaxAgeYears = 5) =>
  submissionChecklist(content, { library, readabilityTarget: target, guidelineMaxAgeYears, currentYear: 2026 });
const byId = (content: CheckedContent, id: string, target = 8) => check(content, target).checks.find((c) => c.id === id)!;

describe("submission checklist", () => {
  it("lets complete, correctly cited content through with no failures", () => {
    const result = check(good);
    expect(result.canSubmit).toBe(true);
    expect(result.checks.filter((c) => !c.passed)).toEqual([]);
  });

  it("blocks a missing question or wording and names what is missing", () => {
    const result = check({ ...good, question: "  ", patientBody: "" });
    expect(result.canSubmit).toBe(false);
    expect(byId({ ...good, question: "  ", patientBody: "" }, "content").detail).toBe("Missing: the question, the patient wording.");
  });

  it("blocks a missing disclosure", () => {
    expect(check({ ...good, disclosure: "\n" }).canSubmit).toBe(false);
    expect(byId({ ...good, disclosure: "" }, "disclosure").passed).toBe(false);
  });

  it("blocks a citekey that is not in the library", () => {
    const content = { ...good, clinicianBody: "Claim [@mottola2018; @nobody2020]." };
    expect(check(content).canSubmit).toBe(false);
    expect(byId(content, "unknown-citekeys").detail).toContain("@nobody2020");
  });

  it("blocks a retracted reference, by title", () => {
    const content = { ...good, patientBody: "Vaccines [@wakefield1998]." };
    expect(check(content).canSubmit).toBe(false);
    expect(byId(content, "retracted").detail).toContain("Ileal-lymphoid-nodular hyperplasia");
  });

  it("ignores a marker inside code, exactly as the renderer does", () => {
    const content = { ...good, clinicianBody: "Use `[@nobody2020]` to cite [@mottola2018]." };
    expect(byId(content, "unknown-citekeys").passed).toBe(true);
  });

  it("warns, without blocking, about a guideline older than the age limit, naming it with its year", () => {
    const content = {
      ...good,
      clinicianBody: "Old advice [@acog2015; @bull2020; @mottola2018].",
      patientBody: "Old advice [@acog2015; @bull2020; @mottola2018].",
    };
    const result = check(content);
    expect(result.canSubmit).toBe(true);
    const warning = result.checks.find((c) => c.id === "guideline-age")!;
    expect(warning).toMatchObject({ severity: "warning", passed: false, label: "Cited guidelines are at most 5 years old" });
    // 2021 is five years before 2026: not older than the limit. Research papers are never "stale" guidelines.
    expect(warning.detail).toBe("Older than 5 years: “Physical activity and exercise during pregnancy (2015)”. Check for a newer version.");
    expect(check(content, 8, 12).checks.find((c) => c.id === "guideline-age")!.passed).toBe(true);
    expect(check({ ...good, clinicianBody: "[@sprint2015] [@mottola2018]" }).checks.find((c) => c.id === "guideline-age")!.passed).toBe(
      true,
    );
  });

  it("warns about a cited reference with a correction or expression of concern", () => {
    const content = { ...good, clinicianBody: "Lower targets [@sprint2015; @mottola2018]." };
    const result = check(content);
    expect(result.canSubmit).toBe(true);
    expect(result.checks.find((c) => c.id === "notices")).toMatchObject({ severity: "warning", passed: false });
  });

  it("only warns about a reference cited in one wording", () => {
    const content = { ...good, patientBody: "Be active most days. Walk. Swim." };
    const result = check(content);
    expect(result.canSubmit).toBe(true);
    const warning = byId(content, "one-wording-references");
    expect(warning).toMatchObject({ severity: "warning", passed: false });
    expect(warning.detail).toBe("Cited only for clinicians: “@mottola2018”.");
  });

  it("only warns when the patient wording is above the readability target", () => {
    const hard =
      "Physiological cardiovascular adaptations accompanying gestation necessitate individualised consideration of contraindications, particularly haemodynamically significant cardiovascular disease, before commencing moderate-intensity aerobic conditioning [@mottola2018].";
    const content = { ...good, patientBody: hard };
    const result = check(content);
    expect(result.canSubmit).toBe(true);
    expect(result.patientGrade).toBeGreaterThan(8);
    expect(byId(content, "readability")).toMatchObject({ severity: "warning", passed: false });
    expect(byId(content, "readability", result.patientGrade! + 0.1).passed).toBe(true);
  });
});
