import { availableParallelism } from "node:os";
import { serialize } from "node:v8";
import Tinypool from "tinypool";
import type { PageGroupResult } from "./page-render.ts";
import type { RenderSnapshot } from "./snapshot.ts";
import type { RenderTask } from "./worker.ts";

/** Below this many pages, starting workers (each builds its own highlighter and layouts) costs more than it saves. */
export const PAGE_POOL_MIN = 100;
const PAGES_PER_WORKER = 100;

/** Workers for `pages` pages: `max_workers` when set, else one per 100 pages up to the cores (and 8). */
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
