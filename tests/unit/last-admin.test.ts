import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { lastAdminProblem } from "@/lib/last-admin";
import { useTempDatabase } from "../helpers/temp-db";

describe("the last-admin rule (pure)", () => {
  const admin = { role: "admin" as const, active: true };
  it("refuses to deactivate or demote the only active admin", () => {
    expect(lastAdminProblem(admin, 0, { kind: "deactivate" })).toMatch(/last active administrator/);
    expect(lastAdminProblem(admin, 0, { kind: "role", to: "editor" })).toMatch(/last active administrator/);
    expect(lastAdminProblem(admin, 0, { kind: "role", to: "reviewer" })).toMatch(/last active administrator/);
  });
  it("allows it when another active admin remains, and never concerns other roles", () => {
    expect(lastAdminProblem(admin, 1, { kind: "deactivate" })).toBeNull();
    expect(lastAdminProblem(admin, 0, { kind: "role", to: "admin" })).toBeNull();
    expect(lastAdminProblem({ role: "editor", active: true }, 0, { kind: "deactivate" })).toBeNull();
    expect(lastAdminProblem({ role: "admin", active: false }, 0, { kind: "role", to: "editor" })).toBeNull();
  });
});

const temp = useTempDatabase("last-admin");
const { getDb, writeTransaction } = await import("@/db");
const schema = await import("@/db/schema");
const admin = await import("@/lib/dal/user-admin");

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

let n = 0;
function addUser(role: "admin" | "editor" | "reviewer", active = true) {
  n++;
  return writeTransaction((tx) =>
    tx
      .insert(schema.users)
      .values({ email: `${role}${n}@t.test`, name: `${role} ${n}`, role, active, passwordHash: "x" })
      .returning()
      .get(),
  );
}
const actorOf = (u: { id: number; email: string; name: string }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: "admin" as const,
  active: true,
  mustChangePassword: false,
});
const row = (id: number) => getDb().select().from(schema.users).where(eq(schema.users.id, id)).get()!;

describe("user administration in the database", () => {
  beforeEach(() => {
    // Each test starts with no active admins at all.
    getDb().run(sql`UPDATE users SET active = 0 WHERE role = 'admin'`);
  });

  it("won't deactivate or demote the last active admin, and changes nothing when refusing", () => {
    const only = addUser("admin");
    const before = row(only.id);
    expect(() => admin.setUserActive(actorOf(only), only.id, false)).toThrow(/last active administrator/);
    expect(() => admin.changeUserRole(actorOf(only), only.id, "editor")).toThrow(/last active administrator/);
    expect(row(only.id)).toMatchObject({ active: true, role: "admin", sessionVersion: before.sessionVersion });
  });

  it("allows it once another admin is active, and ignores deactivated admins when counting", () => {
    const first = addUser("admin");
    addUser("admin", false);
    expect(() => admin.changeUserRole(actorOf(first), first.id, "editor")).toThrow(/last active administrator/);
    const second = addUser("admin");
    admin.changeUserRole(actorOf(second), first.id, "editor");
    expect(row(first.id).role).toBe("editor");
    expect(() => admin.setUserActive(actorOf(second), second.id, false)).toThrow(/last active administrator/);
  });

  it("deactivation ends sessions, removes open assignments and tells the assigning editor", () => {
    const boss = addUser("admin");
    const editor = addUser("editor");
    const reviewer = addUser("reviewer");
    const { assignment } = writeTransaction((tx) => {
      const article = tx
        .insert(schema.articles)
        .values({ slug: `a-${n}` })
        .returning()
        .get();
      const revision = tx
        .insert(schema.revisions)
        .values({ articleId: article.id, number: 1, question: "Is it safe?", contentHash: "h", authorId: editor.id, state: "under_review" })
        .returning()
        .get();
      const assignment = tx
        .insert(schema.reviewAssignments)
        .values({ revisionId: revision.id, reviewerId: reviewer.id, assignedById: editor.id })
        .returning()
        .get();
      return { assignment };
    });
    const version = row(reviewer.id).sessionVersion;
    admin.setUserActive(actorOf(boss), reviewer.id, false);
    expect(row(reviewer.id)).toMatchObject({ active: false, sessionVersion: version + 1 });
    const a = getDb().select().from(schema.reviewAssignments).where(eq(schema.reviewAssignments.id, assignment.id)).get()!;
    expect(a.removedAt).not.toBeNull();
    const notes = getDb().select().from(schema.notifications).where(eq(schema.notifications.userId, editor.id)).all();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "assignment_removed", revisionId: assignment.revisionId });
    expect(notes[0].message).toContain("Is it safe?");
    const audit = getDb().select().from(schema.auditEvents).where(eq(schema.auditEvents.action, "user.deactivate")).all().at(-1)!;
    expect(JSON.parse(audit.summary)).toMatchObject({ assignmentsRemoved: 1 });
  });

  it("a new user must change the temporary password; a duplicate email is refused", () => {
    const boss = addUser("admin");
    const id = admin.createUser(actorOf(boss), { name: "New Reviewer", email: `new${n}@t.test`, role: "reviewer" }, "hash");
    expect(row(id)).toMatchObject({ mustChangePassword: true, role: "reviewer", active: true });
    expect(() => admin.createUser(actorOf(boss), { name: "Again", email: `new${n}@t.test`, role: "editor" }, "hash")).toThrow(
      /already exists/,
    );
  });
});
