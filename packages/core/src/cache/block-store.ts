import type { BlockStore } from "../render/highlight/types.ts";
import { joinCacheDb } from "./db.ts";

/**
 * Highlighted blocks persisted in the cache database. Each render process opens its own
 * connection; new blocks are written in batches by `flush` at the end of a batch. The keys
 * stored when it opens are read once: a block not among them (every block of a first build)
 * costs no query, where a missed lookup took ~20 µs.
 */
export function openBlockStore(path: string): BlockStore & { flush(): void; close(): void } {
  const db = joinCacheDb(path);
  const stored = new Set(
    db
      .query("SELECT key FROM blocks")
      .values()
      .map((row) => row[0] as string),
  );
  const get = db.query("SELECT html FROM blocks WHERE key = ?");
  const put = db.query("INSERT OR IGNORE INTO blocks (key, html) VALUES (?, ?)");
  const pending = new Map<string, string>();
  let closed = false;
  const flush = db.transaction(() => {
    for (const [k, v] of pending) put.run(k, v);
  });
  const remember = () => {
    for (const key of pending.keys()) stored.add(key);
  };
  return {
    get: (key) => {
      if (closed) return undefined;
      const hit = pending.get(key);
      if (hit !== undefined || !stored.has(key)) return hit;
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
