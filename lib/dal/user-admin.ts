import "server-only";
import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { ActionError } from "@/lib/action-result";
import type { CredentialClass } from "@/lib/domain";
import { specialtiesOf } from "@/lib/dal/workflow-context";
import { boardProfiles, reviewAssignments, revisions, users, notifications } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import type { CurrentUser } from "@/lib/dal/session";
import { lastAdminProblem, type AdminChange } from "@/lib/last-admin";
import type { Role } from "@/lib/permissions";

export type UserListItem = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  credentials: string | null;
  lastSignInAt: string | null;
};

export function listUsers(): UserListItem[] {
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      credentials: boardProfiles.credentials,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .leftJoin(boardProfiles, eq(boardProfiles.userId, users.id))
    .orderBy(asc(users.name))
    .all();
}

export type UserDetail = UserListItem & {
  createdAt: string;
  openAssignments: number;
  profile: {
    credentials: string;
    specialty: string;
    bio: string;
    isPublic: boolean;
    credentialClass: CredentialClass;
    specialties: string;
  } | null;
};

export function getUserDetail(userId: number): UserDetail | null {
  const db = getDb();
  const row = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row) return null;
  const profile = db
    .select({
      credentials: boardProfiles.credentials,
      specialty: boardProfiles.specialty,
      bio: boardProfiles.bio,
      isPublic: boardProfiles.isPublic,
      credentialClass: boardProfiles.credentialClass,
      specialties: boardProfiles.specialties,
    })
    .from(boardProfiles)
    .where(eq(boardProfiles.userId, userId))
    .get();
  const openAssignments =
    db
      .select({ n: count() })
      .from(reviewAssignments)
      .innerJoin(revisions, eq(revisions.id, reviewAssignments.revisionId))
      .where(
        and(
          eq(reviewAssignments.reviewerId, userId),
          isNull(reviewAssignments.removedAt),
          sql`${revisions.state} IN ('submitted','under_review')`,
        ),
      )
      .get()?.n ?? 0;
  return {
    ...row,
    credentials: profile?.credentials ?? null,
    profile: profile ? { ...profile, specialties: specialtiesOf(profile.specialties).join(", ") } : null,
    openAssignments,
  };
}

/** A refused user change: a conflict (the last admin, a missing user), or one field's problem (a taken email). */
export class UserAdminError extends ActionError {
  constructor(message: string, field?: string) {
    super(field ? "invalid" : "conflict", message, field ? { [field]: [message] } : undefined);
  }
}

function findUser(tx: Tx, userId: number) {
  const target = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!target) throw new UserAdminError("That user no longer exists.");
  return target;
}

/** Checked inside the write transaction, so two admins can't demote each other at once. */
function guardLastAdmin(tx: Tx, target: { id: number; role: Role; active: boolean }, change: AdminChange): void {
  const others =
    tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, target.id)))
      .get()?.n ?? 0;
  const problem = lastAdminProblem(target, others, change);
  if (problem) throw new UserAdminError(problem);
}

/**
 * Takes a reviewer off every review still open for them, telling the editor who assigned each
 * one, so no review waits on someone who can no longer sign.
 */
function removeFromOpenAssignments(tx: Tx, target: { id: number; name: string }, reason: string): number {
  const open = tx
    .select({
      id: reviewAssignments.id,
      revisionId: reviewAssignments.revisionId,
      assignedById: reviewAssignments.assignedById,
      articleId: revisions.articleId,
      question: revisions.question,
      authorId: revisions.authorId,
    })
    .from(reviewAssignments)
    .innerJoin(revisions, eq(revisions.id, reviewAssignments.revisionId))
    .where(
      and(
        eq(reviewAssignments.reviewerId, target.id),
        isNull(reviewAssignments.removedAt),
        sql`${revisions.state} IN ('submitted','under_review')`,
      ),
    )
    .all();
  const now = new Date().toISOString();
  for (const a of open) {
    tx.update(reviewAssignments).set({ removedAt: now }).where(eq(reviewAssignments.id, a.id)).run();
    // The assigning editor, or the revision's author when nobody is recorded as assigning it.
    const editorId = a.assignedById ?? a.authorId;
    tx.insert(notifications)
      .values({
        userId: editorId,
        kind: "assignment_removed",
        articleId: a.articleId,
        revisionId: a.revisionId,
        message: `${target.name} ${reason} and was removed from the review of “${a.question}”. Assign another reviewer.`,
      })
      .run();
  }
  return open.length;
}

