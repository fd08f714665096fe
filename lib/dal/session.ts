import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { authOptions } from "@/lib/auth";
import { authSecret } from "@/lib/auth-secret";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth-jwt";
import type { Actor } from "@/lib/permissions";

export type CurrentUser = Actor & { email: string; name: string; mustChangePassword: boolean };

/**
 * The signed-in user, re-read from the database on every request: a deactivated user or a
 * bumped session version ("sign out everywhere") ends the session here, not at token expiry.
 * Includes a user who still has to replace a temporary password; only the password change
 * itself may use this directly. Everything else goes through getCurrentUser/requireUser.
 */
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const row = getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!row || !row.active || row.sessionVersion !== session.user.sessionVersion) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
  };
});

/**
 * The signed-in user for every server action, route handler and page. A user who signed in
 * with a temporary password counts as not signed in until they have set their own, so no
 * action can be used with a password an administrator knows.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const user = await getSessionUser();
  return user && !user.mustChangePassword ? user : null;
});

/** For pages: the user, or a redirect to sign-in (or to the forced password change). */
export async function requireUser(options: { allowPasswordChange?: boolean } = {}): Promise<CurrentUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login?expired=1");
  if (user.mustChangePassword && !options.allowPasswordChange) redirect("/account/password?required=1");
  return user;
}

const sessionCookieName = () => `${authOptions.useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

/**
 * After the user's own password change bumped their session version, gives this browser a
 * token carrying the new version, so it stays signed in while every other session ends.
 * Only callable from a server action or route handler (it sets a cookie).
 */
export async function reissueSession(sessionVersion: number): Promise<void> {
  const jar = await cookies();
  const name = sessionCookieName();
  const secret = authSecret();
  const current = await decodeSessionToken({ token: jar.get(name)?.value, secret }).catch(() => null);
  if (!current) return;
  const maxAge = authOptions.session?.maxAge ?? 8 * 60 * 60;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = current;
  const token = await encodeSessionToken({ token: { ...claims, sv: sessionVersion }, secret, maxAge });
  jar.set(name, token, { httpOnly: true, sameSite: "lax", path: "/", secure: !!authOptions.useSecureCookies, maxAge });
}
