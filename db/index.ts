import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { serverEnv } from "../lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle a write transaction callback receives. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), serverEnv().DATABASE_PATH);
}

export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");
}

/** Opens a SQLite file with the settings every connection needs, and applies pending migrations. */
export function openDatabase(file: string = databasePath()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const client = new Database(file);
  client.pragma("journal_mode = WAL");
  client.pragma("synchronous = NORMAL");
  // Writers queue behind BEGIN IMMEDIATE instead of failing with SQLITE_BUSY.
  client.pragma("busy_timeout = 10000");
  client.pragma("foreign_keys = ON");
  client.pragma("temp_store = MEMORY");
  const db: Db = drizzle(client, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

// One connection per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { vettedDb?: Db };

export function getDb(): Db {
  if (!globalForDb.vettedDb) globalForDb.vettedDb = openDatabase();
  return globalForDb.vettedDb;
}

// The write transaction open on this process's connection, if any (kept on globalThis like the
// connection itself, so a second copy of this module in another bundle sees the same one).
const globalForTx = globalThis as unknown as { vettedWriteTx?: Tx | null };

/**
 * Runs fn in a BEGIN IMMEDIATE transaction: the write lock is taken up front, so the
 * check-then-write inside fn can't be overtaken by another process.
 *
 * Called while a write transaction is already open (a server action's, see
 * lib/actions/define-action.ts, around DAL functions that each call writeTransaction), fn joins
 * it as a savepoint instead of opening a second transaction: there is one BEGIN IMMEDIATE, one
 * commit, and a refusal thrown anywhere rolls back everything. A module-level "current
 * transaction" is safe because better-sqlite3 is synchronous: fn runs to completion without
 * yielding to other requests (a transaction function may not return a promise; better-sqlite3
 * throws if it does), and the marker is cleared in finally.
 */
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
  const open = globalForTx.vettedWriteTx;
  if (open) return open.transaction((nested) => withCurrent(nested, fn));
  return getDb().transaction((tx) => withCurrent(tx, fn), { behavior: "immediate" });
}

function withCurrent<T>(tx: Tx, fn: (tx: Tx) => T): T {
  const outer = globalForTx.vettedWriteTx ?? null;
  globalForTx.vettedWriteTx = tx;
  try {
    return fn(tx);
  } finally {
    globalForTx.vettedWriteTx = outer;
  }
}

export { schema };
