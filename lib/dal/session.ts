import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { eq, sql } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { siteSettings, twoFactor, users, userSessions } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { markSessionEnded, moveSessionToVersion, SESSION_MAX_AGE_MS } from "@/lib/dal/user-sessions";
import { DEFAULT_SETTINGS, rolesRequiringTwoFactor, siteSettingsSchema, type SiteSettings } from "@/lib/validations/settings";
import { authOptions } from "@/lib/auth";
import { authSecret } from "@/lib/auth-secret";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth-jwt";
import type { Actor } from "@/lib/permissions";

export type CurrentUser = Actor & {
  email: string;
  name: string;
  mustChangePassword: boolean;
  /** A role the site requires two-factor sign-in for, not enrolled yet: only enrolment is open. */
  mustEnrolTwoFactor?: boolean;
  twoFactorEnabled?: boolean;
  /** This browser's session record (lib/dal/user-sessions.ts). */
  sessionId?: string;
};

/** last_seen_at moves on at most this often: one write a minute per browser, not one a request. */
const LAST_SEEN_EVERY_MS = 60_000;

const settingValue = (key: string) =>
  sql<string | null>`(select ${siteSettings.value} from ${siteSettings} where ${siteSettings.key} = ${key})`;

function storedSetting<K extends "staffIdleMinutes" | "requireTwoFactor">(key: K, raw: string | null): SiteSettings[K] {
  if (raw == null) return DEFAULT_SETTINGS[key];
  try {
    const parsed = siteSettingsSchema.shape[key].safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as SiteSettings[K]) : DEFAULT_SETTINGS[key];
  } catch {
    return DEFAULT_SETTINGS[key];
  }
}

/**
 * The signed-in user, re-read from the database on every request: a deactivated user, a bumped
 * session version ("sign out everywhere") or an ended session record (signed out elsewhere,
 * idle past staffIdleMinutes, older than 8 hours) ends the session here, not at token expiry.
 * One statement: the session row by primary key, its user and second factor, and the two
 * settings it needs. Includes a user who still has to replace a temporary password or enrol a
 * second factor; only those steps may use this directly. Everything else goes through
 * getCurrentUser/requireUser.
 */
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  const sid = session?.user?.sid;
  if (!id || !sid) return null;
  const row = getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      endedAt: userSessions.endedAt,
      twoFactorEnabledAt: twoFactor.enabledAt,
      idleMinutes: settingValue("staffIdleMinutes"),
      requireTwoFactor: settingValue("requireTwoFactor"),
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(twoFactor, eq(twoFactor.userId, users.id))
    .where(eq(userSessions.id, sid))
    .get();
  if (!row || row.id !== id || row.endedAt || !row.active || row.sessionVersion !== session.user.sessionVersion) return null;
  const now = Date.now();
  const idleMs = storedSetting("staffIdleMinutes", row.idleMinutes) * 60_000;
  const expired =
    now - Date.parse(row.createdAt) > SESSION_MAX_AGE_MS ? "max_age" : now - Date.parse(row.lastSeenAt) > idleMs ? "idle" : null;
  if (expired) {
    writeTransaction((tx) => {
      if (markSessionEnded(tx, sid, expired))
        appendAuditEvent(tx, {
          actor: row,
          action: expired === "idle" ? "auth.session_idle_timeout" : "auth.session_max_age",
          targetType: "user",
          targetId: row.id,
          summary: { session: sid.slice(0, 8), lastSeenAt: row.lastSeenAt },
        });
    });
    return null;
  }
  if (now - Date.parse(row.lastSeenAt) > LAST_SEEN_EVERY_MS)
    getDb()
      .update(userSessions)
      .set({ lastSeenAt: new Date(now).toISOString() })
      .where(eq(userSessions.id, sid))
      .run();
  const twoFactorEnabled = !!row.twoFactorEnabledAt;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    mustEnrolTwoFactor:
      !twoFactorEnabled && rolesRequiringTwoFactor(storedSetting("requireTwoFactor", row.requireTwoFactor)).includes(row.role),
    twoFactorEnabled,
    sessionId: sid,
  };
});

/**
 * The user for the two-factor enrolment page and its actions: like getCurrentUser, but open to a
 * user who has to enrol before anything else (never to one who must change a temporary password).
 */
export const getEnrollingUser = cache(async (): Promise<CurrentUser | null> => {
  const user = await getSessionUser();
  return user && !user.mustChangePassword ? user : null;
});

/**
 * The signed-in user for every server action, route handler and page. A user who signed in
 * with a temporary password counts as not signed in until they have set their own, so no
 * action can be used with a password an administrator knows.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const user = await getSessionUser();
  return user && !user.mustChangePassword && !user.mustEnrolTwoFactor ? user : null;
});

/** For pages: the user, or a redirect to sign-in (or to the forced password change). */
export async function requireUser(options: { allowPasswordChange?: boolean; allowTwoFactorSetup?: boolean } = {}): Promise<CurrentUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login?expired=1");
  if (user.mustChangePassword && !options.allowPasswordChange) redirect("/account/password?required=1");
  if (user.mustEnrolTwoFactor && !user.mustChangePassword && !options.allowTwoFactorSetup && !options.allowPasswordChange)
    redirect("/account/security?required=1");
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
  if (claims.sid) moveSessionToVersion(claims.sid, sessionVersion);
  jar.set(name, token, { httpOnly: true, sameSite: "lax", path: "/", secure: !!authOptions.useSecureCookies, maxAge });
}
