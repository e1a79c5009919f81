import type { Deps } from "../render/track/dep-value.ts";

interface KeyEntry {
  /** The value every dependent recorded (a build re-renders all dependents of a key that moved). */
  value: string;
  readonly targets: Set<string>;
  readonly pages: Set<string>;
}

/** Never equal to a computed value: every dependent of the key is checked one by one. */
const MIXED = "\u0000mixed";

/**
 * The render tables turned around: dependency key → the outputs and page facts that recorded it.
 * Planning then computes each distinct key once and visits only the dependents of keys that
 * moved, instead of every dependency of every output (330,000 entries at 10,000 pages). Kept
 * up to date as rows are stored and forgotten, by the process that keeps the tables in memory.
 */
/** Keys whose value comes from one page or one index entry; every other kind is "global". */
const INDEX_SCOPED = /^(?:meta|body|url|src|section|pager):/;

export class KeyIndex {
  private readonly keys = new Map<string, KeyEntry>();
  /** Layouts, assets, files and whole-index keys: few, and not carried over with the index. */
  private readonly global = new Set<string>();

  /**
   * Records a row just stored by a build: its values are current, and every other dependent of
   * a key whose value moved is being rendered again by the same build.
   */
  add(kind: "targets" | "pages", id: string, deps: Deps): void {
    for (const key in deps) {
      const entry = this.entry(key, deps[key]!);
      entry.value = deps[key]!;
      entry[kind].add(id);
    }
  }

  /**
   * Records a row read from the database. A build that stopped half-way leaves rows that
   * recorded different values of one key: such a key stays checked row by row.
   */
  load(kind: "targets" | "pages", id: string, deps: Deps): void {
    for (const key in deps) {
      const entry = this.entry(key, deps[key]!);
      if (entry.value !== deps[key]) entry.value = MIXED;
      entry[kind].add(id);
    }
  }

  private entry(key: string, value: string): KeyEntry {
    let entry = this.keys.get(key);
    if (!entry) {
      entry = { value, targets: new Set(), pages: new Set() };
      this.keys.set(key, entry);
      if (!INDEX_SCOPED.test(key)) this.global.add(key);
    }
    return entry;
  }

  remove(kind: "targets" | "pages", id: string, deps: Deps): void {
    for (const key in deps) {
      const entry = this.keys.get(key);
      if (!entry) continue;
      entry[kind].delete(id);
      if (entry.targets.size === 0 && entry.pages.size === 0) {
        this.keys.delete(key);
        this.global.delete(key);
      }
    }
  }

  /**
   * Outputs and pages with at least one recorded key whose value is different now. With
   * `replaced` (the index was carried over with only these pages' bodies swapped, so every
   * other index object is the one the values were recorded from), only those pages' keys and
   * the global keys can have moved.
   */
  stale(
    value: (key: string) => string,
    replaced?: readonly string[],
  ): { targets: Set<string>; pages: Set<string> } {
    const targets = new Set<string>();
    const pages = new Set<string>();
    const visit = (key: string, entry: KeyEntry | undefined) => {
      if (entry === undefined || value(key) === entry.value) return;
      for (const t of entry.targets) targets.add(t);
      for (const p of entry.pages) pages.add(p);
    };
    if (replaced) {
      for (const id of replaced)
        for (const key of [`meta:${id}`, `body:${id}`]) visit(key, this.keys.get(key));
      for (const key of this.global) visit(key, this.keys.get(key));
    } else {
      for (const [key, entry] of this.keys) visit(key, entry);
    }
    return { targets, pages };
  }
}
