import type { Database } from "bun:sqlite";
import { type Deps, fromIndexShape, INDEX_SHAPE_KEYS, INDEX_SHAPE_KINDS } from "../render/track/dep-value.ts";
import type { PooledResult } from "../render/worker-output.ts";
import { readMeta, writeMeta } from "./db.ts";
import type { RenderRows } from "./render-cache.ts";

/**
 * The value the stored render rows recorded for each dependency key, one table row a key.
 *
 * A new process (`bengal build`) would otherwise parse every row's dependencies (~450,000
 * entries at 10,000 pages) and compare each with its current value just to learn that one
 * page's body moved. With this table it computes each key's value once, keeps the few that
 * moved, and looks only at rows whose stored dependency text names one of them.
 *
 * Sound only while every stored row recorded exactly these values: the table is marked valid
 * (`meta.keyvals`) in the transaction that writes it, and the mark is removed before a build
 * stores any row, so rows written by a build that then stopped half-way never meet a stale table.
 * Only `bengal build` keeps it; the dev server indexes its rows in memory (`key-index.ts`).
 */
const META = "keyvals";
const VALID = "valid";
/** The content's shape sum (`ReadResult.shape`) when the table was written, beside the mark. */
const SHAPE = "keyvals-shape";

/** Never equal to a computed value: rows disagreed, so every dependent is checked. */
const MIXED = "\u0000mixed";

/** Above this many moved keys, scanning every row's text once per key costs more than parsing. */
const MAX_MOVED = 16;

export interface KnownValues {
  /**
   * Key → recorded value. With `sameShape`, only the keys that can have moved: those not read
   * from the index's shape, and any the rows disagreed on.
   */
  readonly values: ReadonlyMap<string, string>;
  /** The content has the shape (`ReadResult.shape`) it had when the values were recorded. */
  readonly sameShape: boolean;
}

/** Keys not read from the index's shape alone, or that rows disagreed on (`?1`: MIXED). */
const MAY_MOVE = `SELECT key, value FROM keyvals WHERE value = ?1 OR NOT (${[
  ...INDEX_SHAPE_KINDS.map((kind) => `substr(key, 1, ${kind.length + 1}) = '${kind}:'`),
  `key IN (${INDEX_SHAPE_KEYS.map((key) => `'${key}'`).join(", ")})`,
].join(" OR ")})`;

/**
 * The table, when valid. `shape` is this build's content shape sum: when the table was recorded
 * from the same, the keys read from the index's shape cannot have moved and are not read
 * (~40,000 of them at 10,000 pages).
 */
export function readKeyValues(db: Database, shape: string | null): KnownValues | null {
  if (readMeta(db, META) !== VALID) return null;
  const sameShape = shape !== null && readMeta(db, SHAPE) === shape;
  const rows = sameShape
    ? db.query(MAY_MOVE).values(MIXED)
    : db.query("SELECT key, value FROM keyvals").values();
  return { values: new Map(rows as [string, string][]), sameShape };
}

/** Marks the table unusable until the build in progress records it again. */
export function invalidateKeyValues(db: Database): void {
  db.query("DELETE FROM meta WHERE key = ?").run(META);
}

/**
 * The keys whose value is different now (the current value computed once per key), or null
 * when more moved than a text scan can handle: the plan then checks every row.
 *
 * `sameShape`: the content has the shape it had when the table was written, so the index is
 * the same but for bodies and keys read from its shape alone cannot have moved. At 10,000 pages
 * that spares hashing every page's front matter (~90 ms) for a prose edit.
 */
export function movedKeys(
  known: ReadonlyMap<string, string>,
  value: (key: string) => string,
  sameShape = false,
): string[] | null {
  // With the same shape the table read only keys that may move; this also skips the others.
  const moved: string[] = [];
  for (const [key, recorded] of known) {
    if (sameShape && recorded !== MIXED && fromIndexShape(key)) continue;
    if (value(key) === recorded) continue;
    moved.push(key);
    if (moved.length > MAX_MOVED) return null;
  }
  return moved;
}