/**
 * Deactivates or reactivates a user. Deactivation bumps the session version (their open
 * sessions end on their next request) and removes them from open review assignments,
 * telling the editor who assigned each one. The last active admin can't be deactivated.
 */
export function setUserActive(actor: CurrentUser, userId: number, active: boolean): void {
  writeTransaction((tx) => {
    const target = findUser(tx, userId);
    if (target.active === active) return;
    if (!active) guardLastAdmin(tx, target, { kind: "deactivate" });
    tx.update(users)
      .set({ active, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(users.id, userId))
      .run();
    const removed = active ? 0 : removeFromOpenAssignments(tx, target, "was deactivated");
    appendAuditEvent(tx, {
      actor,
      action: active ? "user.reactivate" : "user.deactivate",
      targetType: "user",
      targetId: userId,
      summary: { before: { active: target.active }, after: { active }, assignmentsRemoved: removed },
    });
  });
}

/** Creates a user who must replace the temporary password at first sign-in. */
export function createUser(actor: CurrentUser, input: { name: string; email: string; role: Role }, passwordHash: string): number {
  return writeTransaction((tx) => {
    const taken = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
    if (taken) throw new UserAdminError("A user with this email already exists.", "email");
    const row = tx
      .insert(users)
      .values({ name: input.name, email: input.email, role: input.role, passwordHash, mustChangePassword: true })
      .returning({ id: users.id })
      .get();
    // Reviewers appear on the board page once they have a listed profile; start one, unlisted.
    if (input.role === "reviewer") tx.insert(boardProfiles).values({ userId: row.id }).run();
    appendAuditEvent(tx, {
      actor,
      action: "user.create",
      targetType: "user",
      targetId: row.id,
      summary: { after: { name: input.name, email: input.email, role: input.role } },
    });
    return row.id;
  });
}

/**
 * Changes a user's role (takes effect on their next request, which re-reads it). Someone who
 * stops being a reviewer leaves their open reviews, as on deactivation.
 */
export function changeUserRole(actor: CurrentUser, userId: number, role: Role): { changed: boolean; assignmentsRemoved: number } {
  return writeTransaction((tx) => {
    const target = findUser(tx, userId);
    if (target.role === role) return { changed: false, assignmentsRemoved: 0 };
    guardLastAdmin(tx, target, { kind: "role", to: role });
    tx.update(users).set({ role, updatedAt: new Date().toISOString() }).where(eq(users.id, userId)).run();
    const removed = target.role === "reviewer" ? removeFromOpenAssignments(tx, target, "is no longer a board reviewer") : 0;
    appendAuditEvent(tx, {
      actor,
      action: "user.role_change",
      targetType: "user",
      targetId: userId,
      summary: { before: { role: target.role }, after: { role }, assignmentsRemoved: removed },
    });
    return { changed: true, assignmentsRemoved: removed };
  });
}

/** Sets a temporary password: every session ends and the user must choose a new one at sign-in. */
export function resetUserPassword(actor: CurrentUser, userId: number, passwordHash: string): void {
  writeTransaction((tx) => {
    findUser(tx, userId);
    tx.update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(users.id, userId))
      .run();
    appendAuditEvent(tx, {
      actor,
      action: "user.password_reset",
      targetType: "user",
      targetId: userId,
      summary: { after: { mustChangePassword: true } },
    });
  });
}

/** Ends every session the user holds, on their next request. */
export function signOutEverywhere(actor: CurrentUser, userId: number): void {
  writeTransaction((tx) => {
    findUser(tx, userId);
    tx.update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .run();
    appendAuditEvent(tx, { actor, action: "user.sign_out_everywhere", targetType: "user", targetId: userId });
  });
}
