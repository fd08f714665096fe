import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, siteSettingsSchema } from "@/lib/validations/settings";

const errorsFor = (patch: Record<string, unknown>) => {
  const r = siteSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...patch });
  return r.success ? {} : r.error.flatten().fieldErrors;
};

describe("site settings validation", () => {
  it("accepts the defaults", () => {
    expect(siteSettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });

  it("coerces numbers typed into the form", () => {
    const r = siteSettingsSchema.parse({
      ...DEFAULT_SETTINGS,
      requiredApprovals: "3",
      reviewIntervalMonths: "6",
      readabilityTarget: "7.5",
    });
    expect(r).toMatchObject({ requiredApprovals: 3, reviewIntervalMonths: 6, readabilityTarget: 7.5 });
  });

  it("keeps requiredApprovals between 1 and 5 whole approvals", () => {
    expect(errorsFor({ requiredApprovals: 0 }).requiredApprovals).toEqual(["At least 1 approval"]);
    expect(errorsFor({ requiredApprovals: 6 }).requiredApprovals).toEqual(["At most 5 approvals"]);
    expect(errorsFor({ requiredApprovals: 2.5 }).requiredApprovals).toEqual(["Enter a whole number"]);
    expect(errorsFor({ requiredApprovals: "two" }).requiredApprovals).toEqual(["Enter a number"]);
    expect(errorsFor({ requiredApprovals: 1 })).toEqual({});
    expect(errorsFor({ requiredApprovals: 5 })).toEqual({});
  });

  it("bounds the review interval and readability target", () => {
    expect(errorsFor({ reviewIntervalMonths: 0 }).reviewIntervalMonths).toEqual(["At least 1 month"]);
    expect(errorsFor({ reviewIntervalMonths: 61 }).reviewIntervalMonths).toEqual(["At most 60 months"]);
    expect(errorsFor({ readabilityTarget: 2 }).readabilityTarget).toEqual(["Grade 3 or above"]);
    expect(errorsFor({ readabilityTarget: 17 }).readabilityTarget).toEqual(["Grade 16 or below"]);
  });

  it("allows only the two publish policies and audiences", () => {
    expect(errorsFor({ publishPolicy: "on-submit" })).toEqual({});
    expect(errorsFor({ publishPolicy: "approved-only" })).toEqual({});
    expect(errorsFor({ publishPolicy: "always" }).publishPolicy).toEqual(["Choose a publish policy"]);
    expect(errorsFor({ defaultAudience: "everyone" }).defaultAudience).toEqual(["Choose an audience"]);
  });

  it("needs non-blank texts and trims them", () => {
    expect(errorsFor({ siteName: "   " }).siteName).toEqual(["Enter a site name"]);
    expect(errorsFor({ patientDisclaimer: "" }).patientDisclaimer).toEqual(["Enter the patient disclaimer"]);
    expect(errorsFor({ clinicianDisclaimer: " \n " }).clinicianDisclaimer).toEqual(["Enter the clinician disclaimer"]);
    expect(errorsFor({ editorialPolicy: "" }).editorialPolicy).toEqual(["Enter the editorial policy"]);
    expect(errorsFor({ siteName: "x".repeat(81) }).siteName).toEqual(["Use at most 80 characters"]);
    expect(siteSettingsSchema.parse({ ...DEFAULT_SETTINGS, siteName: "  Vetted  " }).siteName).toBe("Vetted");
  });

  it("rejects unknown settings and missing ones", () => {
    expect(siteSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, isAdmin: true }).success).toBe(false);
    const { siteName: _omit, ...missing } = DEFAULT_SETTINGS;
    expect(siteSettingsSchema.safeParse(missing).success).toBe(false);
  });
});
