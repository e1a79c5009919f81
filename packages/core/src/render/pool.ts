import { availableParallelism } from "node:os";
import { serialize } from "node:v8";
import Tinypool from "tinypool";
import type { PageGroupResult } from "./page-render.ts";
import type { RenderSnapshot } from "./snapshot.ts";
import type { RenderTask } from "./worker.ts";

/**
 * Below this many pages (render targets), starting workers costs more than it saves: each
 * builds its own highlighter and layouts and warms up the JIT and shiki's regexes (~1.5 s of
 * CPU per thread), and two busy threads share 2 cores with the garbage collector. Measured on an
 * idle 2-core machine after the `u`-flag regexes, the regex table and 64-page batches: two
 * workers against one thread were 1.2x faster at 1,000 pages and 1.35x at 2,000 (at twice the
 * memory), and 1.75x at 10,000. A site that sets `max_workers` gets the pool at any size.
 */
export const PAGE_POOL_MIN = 1000;
const PAGES_PER_WORKER = 500;

/** Workers for `pages` pages: `max_workers` when set, else one per 500 pages up to the cores (and 8). */
export function usePagePool(pages: number, parallel: boolean, maxWorkers: number | null): boolean {
  if (!parallel) return false;
  return maxWorkers !== null ? maxWorkers > 1 && pages > 1 : pages >= PAGE_POOL_MIN;
}

export function pageWorkerCount(pages: number, maxWorkers: number | null): number {
  if (maxWorkers !== null && maxWorkers > 0) return Math.max(1, Math.min(Math.floor(maxWorkers), pages));
  return Math.max(1, Math.min(8, availableParallelism(), Math.ceil(pages / PAGES_PER_WORKER)));
}

export interface PagePool {
  readonly workers: number;
  run(groups: RenderTask["groups"]): Promise<PageGroupResult[]>;
  destroy(): Promise<void>;
}

let builds = 0;

/** A pool whose workers share one serialized snapshot of the site (no copy per task). */
export function createPagePool(snapshot: RenderSnapshot, workers: number): PagePool {
  const bytes = serialize(snapshot);
  const shared = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(shared).set(bytes);
  const buildId = `${process.pid}-${++builds}-${Date.now()}`;
  const pool = new Tinypool({
    filename: new URL("./worker.ts", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  return {
    workers,
    run: (groups) =>
      pool.run({ buildId, snapshot: shared, groups } satisfies RenderTask) as Promise<PageGroupResult[]>,
    destroy: () => pool.destroy(),
  };
}
