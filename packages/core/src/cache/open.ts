import type { Database } from "bun:sqlite";
import { rmSync } from "node:fs";
import type { SiteConfig } from "../model/config.ts";
import { type CacheKey, cacheKey, changedConfigKeys } from "./cache-key.ts";
import { openCacheDb, readMeta, resetCache, writeMeta } from "./db.ts";

export interface BuildCache {
  readonly db: Database;
  readonly path: string;
  readonly mode: "incremental" | "full";
  /** Why this build is full (shown to the user); null for an incremental build. */
  readonly reason: string | null;
  /** The cache could not be read and was started again: the build warns. */
  readonly recovered: string | null;
  readonly key: CacheKey;
  /** Token of the last build that sealed this cache (null when none did). */
  readonly generation: string | null;
}

/**
 * Opens the site's cache and decides whether this build can be incremental. A cache that
 * cannot be opened is deleted and started afresh; if even that fails the build runs without one.
 */
export function openBuildCache(path: string, config: SiteConfig, full: boolean): BuildCache | null {
  const key = cacheKey(config);
  let { db, problem } = openCacheDb(path);
  let recovered: string | null = null;
  if (!db) {
    recovered = problem;
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
    ({ db, problem } = openCacheDb(path));
    if (!db) return null;
  }
  const reason = full ? "--full was given" : recovered ? "the cache could not be read" : staleReason(db, key);
  const generation = reason === null ? readMeta(db, "generation") : null;
  if (reason !== null) resetCache(db);
  // Highlighted blocks survive config changes, but not a new engine or new dependencies.
  if (reason !== null && /written by|dependencies changed/.test(reason)) db.exec("DELETE FROM blocks");
  return { db, path, mode: reason === null ? "incremental" : "full", reason, recovered, key, generation };
}

function staleReason(db: Database, key: CacheKey): string | null {
  const engine = readMeta(db, "engine");
  if (engine === null) return "there is no cache yet";
  if (engine !== key.engine) return `the cache was written by ${engine} (now ${key.engine})`;
  const deps = readMeta(db, "dependencies");
  if (deps !== key.dependencies) return `dependencies changed (${deps} → ${key.dependencies})`;
  const config = readMeta(db, "config");
  if (config !== key.config) {
    const keys = config ? changedConfigKeys(config, key.config) : [];
    return `the config changed${keys.length ? ` (${keys.slice(0, 5).join(", ")})` : ""}`;
  }
  return null;
}

/** Marks the cache complete for this key; written last, so an interrupted build leaves no valid key behind a reset. */
export function sealBuildCache(cache: BuildCache): string {
  const generation = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  cache.db.transaction(() => {
    writeMeta(cache.db, "engine", cache.key.engine);
    writeMeta(cache.db, "dependencies", cache.key.dependencies);
    writeMeta(cache.db, "config", cache.key.config);
    writeMeta(cache.db, "generation", generation);
  })();
  return generation;
}
