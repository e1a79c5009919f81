import { rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { decodeResults } from "./result-codec.ts";
import type { RenderSnapshot } from "./snapshot.ts";
import { withoutBodies } from "./snapshot-bodies.ts";
import type { RenderTask, WorkerMessage } from "./worker.ts";
import type { PooledResult, WorkerOutput, WorkerStore } from "./worker-output.ts";

/**
 * Below this many pages (render targets with markdown), starting workers costs more than it
 * saves: each worker process loads the modules, builds its own highlighter and layouts, and
 * warms up the JIT and shiki's regexes (its first ~100 pages cost 2-3x the CPU of later ones).
 * Cold builds of generated sites on an idle 2-core machine, wall time of two workers against
 * this thread alone (medians of 5-6): 200 pages +10%, 300 +5%, 500 -11%, 750 -14%, 1,000 -14%,
 * for 6-8% more CPU in all (the workers' warm-ups; they run without the FTL tier, see below).
 * At least 250 pages a worker, so a pooled build has two. A site that sets `max_workers` gets
 * the pool at any size.
 */
export const PAGE_POOL_MIN = 500;
/** How long a worker has to exit by itself once the pool closes. */
const EXIT_GRACE_MS = 2000;
const PAGES_PER_WORKER = 250;

/** Workers for `pages` pages: `max_workers` when set, else one per 250 pages up to the cores (and 8). */
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
  run(groups: RenderTask["groups"]): Promise<PooledResult[]>;
  destroy(): Promise<void>;
}

interface Task {
  readonly id: number;
  readonly groups: RenderTask["groups"];
  resolve(results: PooledResult[]): void;
  reject(error: Error): void;
}

interface PoolWorker {
  readonly process: Bun.Subprocess;
  task: Task | null;
  /** Has answered once, so has read the snapshot. */
  answered: boolean;
}

let builds = 0;

/**
 * Workers are processes rather than threads so that they can run without JavaScriptCore's
 * optimizing FTL tier, a setting of the whole process: its compiles run on JIT threads that
 * take the CPU from the pages when every core renders. At 2,000 pages the two workers' JIT
 * threads used 2.7 s of CPU with FTL and 0.7 s without, for the same rendering time (9.5 s of
 * CPU in all against 11.9 s); at 10,000 pages (7,300 a worker) a cold build took 5% less time
 * and CPU without it (A/B, 3 pairs, 0.94-0.97). `BUN_JSC_useFTLJIT` set by the user wins. The
 * site's snapshot is written once to a file that each worker reads; when `output` is given the
 * workers write the pages' files.
 */
export function createPagePool(
  snapshot: RenderSnapshot,
  workers: number,
  output: WorkerOutput | null,
  store: WorkerStore | null = null,
): PagePool {
  const buildId = `${process.pid}-${++builds}-${Date.now()}`;
  const snapshotPath = join(tmpdir(), `bengal-render-${buildId}.bin`);
  const entry = new URL("./worker.ts", import.meta.url).pathname;
  const env = { ...process.env, BUN_JSC_useFTLJIT: process.env.BUN_JSC_useFTLJIT ?? "false" };
  const queue: Task[] = [];
  const pool: PoolWorker[] = [];
  let nextId = 0;
  let closed = false;
  let failure: Error | null = null;

  const dispatch = (worker: PoolWorker) => {
    const task = queue.shift() ?? null;
    worker.task = task;
    if (task) {
      const message: RenderTask = { buildId, snapshotPath, output, store, groups: task.groups };
      worker.process.send({ id: task.id, bytes: serialize(message) } satisfies WorkerMessage);
    }
  };
  const failAll = (error: Error) => {
    for (const worker of pool) {
      worker.task?.reject(error);
      worker.task = null;
    }
    for (const task of queue.splice(0)) task.reject(error);
  };

  for (let i = 0; i < workers; i++) {
    const worker: PoolWorker = {
      process: Bun.spawn([process.execPath, entry], {
        env,
        serialization: "advanced",
        stdio: ["ignore", "inherit", "inherit"],
        ipc(reply: WorkerMessage) {
          const task = worker.task;
          if (!task || task.id !== reply.id) return;
          if (!worker.answered) {
            worker.answered = true;
            // Every worker has read the snapshot: the file is not left behind if the build dies.
            if (pool.every((w) => w.answered)) rmSync(snapshotPath, { force: true });
          }
          // The next batch goes out before this one is taken in: the worker never waits on us.
          dispatch(worker);
          if (reply.results !== undefined) task.resolve(decodeResults(reply.results));
          else task.reject(new Error(reply.error ?? "a page worker failed"));
        },
        onExit(_process, code, signal) {
          // The build cannot finish without its pages: everything still waiting fails with it.
          if (closed) return;
          failure ??= new Error(`a page worker exited (${signal ?? code})`);
          failAll(failure);
        },
      }),
      task: null,
      answered: false,
    };
    pool.push(worker);
  }

  // Written while the workers start up (their modules load in the meantime).
  try {
    writeFileSync(snapshotPath, serialize(withoutBodies(snapshot)));
  } catch (error) {
    closed = true;
    for (const worker of pool) worker.process.kill();
    throw error;
  }

  return {
    workers,
    run: (groups) =>
      new Promise<PooledResult[]>((resolve, reject) => {
        if (closed || failure) return reject(failure ?? new Error("the page pool is closed"));
        queue.push({ id: nextId++, groups, resolve, reject });
        const idle = pool.find((w) => w.task === null);
        if (idle) dispatch(idle);
      }),
    async destroy() {
      closed = true;
      failAll(new Error("the page pool is closed"));
      // Closing the channel ends a worker by itself (`worker.ts`), as a normal exit: its cache
      // connections close cleanly and a profiler it runs under (`BUN_OPTIONS=--cpu-prof`, how
      // the benchmark profiles a page worker) writes its profile. One that lingers is killed.
      for (const worker of pool) worker.process.disconnect();
      const lingering = setTimeout(() => {
        for (const worker of pool) worker.process.kill();
      }, EXIT_GRACE_MS);
      await Promise.all(pool.map((w) => w.process.exited));
      clearTimeout(lingering);
      rmSync(snapshotPath, { force: true });
    },
  };
}
