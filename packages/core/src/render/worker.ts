import type { Database } from "bun:sqlite";
import { readFileSync } from "node:fs";
import { deserialize } from "node:v8";
import { readCachedFacts } from "../cache/cached-facts.ts";
import { joinCacheDb } from "../cache/db.ts";
import { mergeDeps } from "../cache/key-values.ts";
import { storeResults } from "../cache/render-cache.ts";
import { createBunHost } from "../host/bun-host.ts";
import type { Host } from "../host/host.ts";
import type { RenderTarget } from "../model/site.ts";
import { EMPTY_MANIFEST, type OutputManifest, readManifest } from "../write/manifest.ts";
import { createRenderContext, type PageFacts, type RenderContext } from "./page-render.ts";
import { encodeResults } from "./result-codec.ts";
import type { RenderSnapshot } from "./snapshot.ts";
import { readBodiesFrom } from "./snapshot-bodies.ts";
import {
  type PooledResult,
  storedResult,
  type WorkerOutput,
  type WorkerStore,
  writePageFiles,
} from "./worker-output.ts";

export interface RenderTask {
  /** Identifies the build; a worker keeps its engines for the build it last served. */
  readonly buildId: string;
  /** A file holding `v8.serialize(RenderSnapshot)`, written once for all the workers. */
  readonly snapshotPath: string;
  /** Where the worker writes the pages' files itself; null: their HTML goes back instead. */
  readonly output: WorkerOutput | null;
  /** With `output`: the worker stores the pages' cache rows too (a build that keeps none in memory). */
  readonly store: WorkerStore | null;
  readonly groups: ReadonlyArray<{
    pageId: string;
    targets: readonly RenderTarget[];
    facts?: PageFacts;
    /**
     * The page renders from its cached markdown facts, which the worker reads from the cache
     * (`readCachedFacts`). Its result then comes back with `facts: null`: the build holds them.
     */
    cachedFacts?: true;
  }>;
}

/**
 * Messages carry one value each way, never an object tree: Bun's IPC walks every object of a
 * message looking for buffers, which cost ~8 ms of the worker's CPU per MB of results. A task
 * goes as `v8.serialize`d bytes (its targets and pagers), results as JSON text (`result-codec.ts`).
 */
export interface WorkerMessage {
  readonly id: number;
  /** The task (`RenderTask`). */
  readonly bytes?: Uint8Array;
  /** The results (`encodeResults`). */
  readonly results?: string;
  /** Why the task failed, with the worker's stack. */
  readonly error?: string;
}

let current: {
  buildId: string;
  host: Host;
  context: Promise<RenderContext>;
  /** What the last build wrote to the output folder, read once per build. */
  previous: Promise<OutputManifest>;
  db?: Database | null;
} | null = null;

/** The build's cache database, opened once per build; null when it cannot be (the build stores instead). */
function storeDb(path: string): Database | null {
  if (current && current.db === undefined) {
    try {
      current.db = joinCacheDb(path);
    } catch {
      current.db = null;
    }
  }
  return current?.db ?? null;
}

/** Renders a batch of pages with engines built once per worker and build. */
export async function renderBatch(task: RenderTask): Promise<PooledResult[]> {
  if (current?.buildId !== task.buildId) {
    const previous = current?.context;
    previous?.then((c) => c.close()).catch(() => undefined);
    current?.db?.close();
    const snapshot = deserialize(readFileSync(task.snapshotPath)) as RenderSnapshot;
    const host = createBunHost();
    // Without the bodies, the build cannot go on: a failure here fails the batch, and the build.
    const db = snapshot.bodiesInCache && snapshot.cachePath ? joinCacheDb(snapshot.cachePath) : undefined;
    if (db) readBodiesFrom(snapshot.index, db);
    current = {
      buildId: task.buildId,
      host,
      context: createRenderContext(snapshot, host, { encoded: true }),
      previous: task.output ? readManifest(host, task.output.manifestPath) : Promise.resolve(EMPTY_MANIFEST),
      ...(db ? { db } : {}),
    };
  }
  const { host } = current;
  const context = await current.context;
  const previous = await current.previous;
  const out: PooledResult[] = [];
  // The batch's dependencies, merged; those of cached facts are added as they are read.
  const merged = new Map<string, string>();
  for (const group of task.groups) {
    let facts = group.facts;
    if (group.cachedFacts) {
      if (!current.db) throw new Error("a page worker was sent cached facts without the build's cache");
      facts = readCachedFacts(current.db, group.pageId);
      mergeDeps(merged, facts.deps);
    }
    let result = await context.renderGroup(group.pageId, group.targets, facts);
    // Already in the cache, and held by the build: neither stored again nor sent back.
    if (group.cachedFacts) result = { ...result, facts: null };
    out.push(task.output === null ? result : await writePageFiles(host, task.output.dir, previous, result));
  }
  // The pool may end this process after the last batch: its new blocks are stored now.
  context.flush();
  const db = task.output !== null && task.store ? storeDb(task.store.cachePath) : null;
  if (!db || !task.store) return out;
  // Recorded after the files are on disk, as the build does it; if this fails the build stores them.
  try {
    storeResults(db, out, { facts: new Map(), targets: new Map(), keys: null });
  } catch {
    return out;
  }
  for (const result of out) {
    if (result.facts) mergeDeps(merged, result.facts.deps);
    for (const t of result.targets) mergeDeps(merged, t.deps);
  }
  const keepBody = task.store.keepBody;
  const stored = out.map((result) => storedResult(result, keepBody));
  const last = stored.length - 1;
  if (last >= 0) stored[last] = { ...stored[last]!, batchDeps: Object.fromEntries(merged) };
  return stored;
}

/** Batches between full collections in a worker (see below). */
const FULL_GC_EVERY = 16;

if (import.meta.main && process.send) {
  // Batches are rendered one at a time, in the order they come.
  let chain = Promise.resolve();
  let batches = 0;
  process.on("message", (message: WorkerMessage) => {
    chain = chain.then(async () => {
      let reply: WorkerMessage;
      try {
        const results = await renderBatch(deserialize(message.bytes!) as RenderTask);
        reply = { id: message.id, results: encodeResults(results) };
        // The engine counts much of a batch's garbage (strings outside its heap) too late: at
        // 10,000 pages each worker held ~600 MB; asking for a collection every other batch
        // keeps it near 480 MB (every batch: ~450 MB, but ~1% slower at 1,000 pages). A full
        // collection every 32nd batch (the first after ~2,000 pages a worker) brought the
        // summed peak of the build's processes at 10,000 pages from ~1.33-1.41 to ~1.15-1.18 GB
        // for no measurable time (A/B wall 0.99-1.01). Every 16th cost ~3.6% then; with the
        // highlighter's caches cut to what pays (~50 MB less to mark each time) it costs
        // nothing measurable (A/B wall 1.00, 5 pairs) and keeps each worker ~40 MB lower.
        batches++;
        if (batches % 2 === 0) Bun.gc(batches % FULL_GC_EVERY === 0);
      } catch (error) {
        reply = { id: message.id, error: (error as Error)?.stack ?? String(error) };
      }
      process.send?.(reply);
    });
  });
  // Without the build process there is no one to render for.
  process.on("disconnect", () => process.exit(0));
}
