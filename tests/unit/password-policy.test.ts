import { describe, expect, it } from "vitest";
import { commonPasswords, passwordProblem, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/password-policy";
import { changePasswordSchema } from "@/lib/validations/account";

describe("the password policy", () => {
  it("ships a list of at least 1,000 common passwords", () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(1000);
    expect(commonPasswords().has("password")).toBe(true);
  });

  it("needs 12 to 128 characters, counted as characters not bytes", () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(PASSWORD_MAX).toBe(128);
    expect(passwordProblem("Tz8#kq2Lm9w")).toMatch(/at least 12/);
    expect(passwordProblem("Tz8#kq2Lm9wX")).toBeNull();
    expect(passwordProblem("x".repeat(64) + "Tz8#kq2Lm9wX".repeat(6))).toMatch(/at most 128/);
    // Eleven emoji are 22 UTF-16 units but still only 11 characters.
    expect(passwordProblem("🩺🫀🧬💊🩻🦴🧠🫁🩸🦷👁")).toMatch(/at least 12/);
    expect(passwordProblem("🩺🫀🧬💊🩻🦴🧠🫁🩸🦷👁🧪")).toBeNull();
  });

  it("refuses common passwords of allowed length, in any letter case", () => {
    for (const p of ["qwerty123456", "1qaz2wsx3edc", "LeaveMeAlone", "123qweasdzxc", "SonyEricsson"])
      expect(passwordProblem(p), p).toMatch(/most common passwords/);
    expect(passwordProblem("Qwerty123456")).toMatch(/most common passwords/);
  });

  it("refuses a common password with digits or symbols tacked on", () => {
    expect(passwordProblem("password1234")).toMatch(/common password/);
    expect(passwordProblem("dragon!!!!!!")).toMatch(/common password/);
    expect(passwordProblem("Sunshine2026!")).toMatch(/common password/);
  });

  it("refuses a short pattern repeated", () => {
    expect(passwordProblem("abcabcabcabc")).toMatch(/repeated/);
    expect(passwordProblem("zzzzzzzzzzzzzz")).toMatch(/repeated|common/);
  });

  it("refuses the user's own email or name", () => {
    expect(passwordProblem("mlindqvist-2026!", { email: "mlindqvist@vetted.test" })).toMatch(/email/);
    expect(passwordProblem("Maria Lindqvist rocks", { name: "Maria Lindqvist" })).toMatch(/name/);
  });

  it("accepts a passphrase", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("lumbar-pelvic-girdle-2026")).toBeNull();
  });
});

describe("the password change form schema", () => {
  const valid = {
    currentPassword: "old-password-value",
    newPassword: "lumbar-pelvic-girdle-2026",
    confirmPassword: "lumbar-pelvic-girdle-2026",
  };

  it("accepts a matching new password", () => {
    expect(changePasswordSchema.safeParse(valid).success).toBe(true);
  });

  it("says which field is wrong", () => {
    const errors = (input: unknown) => {
      const r = changePasswordSchema.safeParse(input);
      return r.success ? {} : r.error.flatten().fieldErrors;
    };
    expect(errors({ ...valid, confirmPassword: "something else entirely" }).confirmPassword?.[0]).toMatch(/don't match/);
    expect(errors({ ...valid, newPassword: "short", confirmPassword: "short" }).newPassword?.[0]).toMatch(/at least 12/);
    expect(errors({ ...valid, currentPassword: "" }).currentPassword?.[0]).toMatch(/current password/);
    expect(errors({ ...valid, currentPassword: valid.newPassword }).newPassword?.[0]).toMatch(/different/);
  });

  it("rejects unknown fields", () => {
    expect(changePasswordSchema.safeParse({ ...valid, userId: 1 }).success).toBe(false);
  });
});
