import type { Host } from "../host/host.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { RenderTarget } from "../model/site.ts";
import { createRenderContext, type PageFacts, type PageGroupResult } from "../render/page-render.ts";
import { createPagePool, pageWorkerCount, usePagePool } from "../render/pool.ts";
import type { RenderSnapshot } from "../render/snapshot.ts";
import type { PooledResult, WorkerOutput, WorkerStore } from "../render/worker-output.ts";

export interface RenderGroup {
  readonly pageId: string;
  readonly targets: readonly RenderTarget[];
  /** Markdown facts still valid from the cache: only the layouts run. */
  readonly facts?: PageFacts;
}

export interface RenderPagesInput {
  readonly host: Host;
  readonly snapshot: RenderSnapshot;
  readonly groups: readonly RenderGroup[];
  readonly parallel: boolean;
  readonly maxWorkers: number | null;
  /**
   * Where pages rendered on workers have their files written by the worker itself (their
   * results then say so in `written`). Without it, all HTML comes back to `onResult`.
   */
  readonly output?: WorkerOutput;
  /**
   * With `output`: workers store their pages' cache rows too (results then say `stored`), so
   * neither the rows' encoding nor the body HTML passes through this process.
   */
  readonly store?: WorkerStore;
  /**
   * Every group's `facts` are its page's row in the cache at `snapshot.cachePath` (the
   * build's plan took them from there): page workers then read them themselves.
   */
  readonly factsInCache?: boolean;
  readonly onItem?: (done: number, total: number) => void;
  /**
   * Takes each page's result as soon as it is rendered (the build writes its files right away)
   * and returns what to keep of it (the build drops the HTML, so memory does not grow with the site).
   */
  readonly onResult?: (result: PooledResult) => Promise<PageGroupResult>;
}

export interface RenderPagesOutput {
  /** In the order of `groups`, whichever thread rendered them. */
  readonly results: readonly PageGroupResult[];
  readonly diagnostics: readonly Diagnostic[];
  readonly workers: number;
}

/** Render targets grouped by page, in index order, so a page's markdown is rendered once for all its pagers. */
export function groupTargets(targets: readonly RenderTarget[]): RenderGroup[] {
  // Per targets list: the dev server carries one index's lists over to the next build.
  const known = grouped.get(targets);
  if (known) return known;
  const groups = new Map<string, RenderTarget[]>();
  for (const t of targets) {
    const list = groups.get(t.pageId);
    if (list) list.push(t);
    else groups.set(t.pageId, [t]);
  }
  const out = [...groups].map(([pageId, list]) => ({ pageId, targets: list }));
  grouped.set(targets, out);
  return out;
}

const BATCH_MAX = 64;

const grouped = new WeakMap<readonly RenderTarget[], RenderGroup[]>();

/**
 * Renders pages inline, or on a pool of workers when there are enough of them; both run the
 * same `renderGroup`, so the bytes are the same either way.
 */
export async function renderPages(input: RenderPagesInput): Promise<RenderPagesOutput> {
  const { groups } = input;
  if (groups.length === 0) return { results: [], diagnostics: [], workers: 0 };
  const targets = groups.reduce((n, g) => n + g.targets.length, 0);
  // Workers can read cached facts themselves only from a cache they can open.
  const byRow = input.factsInCache === true && input.snapshot.cachePath !== null;
  const sized = input.maxWorkers !== null ? targets : poolWork(groups, byRow);
  if (!usePagePool(sized, input.parallel, input.maxWorkers)) {
    const context = await createRenderContext(input.snapshot, input.host);
    try {
      const results: PageGroupResult[] = [];
      for (const group of groups) {
        const result = await context.renderGroup(group.pageId, group.targets, group.facts);
        results.push(input.onResult ? await input.onResult(result) : result);
        input.onItem?.(results.length, groups.length);
      }
      return { results, diagnostics: context.diagnostics, workers: 0 };
    } finally {
      context.close();
    }
  }

  const workers = pageWorkerCount(targets, input.maxWorkers);
  const pool = createPagePool(input.snapshot, workers, input.output ?? null, input.store ?? null);
  try {
    // A few batches per worker balance the load; at most BATCH_MAX targets each, because a
    // batch's results are held by the worker and then copied to this process in one message.
    // Counted in targets, not pages: a site's generated lists (one page, dozens of pagers each)
    // come first, and 64 of them made one batch of 3,500 targets at 10,000 pages.
    const batches = chunkTargets(groups, Math.min(BATCH_MAX, Math.ceil(targets / (workers * 4))));
    let done = 0;
    const parts = await Promise.all(
      batches.map(async (batch) => {
        const sent = byRow
          ? batch.map(({ facts, ...group }) => (facts ? { ...group, cachedFacts: true as const } : group))
          : batch;
        // A result comes back for each group, in order; cached facts come back as the ones held here.
        const rendered = (await pool.run(sent)).map((result, i) => {
          const facts = batch[i]?.facts;
          return facts && byRow ? { ...result, facts } : result;
        });
        const out = input.onResult ? await Promise.all(rendered.map(input.onResult)) : rendered;
        done += out.length;
        input.onItem?.(done, groups.length);
        return out;
      }),
    );
    const context = await layoutDiagnosticsOnly(input);
    return { results: parts.flat(), diagnostics: context, workers };
  } finally {
    await pool.destroy();
  }
}

/**
 * Worth the pool when it reaches `PAGE_POOL_MIN` in pages with markdown: what pays for workers
 * is markdown and highlighting. A page rendered through a layout alone (a generated list, or a
 * page with cached markdown after a layout edit) counts for a fraction of one, measured below;
 * those with cached markdown only when workers can read it from the cache themselves (copied
 * over from here, the copies took as long as the layouts).
 */
export function poolWork(groups: readonly RenderGroup[], factsInCache: boolean): number {
  let work = 0;
  for (const g of groups) {
    if (g.pageId.startsWith("@generated/")) continue;
    if (!g.facts) work += g.targets.length;
    else if (factsInCache) work += g.targets.length * LAYOUT_ONLY_SHARE;
  }
  return work;
}

/** Layout edit: share of a markdown page's work in a page rendered from cached markdown. */
const LAYOUT_ONLY_SHARE = 0.2;

/** Layout load problems are the same in every worker; report them once, from the main thread's view. */
async function layoutDiagnosticsOnly(input: RenderPagesInput): Promise<readonly Diagnostic[]> {
  const { createLayoutEngine } = await import("../render/layouts/engine.ts");
  const engine = await createLayoutEngine({
    host: input.host,
    siteRoot: input.snapshot.root,
    themeDirs: [...input.snapshot.themeDirs],
  });
  return engine.diagnostics;
}

/** Consecutive groups, up to `size` targets a batch (a larger group makes a batch of its own). */
function chunkTargets(groups: readonly RenderGroup[], size: number): RenderGroup[][] {
  const out: RenderGroup[][] = [];
  let batch: RenderGroup[] = [];
  let count = 0;
  for (const group of groups) {
    if (batch.length > 0 && count + group.targets.length > size) {
      out.push(batch);
      batch = [];
      count = 0;
    }
    batch.push(group);
    count += group.targets.length;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}
