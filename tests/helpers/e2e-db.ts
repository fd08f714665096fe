import Database from "better-sqlite3";
import { hash } from "@node-rs/argon2";
import { E2E_DATABASE } from "../../playwright.config";

/** The end-to-end server's real SQLite file, for setting up fixtures and checking outcomes. */
export function e2eDb(): Database.Database {
  const db = new Database(E2E_DATABASE);
  db.pragma("busy_timeout = 10000");
  db.pragma("foreign_keys = ON");
  return db;
}

/**
 * Queues one extra run of a recurring job (reminders.tick, notifications.digest) due now, so a spec
 * needn't wait for the next scheduled occurrence: the running server's job runner claims it within
 * its poll and runs the same handler. Its own key leaves the recurring chain untouched (when it
 * finishes, the runner finds the next occurrence already queued).
 */
export function runJobNow(kind: string): void {
  const db = e2eDb();
  try {
    const now = new Date().toISOString();
    db.prepare(
      "INSERT INTO jobs (kind, payload, idempotency_key, status, run_at, max_attempts, created_at, updated_at) VALUES (?, '{}', ?, 'queued', ?, 1, ?, ?)",
    ).run(kind, `e2e:${kind}:${now}:${Math.random().toString(36).slice(2)}`, now, now, now);
  } finally {
    db.close();
  }
}

let counter = 0;

/** Creates a user of a role directly in the database (a fixture, so tests don't share accounts). */
export async function createUser(role: "admin" | "editor" | "reviewer", password = "fixture-password-123") {
  const email = `${role}-${process.pid}-${Date.now()}-${counter++}@fixture.test`;
  const passwordHash = await hash(password, { algorithm: 2 });
  const db = e2eDb();
  try {
    const row = db
      .prepare("INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?) RETURNING id")
      .get(email, `Fixture ${role} ${counter}`, role, passwordHash) as { id: number };
    return { id: row.id, email, password };
  } finally {
    db.close();
  }
}

export function userActive(id: number): boolean {
  const db = e2eDb();
  try {
    return (db.prepare("SELECT active FROM users WHERE id = ?").get(id) as { active: number }).active === 1;
  } finally {
    db.close();
  }
}

/** Audit actions recorded against a user, oldest first. */
export function auditActionsFor(userId: number): string[] {
  const db = e2eDb();
  try {
    return (
      db.prepare("SELECT action FROM audit_events WHERE target_type = 'user' AND target_id = ? ORDER BY id").all(String(userId)) as {
        action: string;
      }[]
    ).map((r) => r.action);
  } finally {
    db.close();
  }
}
