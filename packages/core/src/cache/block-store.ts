import type { BlockStore } from "../render/highlight/types.ts";
import { joinCacheDb } from "./db.ts";

/**
 * Highlighted blocks persisted in the cache database. Each render process opens its own
 * connection; new blocks are written in batches by `flush` at the end of a batch. A table
 * that was empty when the store opened (a first build) answers every lookup without a query,
 * where a missed lookup took ~20 µs; only the blocks this store wrote since can be found then.
 * (Reading every stored key up front instead cost ~15 ms at 10,000 pages on each of the dev
 * server's rebuilds, which open a store each.)
 */
export function openBlockStore(path: string): BlockStore & { flush(): void; close(): void } {
  const db = joinCacheDb(path);
  const emptyAtOpen = db.query("SELECT 1 FROM blocks LIMIT 1").get() === null;
  const written = new Set<string>();
  const get = db.query("SELECT html FROM blocks WHERE key = ?");
  const put = db.query("INSERT OR IGNORE INTO blocks (key, html) VALUES (?, ?)");
  const pending = new Map<string, string>();
  let closed = false;
  const flush = db.transaction(() => {
    for (const [k, v] of pending) put.run(k, v);
  });
  const remember = () => {
    if (emptyAtOpen) for (const key of pending.keys()) written.add(key);
  };
  return {
    get: (key) => {
      if (closed) return undefined;
      const hit = pending.get(key);
      if (hit !== undefined || (emptyAtOpen && !written.has(key))) return hit;
      try {
        return (get.get(key) as { html: string } | null)?.html;
      } catch {
        return undefined;
      }
    },
    set: (key, html) => {
      if (!closed) pending.set(key, html);
    },
    flush() {
      if (pending.size === 0) return;
      try {
        flush();
        remember();
      } catch {
        // Another thread holds the lock too long: these blocks are simply highlighted again next time.
      }
      pending.clear();
    },
    close: () => {
      closed = true;
      pending.clear();
      db.close();
    },
  };
}
