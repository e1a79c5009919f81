import { availableParallelism } from "node:os";
import { serialize } from "node:v8";
import Tinypool from "tinypool";
import type { PageGroupResult } from "./page-render.ts";
import type { RenderSnapshot } from "./snapshot.ts";
import type { RenderTask } from "./worker.ts";

/**
 * Below this many pages (render targets), starting workers costs more than it saves: each
 * builds its own highlighter and layouts and warms up the JIT and shiki's regexes, and two busy
 * threads share 2 cores with the garbage collector. A cold 1,000-page build costs the pool ~2 s
 * more CPU than one thread (~2.8 s before the `u`-flag regexes and the regex table). Measured
 * with `bench/`: on 2 cores the pool lost at 1,000 pages and won 1.4x at 6,000; re-measured on a
 * shared machine it did not win at 2,000 either, so the threshold stays. A site that sets
 * `max_workers` gets the pool at any size.
 */
export const PAGE_POOL_MIN = 2000;
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
