import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { authOptions } from "@/lib/auth";
import type { Actor, Role } from "@/lib/permissions";

export type CurrentUser = Actor & { email: string; name: string; mustChangePassword: boolean };

/**
 * The signed-in user, re-read from the database on every request: a deactivated user or a
 * bumped session version ("sign out everywhere") ends the session here, not at token expiry.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
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
    role: row.role as Role,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
  };
});

/** For pages: the user, or a redirect to sign-in (or to the forced password change). */
export async function requireUser(options: { allowPasswordChange?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login?expired=1");
  if (user.mustChangePassword && !options.allowPasswordChange) redirect("/account/password?required=1");
  return user;
}
