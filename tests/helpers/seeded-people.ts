import type Database from "better-sqlite3";

/** A seeded demo user as the DAL's CurrentUser sees them. */
export type SeededUser = {
  id: number;
  email: string;
  name: string;
  role: "admin" | "editor" | "reviewer";
  active: boolean;
  mustChangePassword: boolean;
};

/**
 * The users of a database the demo seed filled, keyed by the part of their address before "@"
 * (admin, editor, reviewer1, …), for DAL tests that act as them.
 */
export function seededPeople(client: Database.Database): Record<string, SeededUser> {
  const rows = client.prepare("SELECT id, email, name, role FROM users").all() as Omit<SeededUser, "active" | "mustChangePassword">[];
  return Object.fromEntries(rows.map((row) => [row.email.split("@")[0], { ...row, active: true, mustChangePassword: false }]));
}
