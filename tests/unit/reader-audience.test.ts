import { describe, expect, it } from "vitest";
import { chooseAudience, resolveVariant } from "@/lib/reader/audience";

describe("chooseAudience", () => {
  it("lets ?audience= win over the cookie and remembers it", () => {
    expect(chooseAudience("clinician", "patient")).toEqual({ variant: "clinician", remember: "clinician" });
  });
  it("does not rewrite a cookie that already holds the choice", () => {
    expect(chooseAudience("patient", "patient")).toEqual({ variant: "patient", remember: null });
  });
  it("falls back to the cookie, then to the site default", () => {
    expect(chooseAudience(null, "clinician")).toEqual({ variant: "clinician", remember: null });
    expect(chooseAudience(null, undefined)).toEqual({ variant: "default", remember: null });
  });
  it("ignores unknown values in the query and the cookie", () => {
    expect(chooseAudience("doctor", "nurse")).toEqual({ variant: "default", remember: null });
    expect(chooseAudience("../admin", "patient")).toEqual({ variant: "patient", remember: null });
    expect(chooseAudience("default", null)).toEqual({ variant: "default", remember: null });
  });
  it("resolves the default variant to the site's default audience", () => {
    expect(resolveVariant("default", "clinician")).toBe("clinician");
    expect(resolveVariant("patient", "clinician")).toBe("patient");
  });
});
