/**
 * Parsed copies of cache tables that a long-lived process (the dev server) keeps between
 * builds instead of reading and deserializing them again. A copy is used only while the
 * database's generation (rewritten by every build that seals it) is the one this process
 * sealed last: another process building the same site in between makes it stale.
 */
const mirrors = new Map<string, Map<string, { generation: string | null; value: unknown }>>();

export function mirrored<T>(dbPath: string, table: string, generation: string | null): T | null {
  const kept = mirrors.get(dbPath)?.get(table);
  if (!kept || generation === null || kept.generation !== generation) return null;
  return kept.value as T;
}

/** Keeps `value` for `table`; it becomes usable once the build seals the database. */
export function keepMirror(dbPath: string, table: string, value: unknown): void {
  let tables = mirrors.get(dbPath);
  if (!tables) {
    tables = new Map();
    mirrors.set(dbPath, tables);
  }
  tables.set(table, { generation: null, value });
}

export function dropMirror(dbPath: string, table: string): void {
  mirrors.get(dbPath)?.delete(table);
}

/** The build sealed the database as `generation`: what it kept this time is now valid. */
export function sealMirrors(dbPath: string, generation: string): void {
  for (const kept of mirrors.get(dbPath)?.values() ?? []) kept.generation = generation;
}
