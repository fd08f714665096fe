import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countUnsourcedStatements } from "@/lib/citations/statements";
import { renderWording } from "@/lib/markdown";
import { submissionChecklist, unsourcedDetail } from "@/lib/submission-checks";

/** Statements without a source (issue 22), counted on a fixture whose answer is known by hand. */
const FIXTURE = fs.readFileSync(path.join(import.meta.dirname, "../fixtures/statements/clinician.md"), "utf8");

// Statements: the opening paragraph, four list items (one nested), the block quote, the heat-wrap
// paragraph and two numbered items = 9. Not statements: the heading, the sentence ending in a colon
// that introduces the list, the table and the code block. Citing nothing: 5 of them.
const UNSOURCED = [
  "Unexplained weight loss suggests malignancy.",
  "Check for recent spinal procedures.",
  "Bed rest delays recovery.",
  "Advise heat wraps for short-term relief.",
  "Refer if not improving.",
];

const content = (clinicianBody: string) => ({ question: "Q?", clinicianBody, patientBody: "Plain words.", disclosure: "None." });
const context = { library: [], readabilityTarget: 8, guidelineMaxAgeYears: 5, currentYear: 2026 };

describe("statements without a source", () => {
  it("counts the fixture's statements and finds the ones that cite nothing", () => {
    expect(countUnsourcedStatements(FIXTURE)).toEqual({ total: 9, unsourced: UNSOURCED });
  });

  it("is a warning in the checklist by default, blocking when the setting says so", () => {
    const library = ["qaseem2017", "nice2016"].map((citekey) => ({ citekey, title: citekey, retracted: false }));
    const warned = submissionChecklist(content(FIXTURE), { ...context, library });
    const check = warned.checks.find((c) => c.id === "unsourced-statements")!;
    expect(check).toMatchObject({ severity: "warning", passed: false });
    expect(check.detail).toBe(
      "5 of 9 statements cite no reference: “Unexplained weight loss suggests malignancy.”, “Check for recent spinal procedures.”, “Bed rest delays recovery.” and 2 more. Cite a source for each, or say why none is needed.",
    );
    expect(warned.canSubmit).toBe(true);
    const blocked = submissionChecklist(content(FIXTURE), { ...context, library, unsourcedStatements: "block" });
    expect(blocked.checks.find((c) => c.id === "unsourced-statements")?.severity).toBe("blocking");
    expect(blocked.canSubmit).toBe(false);
    expect(submissionChecklist(content("All cited [@a]."), context).checks.find((c) => c.id === "unsourced-statements")?.passed).toBe(true);
  });

  it("words a single statement and a long one", () => {
    expect(unsourcedDetail(["Only one."], 1)).toMatch(/^1 of 1 statement cites no reference: “Only one.”\./);
    expect(unsourcedDetail(["x".repeat(200)], 3)).toContain("…”");
  });

  it("marks exactly those statements when asked, and never by default", () => {
    const marked = renderWording(FIXTURE, []).html;
    expect(marked).not.toContain("unsourced");
    const html = renderWording(FIXTURE, [], { markUnsourced: true }).html;
    expect(html.match(/<span class="unsourced">/g)).toHaveLength(UNSOURCED.length);
    expect(html).toContain('<p><span class="unsourced">Bed rest delays recovery.</span></p>');
    expect(html).toContain('<li><span class="unsourced">Refer if not improving.</span></li>');
    // Editors can't set the class themselves: raw HTML is dropped.
    expect(renderWording('<span class="unsourced">x</span>\n\ny', []).html).not.toContain("unsourced");
  });
});
