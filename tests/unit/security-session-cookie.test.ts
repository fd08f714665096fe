import { afterEach, describe, expect, it, vi } from "vitest";

/** The session cookie's flags follow the public URL: Secure exactly when the site is served over https. */
async function optionsFor(url: string) {
  vi.resetModules();
  process.env.NEXTAUTH_URL = url;
  process.env.NEXTAUTH_SECRET = "unit-test-secret-unit-test-secret-000";
  return (await import("@/lib/auth")).authOptions;
}

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
});

describe("the session cookie", () => {
  it("is Secure (and __Secure- prefixed by next-auth) in production over https", async () => {
    expect((await optionsFor("https://vetted.example")).useSecureCookies).toBe(true);
  });

  it("is not Secure on plain http, so local runs can sign in", async () => {
    expect((await optionsFor("http://127.0.0.1:3000")).useSecureCookies).toBe(false);
  });

  it("uses JWT sessions that end within a working day", async () => {
    const options = await optionsFor("https://vetted.example");
    expect(options.session?.strategy).toBe("jwt");
    expect(options.session?.maxAge).toBeLessThanOrEqual(8 * 60 * 60);
    // next-auth's defaults for the session cookie are HttpOnly and SameSite=Lax; nothing overrides them.
    expect(options.cookies).toBeUndefined();
  });
});
