import { test } from "vitest";
import { exportReferences } from "@/lib/citations/export";
test("x", () => {
  console.log(exportReferences([{ citekey: "sperstad2016", type: "research", title: "Diastasis recti abdominis during pregnancy and 12 months after childbirth: prevalence, risk factors and report of lumbopelvic pain", authors: [{family: "Bø", given: "Kari"}], source: "British Journal of Sports Medicine", sourceAbbrev: "Br J Sports Med", year: 2016, pmid: "27324871", doi: "10.1136/x" },
  { citekey: "nhs2023", type: "other", title: "Exercise in pregnancy", authors: [{literal: "NHS"}], source: "NHS website", year: 2023, url: "https://www.nhs.uk/x", accessedAt: "2025-12-01" }], "ris"));
});
