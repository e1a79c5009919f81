import type { BatchTask, JobResult } from "./jobs/types.ts";

export interface AssetPool {
  readonly workers: number;
  run(task: BatchTask): Promise<JobResult[]>;
  destroy(): Promise<void>;
}

/** `min(8, ceil(n/4))` workers for `n` jobs, unless the site sets `max_workers`. */
export function workerCount(jobs: number, maxWorkers: number | null): number {
  const wanted =
    maxWorkers !== null && maxWorkers > 0 ? Math.floor(maxWorkers) : Math.min(8, Math.ceil(jobs / 4));
  return Math.max(1, Math.min(wanted, jobs));
}

/**
 * A fixed-size pool running `worker.ts` (Bun loads the TypeScript worker directly). All
 * threads start at once so the count is what the build asked for. tinypool is loaded only
 * when a pool is made (~15 ms a build with few assets never needs).
 */
export async function createAssetPool(workers: number): Promise<AssetPool> {
  const { default: Tinypool } = await import("tinypool");
  const pool = new Tinypool({
    filename: new URL("./worker.ts", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  return {
    workers,
    run: (task) => pool.run(task) as Promise<JobResult[]>,
    destroy: () => pool.destroy(),
  };
}