/** Whether a row's stored dependency JSON names one of `keys` (exactly as `JSON.stringify` writes it). */
export function mentionsAny(keys: readonly string[]): (rawDeps: string) => boolean {
  const needles = keys.map((k) => `${JSON.stringify(k)}:`);
  return (raw) => {
    for (const n of needles) if (raw.includes(n)) return true;
    return false;
  };
}

/**
 * Brings the table up to date at the end of a build, once its rows are stored. `known` is the table
 * this build planned with: only moved keys and keys of rendered rows change then. Without it
 * the table is written again from every live row (`rows`: unchanged rows and rendered ones).
 */
export function recordKeyValues(
  db: Database,
  shape: string | null,
  update:
    | {
        readonly known: ReadonlyMap<string, string>;
        readonly moved: readonly string[];
        readonly value: (key: string) => string;
        readonly rendered: Iterable<Deps>;
      }
    | { readonly known: null; readonly rows: Iterable<Deps> },
): void {
  const put = db.query("INSERT OR REPLACE INTO keyvals (key, value) VALUES (?, ?)");
  if (update.known) {
    // Every row that names a moved key was compared key by key, so each live row now holds
    // the current value of a moved key; rendered rows add the keys they are first to name.
    const { known, moved, value, rendered } = update;
    const changes = new Map<string, string>();
    for (const key of moved) changes.set(key, value(key));
    for (const deps of rendered)
      for (const key in deps) {
        const now = changes.get(key) ?? known.get(key);
        if (now !== deps[key]) changes.set(key, now === undefined ? deps[key]! : MIXED);
      }
    db.transaction(() => {
      for (const [key, v] of changes) put.run(key, v);
      markValid(db, shape);
    })();
    return;
  }
  const all = new Map<string, string>();
  for (const deps of update.rows) mergeDeps(all, deps);
  db.transaction(() => {
    db.exec("DELETE FROM keyvals");
    for (const [key, v] of all) put.run(key, v);
    markValid(db, shape);
  })();
}

/**
 * Adds a row's dependencies to `into`: a key rows disagree on becomes MIXED. Merging merged
 * lists gives what merging their rows does, so a page worker can send one list per batch.
 */
export function mergeDeps(into: Map<string, string>, deps: Deps): void {
  for (const key in deps) {
    const was = into.get(key);
    if (was !== deps[key]) into.set(key, was === undefined ? deps[key]! : MIXED);
  }
}

function markValid(db: Database, shape: string | null): void {
  writeMeta(db, META, VALID);
  if (shape === null) db.query("DELETE FROM meta WHERE key = ?").run(SHAPE);
  else writeMeta(db, SHAPE, shape);
}

/**
 * Records the table for the rows a build leaves behind. With `known` (the plan used it) only
 * moved keys and rendered rows' keys are written; otherwise every live row's dependencies are:
 * the loaded rows that were not rendered again, and the rendered ones.
 */
export function recordBuildKeyValues(
  db: Database,
  shape: string | null,
  known: ReadonlyMap<string, string> | null,
  plan: { readonly moved: readonly string[] | null; readonly value: ((key: string) => string) | null },
  rows: RenderRows,
  rendered: readonly PooledResult[],
): void {
  const renderedDeps = function* () {
    for (const group of rendered) {
      // A worker that stored its rows sent their dependencies merged, once per batch.
      if (group.stored) {
        if (group.batchDeps) yield group.batchDeps;
        continue;
      }
      if (group.facts) yield group.facts.deps;
      for (const t of group.targets) yield t.deps;
    }
  };
  if (known && plan.moved && plan.value) {
    recordKeyValues(db, shape, { known, moved: plan.moved, value: plan.value, rendered: renderedDeps() });
    return;
  }
  const pages = new Set<string>();
  const outputs = new Set<string>();
  for (const group of rendered) {
    if (group.facts) pages.add(group.pageId);
    for (const t of group.targets) outputs.add(t.outputPath);
  }
  const live = function* () {
    for (const [id, row] of rows.facts) if (!pages.has(id)) yield row.deps;
    for (const [path, row] of rows.targets) if (!outputs.has(path)) yield row.deps;
    yield* renderedDeps();
  };
  recordKeyValues(db, shape, { known: null, rows: live() });
}
