import "server-only";
import { eq } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { users } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { dummyPasswordHash, verifyPassword } from "@/lib/passwords";
import type { Role } from "@/lib/permissions";

export type SignedInUser = { id: number; email: string; name: string; role: Role; sessionVersion: number };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Checks an email and password. Unknown email, wrong password and inactive account all
 * return null after the same argon2 work, and each outcome is audited.
 */
export async function verifyCredentials(emailInput: string, password: string): Promise<SignedInUser | null> {
  const email = normaliseEmail(emailInput);
  const user = getDb().select().from(users).where(eq(users.email, email)).get();
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const ok = !!user && user.active && passwordOk;
  writeTransaction((tx) => {
    if (ok) tx.update(users).set({ lastSignInAt: new Date().toISOString() }).where(eq(users.id, user.id)).run();
    appendAuditEvent(tx, {
      actor: user ? { id: user.id, label: user.email } : null,
      action: ok ? "auth.sign_in" : "auth.sign_in_failed",
      targetType: "user",
      targetId: user?.id ?? null,
      summary: ok ? {} : { email, reason: !user ? "unknown email" : !user.active ? "inactive" : "wrong password" },
    });
  });
  if (!ok) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
