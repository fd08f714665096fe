import "server-only";
import { eq } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { boardProfiles, users } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import type { CurrentUser } from "@/lib/dal/session";
import { splitSpecialties, type BoardProfileInput } from "@/lib/validations/board-profile";
import type { CredentialClass } from "@/lib/domain";
import { specialtiesOf } from "@/lib/dal/workflow-context";

export type BoardProfile = {
  userId: number;
  name: string;
  role: string;
  credentials: string;
  specialty: string;
  bio: string;
  isPublic: boolean;
  credentialClass: CredentialClass;
  /** Comma-separated, as the form edits them. */
  specialties: string;
};

/** A user's board profile, with empty fields when none is stored yet. */
export function getBoardProfile(userId: number): BoardProfile | null {
  const row = getDb()
    .select({
      userId: users.id,
      name: users.name,
      role: users.role,
      credentials: boardProfiles.credentials,
      specialty: boardProfiles.specialty,
      bio: boardProfiles.bio,
      isPublic: boardProfiles.isPublic,
      credentialClass: boardProfiles.credentialClass,
      specialties: boardProfiles.specialties,
    })
    .from(users)
    .leftJoin(boardProfiles, eq(boardProfiles.userId, users.id))
    .where(eq(users.id, userId))
    .get();
  if (!row) return null;
  return {
    ...row,
    credentials: row.credentials ?? "",
    specialty: row.specialty ?? "",
    bio: row.bio ?? "",
    isPublic: row.isPublic ?? false,
    credentialClass: row.credentialClass ?? "other",
    specialties: specialtiesOf(row.specialties).join(", "),
  };
}

/** Saves the name and profile together (the name is what the board page and sign-offs print). */
export function saveBoardProfile(actor: CurrentUser, input: BoardProfileInput): void {
  writeTransaction((tx) => {
    const user = tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, input.userId)).get();
    if (!user) throw new Error("That user no longer exists.");
    const before = tx.select().from(boardProfiles).where(eq(boardProfiles.userId, input.userId)).get();
    const now = new Date().toISOString();
    if (user.name !== input.name) tx.update(users).set({ name: input.name, updatedAt: now }).where(eq(users.id, input.userId)).run();
    const values = {
      credentials: input.credentials,
      specialty: input.specialty,
      bio: input.bio,
      isPublic: input.isPublic,
      credentialClass: input.credentialClass ?? before?.credentialClass ?? "other",
      specialties: input.specialties === undefined ? (before?.specialties ?? "[]") : JSON.stringify(splitSpecialties(input.specialties)),
      updatedAt: now,
    };
    tx.insert(boardProfiles)
      .values({ userId: input.userId, ...values })
      .onConflictDoUpdate({ target: boardProfiles.userId, set: values })
      .run();
    appendAuditEvent(tx, {
      actor,
      action: "board_profile.update",
      targetType: "user",
      targetId: input.userId,
      summary: {
        before: {
          name: user.name,
          credentials: before?.credentials ?? "",
          specialty: before?.specialty ?? "",
          isPublic: before?.isPublic ?? false,
          credentialClass: before?.credentialClass ?? "other",
          specialties: specialtiesOf(before?.specialties),
        },
        after: {
          name: input.name,
          credentials: input.credentials,
          specialty: input.specialty,
          isPublic: input.isPublic,
          credentialClass: values.credentialClass,
          specialties: specialtiesOf(values.specialties),
        },
      },
    });
  });
}
