"use server";

import { headers } from "next/headers";
import { forbidden, invalid, unauthenticated, type ActionResult } from "@/lib/action-result";
import { getSessionUser, reissueSession } from "@/lib/dal/session";
import { changeOwnPassword } from "@/lib/dal/users";
import { passwordProblem } from "@/lib/password-policy";
import { canChangeOwnPassword } from "@/lib/permissions";
import { changePasswordSchema } from "@/lib/validations/account";

/** The nearest proxy's x-forwarded-for hop (as for sign-in), for the audit record. */
async function clientIp(): Promise<string> {
  const value = (await headers()).get("x-forwarded-for") ?? "";
  return (
    value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1) ?? "unknown"
  );
}

/**
 * The user's own password change. The one action a user with a temporary password may use
 * (getSessionUser, not getCurrentUser); it keeps this browser signed in and ends the rest.
 */
export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return unauthenticated();
  if (!canChangeOwnPassword(user)) return forbidden("change this password");
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  const weak = passwordProblem(parsed.data.newPassword, user);
  if (weak) return invalid({ newPassword: [weak] });
  const outcome = await changeOwnPassword(user.id, parsed.data.currentPassword, parsed.data.newPassword, await clientIp());
  if (!outcome.ok)
    return outcome.field
      ? invalid({ [outcome.field]: [outcome.message] }, outcome.message)
      : { ok: false, code: "conflict", message: outcome.message };
  await reissueSession(outcome.sessionVersion);
  return { ok: true, message: "Your password has been changed. Any other sessions you had open have ended." };
}
