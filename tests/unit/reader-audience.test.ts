import { describe, expect, it } from "vitest";
import { audienceCookieOptions, chooseAudience, resolveVariant } from "@/lib/reader/audience";
import { isHttpsSite } from "@/lib/security/https-site";

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

describe("audienceCookieOptions", () => {
  it("is HttpOnly and SameSite=Lax, kept a year, and Secure only on an https site", () => {
    expect(audienceCookieOptions(false)).toEqual({ path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true, secure: false });
    expect(audienceCookieOptions(true).secure).toBe(true);
    expect(isHttpsSite("https://vetted.example")).toBe(true);
    expect(isHttpsSite("http://127.0.0.1:3000")).toBe(false);
    expect(isHttpsSite(undefined)).toBe(false);
  });
});
