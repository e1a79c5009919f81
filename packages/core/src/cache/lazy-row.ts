import type { Database } from "bun:sqlite";

/**
 * Makes `key` of `target` produce its value on first read, then hold it as a plain property:
 * the cache's big or rarely needed columns (bodies, body HTML, link facts, dependencies) are
 * read and decoded only for the pages a build actually touches.
 */
export function lazyProperty<T extends object>(target: T, key: keyof T & string, load: () => unknown): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = load();
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true });
      return value;
    },
  });
}

/** The open database of the build in progress, per cache file: lazy rows read from it. */
const sources = new Map<string, Database>();

export function setRowSource(path: string, db: Database): void {
  sources.set(path, db);
}

/** One row of the build's database (`source`: the cache file's path, or the database itself). */
export function readRow(source: string | Database, sql: string, id: string): Record<string, unknown> {
  const db = typeof source === "string" ? sources.get(source) : source;
  const row = db?.query(sql).get(id) as Record<string, unknown> | null | undefined;
  if (!row) throw new Error(`the build cache lost a row of ${id}; run \`bengal build --full\``);
  return row;
}
