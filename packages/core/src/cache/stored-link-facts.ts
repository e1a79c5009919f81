import type { Database } from "bun:sqlite";
import type { HtmlFacts } from "../links/html-links.ts";
import type { PooledResult } from "../render/worker-output.ts";
import type { LazyMap } from "./lazy-map.ts";
import { readRow } from "./lazy-row.ts";
import { decodeHtmlFacts } from "./row-codec.ts";

/** One output's link facts, read from its row of the build's cache (`path`). */
export function storedHtmlFacts(path: string, outputPath: string): HtmlFacts {
  const row = readRow(path, "SELECT html_facts FROM targets WHERE output_path = ?", outputPath);
  return decodeHtmlFacts(String(row.html_facts));
}

/**
 * Reads the link facts of the outputs page workers stored (`storedResult`) into `into` now, in
 * one pass over the targets table, when the link check is about to check a good part of it
 * (`due` outputs): a row at a time cost ~4x the pass at 10,000 pages (~220 ms against ~50).
 * Otherwise `into` reads each when asked (`collectPages`); a check that finds its recorded
 * results still good (a layout edit that changed no link) reads none.
 */
export function readStoredLinkFacts(
  results: readonly PooledResult[],
  db: Database,
  into: LazyMap<string, HtmlFacts>,
  due: number,
): void {
  const pending = new Set<string>();
  for (const result of results) {
    if (!result.stored) continue;
    // Those read already (a second check after a damaged memory) are not read again.
    for (const t of result.targets)
      if (t.html !== null && into.isPending(t.outputPath)) pending.add(t.outputPath);
  }
  if (pending.size === 0) return;
  const rows = (db.query("SELECT count(*) AS n FROM targets").get() as { n: number }).n;
  if (Math.min(pending.size, due) * 4 < rows) return;
  for (const row of db.query("SELECT output_path, html_facts FROM targets").iterate() as Iterable<{
    output_path: string;
    html_facts: string;
  }>) {
    if (pending.has(row.output_path)) into.set(row.output_path, decodeHtmlFacts(row.html_facts));
  }
}
