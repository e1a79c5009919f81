import { type Range, ZERO_RANGE } from "../model/range.ts";

/** A path into parsed data: table keys and array indexes (`["menu", "main", 0, "name"]`). */
export type KeyPath = readonly (string | number)[];

/** Where keys and values of a parsed TOML/YAML text were written, in that text's coordinates. */
export interface SourceLocator {
  /** Range of the value at `path`, or null when the path was not written as such. */
  value(path: KeyPath): Range | null;
  /** Range of the key naming `path` (for array items: the item itself). */
  key(path: KeyPath): Range | null;
}

export function pathId(path: KeyPath): string {
  return JSON.stringify(path);
}

/**
 * The value range of `path`, else the key range of the nearest ancestor that was written,
 * so a problem inside an implicit table still points somewhere useful.
 */
export function nearestValueRange(locator: SourceLocator, path: KeyPath): Range {
  const exact = locator.value(path);
  if (exact) return exact;
  for (let n = path.length - 1; n > 0; n--) {
    const r = locator.key(path.slice(0, n));
    if (r) return r;
  }
  return ZERO_RANGE;
}

export function nearestKeyRange(locator: SourceLocator, path: KeyPath): Range {
  return locator.key(path) ?? nearestValueRange(locator, path);
}
