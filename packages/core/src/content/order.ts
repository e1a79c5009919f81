import type { Page } from "../model/page.ts";

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Site order for lists: newest first (undated last), then weight ascending, then title,
 * with the id as the final tie-break so equal pages never swap between builds.
 */
export function comparePages(a: Page, b: Page): number {
  const da = a.date?.getTime();
  const db = b.date?.getTime();
  if (da !== db) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    return db - da;
  }
  if (a.weight !== b.weight) return a.weight - b.weight;
  return compareText(a.title, b.title) || compareText(a.id, b.id);
}

export function sortIdsBySiteOrder(ids: Iterable<string>, pages: ReadonlyMap<string, Page>): string[] {
  const list: Page[] = [];
  for (const id of ids) {
    const p = pages.get(id);
    if (p) list.push(p);
  }
  return list.sort(comparePages).map((p) => p.id);
}

/** A map whose iteration order is its keys sorted, for deterministic output. */
export function sortedMap<V>(entries: Iterable<readonly [string, V]>): Map<string, V> {
  return new Map([...entries].sort((x, y) => compareText(x[0], y[0])));
}

export { compareText };
