import "server-only";
import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { boardProfiles, reviewAssignments, revisions, users, notifications } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import type { CurrentUser } from "@/lib/dal/session";

export type UserListItem = {
  id: number;
  email: string;
  name: string;
  role: "admin" | "editor" | "reviewer";
  active: boolean;
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
      credentials: boardProfiles.credentials,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .leftJoin(boardProfiles, eq(boardProfiles.userId, users.id))
    .orderBy(asc(users.name))
    .all();
}

export class UserAdminError extends Error {}

/**
 * Deactivates or reactivates a user. Deactivation bumps the session version (their open
 * sessions end on their next request) and removes them from open review assignments,
 * telling the editor who assigned each one. The last active admin can't be deactivated.
 */
export function setUserActive(actor: CurrentUser, userId: number, active: boolean): void {
  writeTransaction((tx) => {
    const target = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!target) throw new UserAdminError("That user no longer exists.");
    if (target.active === active) return;
    if (!active && target.role === "admin") {
      const others = tx.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, userId))).get()?.n ?? 0;
      if (others === 0) throw new UserAdminError("You can't deactivate the last active administrator.");
    }
    tx.update(users)
      .set({ active, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(users.id, userId))
      .run();
    let removed = 0;
    if (!active) {
      const open = tx
        .select({ id: reviewAssignments.id, revisionId: reviewAssignments.revisionId, assignedById: reviewAssignments.assignedById, articleId: revisions.articleId, question: revisions.question })
        .from(reviewAssignments)
        .innerJoin(revisions, eq(revisions.id, reviewAssignments.revisionId))
        .where(and(eq(reviewAssignments.reviewerId, userId), isNull(reviewAssignments.removedAt), sql`${revisions.state} IN ('submitted','under_review')`))
        .all();
      const now = new Date().toISOString();
      for (const a of open) {
        tx.update(reviewAssignments).set({ removedAt: now }).where(eq(reviewAssignments.id, a.id)).run();
        if (a.assignedById)
          tx.insert(notifications)
            .values({ userId: a.assignedById, kind: "assignment_removed", articleId: a.articleId, revisionId: a.revisionId, message: `${target.name} was deactivated and removed from the review of “${a.question}”. Assign another reviewer.` })
            .run();
      }
      removed = open.length;
    }
    appendAuditEvent(tx, {
      actor: { id: actor.id, label: actor.email },
      action: active ? "user.reactivate" : "user.deactivate",
      targetType: "user",
      targetId: userId,
      summary: { before: { active: target.active }, after: { active }, assignmentsRemoved: removed },
    });
  });
}
