import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { users, userSessions } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";

/**
 * Server-side session records: one per sign-in, named by a random id the session token carries.
 * lib/dal/session.ts checks it on every request (ended, idle, too old) and moves last_seen_at on
 * at most once a minute. Ending a row ends that browser's session at its next request.
 */

type Who = { id: number; email: string };

/** Staff sessions end this long after sign-in whatever happens (ASVS 5 V7.3.2). */
export const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;

/** After the user's own password change: this browser's session carries the new version. */
export function moveSessionToVersion(id: string, sessionVersion: number): void {
  getDb().update(userSessions).set({ sessionVersion }).where(eq(userSessions.id, id)).run();
}

export type SessionFactors = "password" | "password+totp" | "password+recovery";

export function createUserSession(input: {
  userId: number;
  sessionVersion: number;
  userAgent: string;
  ip: string;
  factors: SessionFactors;
}): string {
  const id = randomBytes(18).toString("base64url");
  const now = new Date().toISOString();
  writeTransaction((tx) =>
    tx
      .insert(userSessions)
      .values({
        id,
        userId: input.userId,
        sessionVersion: input.sessionVersion,
        createdAt: now,
        lastSeenAt: now,
        userAgent: input.userAgent.slice(0, 300),
        ip: input.ip,
        factors: input.factors,
      })
      .run(),
  );
  return id;
}

export type SessionListItem = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string;
  ip: string;
  factors: string;
};

/** A user's open sessions, most recently used first (a session from before a session-version bump is over). */
export function listOpenSessions(userId: number): SessionListItem[] {
  return getDb()
    .select({
      id: userSessions.id,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      userAgent: userSessions.userAgent,
      ip: userSessions.ip,
      factors: userSessions.factors,
    })
    .from(userSessions)
    .innerJoin(users, and(eq(users.id, userSessions.userId), eq(users.sessionVersion, userSessions.sessionVersion)))
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.endedAt),
        gt(userSessions.createdAt, new Date(Date.now() - SESSION_MAX_AGE_MS).toISOString()),
      ),
    )
    .orderBy(desc(userSessions.lastSeenAt))
    .all();
}

export type EndReason = "signed_out" | "ended_by_user" | "ended_by_admin" | "idle" | "max_age" | "password_changed" | "deactivated";

/** Marks one session ended (no audit: callers audit what caused it). True when it was open. */
export function markSessionEnded(tx: Tx, id: string, reason: EndReason): boolean {
  const row = tx
    .update(userSessions)
    .set({ endedAt: new Date().toISOString(), endedReason: reason })
    .where(and(eq(userSessions.id, id), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id })
    .get();
  return !!row;
}

/** Ends every open session of a user except `keep` (this browser's); returns how many ended. */
export function endUserSessions(tx: Tx, userId: number, reason: EndReason, keep?: string | null): number {
  return tx
    .update(userSessions)
    .set({ endedAt: new Date().toISOString(), endedReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), keep ? ne(userSessions.id, keep) : undefined))
    .returning({ id: userSessions.id })
    .all().length;
}

export type EndSessionOutcome = "ended" | "not_found" | "current";

/**
 * Ends one session of `ownerId` for `actor` (the owner, or an admin on the admin user page).
 * The caller's own current session is not ended here: that is "Sign out".
 */
export function endSession(
  actor: Who,
  ownerId: number,
  sessionId: string,
  currentSessionId: string | null,
  byAdmin: boolean,
): EndSessionOutcome {
  return writeTransaction((tx): EndSessionOutcome => {
    if (sessionId === currentSessionId) return "current";
    const row = tx
      .select({ userId: userSessions.userId, endedAt: userSessions.endedAt, ip: userSessions.ip })
      .from(userSessions)
      .where(eq(userSessions.id, sessionId))
      .get();
    if (!row || row.userId !== ownerId || row.endedAt) return "not_found";
    markSessionEnded(tx, sessionId, byAdmin ? "ended_by_admin" : "ended_by_user");
    appendAuditEvent(tx, {
      actor,
      action: byAdmin ? "user.session_ended" : "account.session_ended",
      targetType: "user",
      targetId: ownerId,
      summary: { session: sessionId.slice(0, 8), ip: row.ip },
    });
    return "ended";
  });
}

export function endOtherSessions(actor: Who, currentSessionId: string | null): number {
  return writeTransaction((tx): number => {
    const n = endUserSessions(tx, actor.id, "ended_by_user", currentSessionId);
    appendAuditEvent(tx, { actor, action: "account.other_sessions_ended", targetType: "user", targetId: actor.id, summary: { ended: n } });
    return n;
  });
}
