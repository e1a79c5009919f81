import { Database } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "../host/path.ts";

/** Bump when the tables or what they hold change meaning: an older cache is then rebuilt. */
export const CACHE_SCHEMA = 11;

const TABLES = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS docs (path TEXT PRIMARY KEY, mtime REAL NOT NULL, size INTEGER NOT NULL,
    hash TEXT NOT NULL, doc TEXT NOT NULL, body TEXT NOT NULL, body_key TEXT NOT NULL,
    shape TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS facts (page_id TEXT PRIMARY KEY, deps TEXT NOT NULL, facts TEXT NOT NULL,
    issues INTEGER NOT NULL, html TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS targets (output_path TEXT PRIMARY KEY, page_id TEXT NOT NULL, deps TEXT NOT NULL,
    diagnostics TEXT NOT NULL, html_facts TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS blocks (key TEXT PRIMARY KEY, html TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS keyvals (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS links (output_path TEXT PRIMARY KEY, sig TEXT NOT NULL,
    stale INTEGER NOT NULL DEFAULT 0, fp TEXT, deps BLOB, issues TEXT);
  CREATE INDEX IF NOT EXISTS links_stale ON links (stale) WHERE stale = 1;
  CREATE TRIGGER IF NOT EXISTS links_rendered AFTER INSERT ON targets
    BEGIN UPDATE links SET stale = 1 WHERE output_path = NEW.output_path; END;
`;

/**
 * Opens `.bengal/cache.db`. SQLite's write-ahead log makes every transaction atomic, so a
 * crash mid-write leaves the previous consistent cache. Returns null (and why) when the
 * file cannot be used; the build then runs in full.
 */
export function openCacheDb(path: string): { db: Database | null; problem: string | null } {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, { create: true });
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
    const version = (db.query("PRAGMA user_version").get() as { user_version: number }).user_version;
    if (version !== CACHE_SCHEMA) {
      // Another layout of the tables (an older Bengal): start from empty ones; the build is then full.
      db.transaction(() => {
        for (const table of ["meta", "docs", "facts", "targets", "blocks", "links", "keyvals"])
          db.exec(`DROP TABLE IF EXISTS ${table}`);
        db.exec(TABLES);
        db.exec(`PRAGMA user_version = ${CACHE_SCHEMA}`);
      })();
    }
    db.exec(TABLES);
    db.query("SELECT count(*) FROM meta").get();
    return { db, problem: null };
  } catch (error) {
    return { db: null, problem: (error as Error).message };
  }
}

/**
 * Another connection to a cache the build already opened (render workers, the block store):
 * no table checks, so it can never reset what the build is using; waits for the one writer.
 */
export function joinCacheDb(path: string): Database {
  const db = new Database(path);
  db.exec("PRAGMA busy_timeout = 5000;");
  return db;
}

export function readMeta(db: Database, key: string): string | null {
  const row = db.query("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | null;
  return row?.value ?? null;
}

export function writeMeta(db: Database, key: string, value: string): void {
  db.query("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").run(key, value);
}

/** Empties everything but highlighted blocks, which stay valid across config changes (their key says what they are). */
export function resetCache(db: Database): void {
  db.exec(
    "DELETE FROM meta; DELETE FROM docs; DELETE FROM facts; DELETE FROM links; DELETE FROM targets; DELETE FROM keyvals;",
  );
}
