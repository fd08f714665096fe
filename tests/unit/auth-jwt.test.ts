import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth-jwt";

const secret = "unit-test-secret-0123456789abcdef0123456789";
const claims = { uid: 7, role: "editor" as const, sv: 3, email: "e@vetted.test", name: "E" };

describe("session token (next-auth's format, key derived once)", () => {
  it("next-auth decodes what we encode, and we decode what next-auth encodes", async () => {
    const ours = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    expect(await decode({ token: ours, secret })).toMatchObject(claims);
    const theirs = await encode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject(claims);
  });
  it("sets iat, exp from maxAge and a fresh jti", async () => {
    const a = (await decodeSessionToken({ token: await encodeSessionToken({ token: claims, secret, maxAge: 600 }), secret }))!;
    const b = (await decodeSessionToken({ token: await encodeSessionToken({ token: claims, secret, maxAge: 600 }), secret }))!;
    expect(Number(a.exp) - Number(a.iat)).toBe(600);
    expect(a.jti).not.toBe(b.jti);
  });
  it("refuses a token made with another secret or salt, a tampered one, and an expired one", async () => {
    const token = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    await expect(decodeSessionToken({ token, secret: `${secret}x` })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: "other" })).rejects.toThrow();
    const parts = token.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("A") ? "BB" : "AA");
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
    const expired = await encodeSessionToken({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
