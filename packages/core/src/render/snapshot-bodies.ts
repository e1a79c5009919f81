import type { Database } from "bun:sqlite";
import { readRow } from "../cache/lazy-row.ts";
import type { Page } from "../model/page.ts";
import type { SiteIndex } from "../model/site.ts";
import type { RenderSnapshot } from "./snapshot.ts";

/**
 * The snapshot as page workers get it. With a build cache, every source page's body is in
 * its documents table (the parse stage stores them before anything renders), so the
 * snapshot leaves bodies out and workers read the few they need: their own pages' and the
 * excerpts of pages their lists show. At 10,000 pages that is ~60 MB less to serialize,
 * read and hold in every worker, and a rebuild that renders from cached markdown (a layout
 * edit) no longer reads every body from the cache just to send it.
 */
export function withoutBodies(snapshot: RenderSnapshot): RenderSnapshot {
  if (snapshot.cachePath === null) return snapshot;
  const pages = new Map<string, Page>();
  for (const [id, page] of snapshot.index.pages) {
    if (page.sourcePath === null) {
      pages.set(id, page);
      continue;
    }
    // Copied key by key: a cached document's body is a getter that would read it.
    const copy: Record<string, unknown> = {};
    for (const key in page) if (key !== "body") copy[key] = page[key as keyof Page];
    pages.set(id, copy as unknown as Page);
  }
  return { ...snapshot, index: { ...snapshot.index, pages }, bodiesInCache: true };
}

/** Bodies a worker keeps at hand: a page's render reads its own body a few times. */
const RECENT_BODIES = 32;

/**
 * Gives each source page of a `withoutBodies` snapshot its body, read from `db` when asked
 * for. Only the last few are held: a worker that keeps every body its lists touched held all
 * of them by the end (~80 MB each at 10,000 pages); list excerpts are kept by the site view.
 */
export function readBodiesFrom(index: SiteIndex, db: Database): void {
  const recent = new Map<string, string>();
  const read = (source: string): string => {
    let body = recent.get(source);
    if (body !== undefined) {
      recent.delete(source);
    } else {
      body = String(readRow(db, "SELECT body FROM docs WHERE path = ?", source).body);
      if (recent.size >= RECENT_BODIES) recent.delete(recent.keys().next().value!);
    }
    recent.set(source, body);
    return body;
  };
  for (const page of index.pages.values()) {
    const source = page.sourcePath;
    if (source === null || Object.hasOwn(page, "body")) continue;
    Object.defineProperty(page, "body", { configurable: true, enumerable: true, get: () => read(source) });
  }
}
