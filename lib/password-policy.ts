import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/password-policy-limits";

/**
 * The password rules, pure (no framework), so forms, actions and tests agree:
 * 12–128 characters, and not one of the ~49,000 most common passwords shipped with
 * @zxcvbn-ts/language-common (nor one of them with digits or symbols tacked on, nor the
 * user's own email or name), since those are the first ones an attacker tries.
 */
export { PASSWORD_MAX, PASSWORD_MIN };

let common: Set<string> | null = null;
/** Lower-cased common passwords; built on first use (the list is large). */
export function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

export type PasswordContext = { email?: string; name?: string };

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return "That password is one of the most common passwords. Choose a less predictable one.";
  // "dragon123456", "password!!!!": a listed word with a suffix is as weak as the word.
  const base = lower.replace(/[\d\W_]+$/u, "");
  if (base.length >= 4 && base !== lower && list.has(base))
    return "That password is a common password with characters added. Choose a less predictable one.";
  // "passwordpassword", "abcabcabcabc", "aaaaaaaaaaaa": one short unit repeated.
  if (/^(.{1,6})\1+$/u.test(lower)) return "That password is a short pattern repeated. Choose a less predictable one.";
  const local = context.email?.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && lower.includes(local)) return "Don't use your email address in your password.";
  const name = context.name?.toLowerCase().replace(/\s+/g, "") ?? "";
  if (name.length >= 4 && lower.replace(/\s+/g, "").includes(name)) return "Don't use your name in your password.";
  return null;
}
