import { baseurlPath } from "../content/urls.ts";
import { diagnostic } from "../diagnostics/create.ts";
import type { Host } from "../host/host.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { OutputFile } from "../model/output.ts";
import type { JobMemo } from "./job-memo.ts";
import { displayPath } from "./jobs/display.ts";
import { runBatch } from "./jobs/run.ts";
import type { AssetJob, CssContext, JobOptions, JobResult, ReadBytes } from "./jobs/types.ts";
import { assetKind } from "./kind.ts";
import { type AssetPool, createAssetPool, workerCount } from "./pool.ts";

/** Below this many assets a pool costs more to start than it saves. */
export const MIN_ASSETS_FOR_POOL = 5;
/** Batches per worker: enough to even out uneven jobs, few enough that messaging stays cheap. */
const BATCHES_PER_WORKER = 2;

export interface AssetOptions {
  readonly minify: boolean;
  readonly fingerprint: boolean;
  readonly optimize: boolean;
  readonly parallel: boolean;
  readonly maxWorkers: number | null;
  readonly baseurl: string;
}

export interface ProcessAssetsInput {
  readonly host: Host;
  readonly siteRoot: string;
  readonly assets: readonly { rel: string; source: string; origin?: "theme" | "site" }[];
  readonly statics: readonly { rel: string; source: string }[];
  readonly options: AssetOptions;
  /** Results of earlier builds of this process, reused per job when nothing it reads changed. */
  readonly memo?: JobMemo;
}

export interface ProcessedAssets {
  /** Processed assets under `assets/`, static files at the root, and `asset-manifest.json`; sorted. */
  readonly files: OutputFile[];
  /** Asset rel → output path (`css/style.css` → `assets/css/style.3f9a1c2b.css`), sorted keys. */
  readonly manifest: Record<string, string>;
  /** Asset rel → URL with the baseurl's path prefix; an unknown rel gets its unhashed URL. */
  urlFor(rel: string): string;
  readonly diagnostics: Diagnostic[];
  /** Pool size used; 0 when the jobs ran inline. */
  readonly workers: number;
}

/**
 * Non-CSS assets run first so that stylesheets can point `url()`s at their final names; then
 * the stylesheets. The same job functions run inline (few assets or `parallel = false`) or in
 * the worker pool, so both give the same bytes.
 */
export async function processAssets(input: ProcessAssetsInput): Promise<ProcessedAssets> {
  const { host, siteRoot, options } = input;
  const jobOptions: JobOptions = {
    minify: options.minify,
    fingerprint: options.fingerprint,
    optimize: options.optimize,
  };
  const jobs: AssetJob[] = [...input.assets]
    .sort((a, b) => compare(a.rel, b.rel))
    .map((a) => ({
      rel: a.rel,
      source: a.source,
      file: displayPath(siteRoot, a.source),
      kind: assetKind(a.rel),
      options: jobOptions,
    }));
  const { memo } = input;
  // With a memo only the jobs whose inputs moved run, so the pool is sized for those.
  const toRun = memo ? jobs.filter((j) => j.kind === "css" || !memo.get(j, null)) : jobs;
  const pooled = options.parallel && toRun.length >= MIN_ASSETS_FOR_POOL;
  const pool = pooled ? await createAssetPool(workerCount(toRun.length, options.maxWorkers)) : null;
  const read: ReadBytes = (path) => host.readBytes(path);
  const runAll = (list: AssetJob[], context: CssContext | null): Promise<JobResult[]> =>
    pool ? runPooled(pool, list, context) : runBatch({ jobs: list, context }, read);
  const run = async (list: AssetJob[], context: CssContext | null): Promise<JobResult[]> => {
    if (!memo) return runAll(list, context);
    const hits = list.map((j) => memo.get(j, context));
    const misses = list.filter((_, i) => hits[i] === undefined);
    if (misses.length === 0) return hits as JobResult[];
    // One at a time and inline, so the files each job reads (a stylesheet's imports) are known.
    const fresh = new Map<AssetJob, JobResult>();
    if (pool && !context) {
      const results = await runPooled(pool, misses, context);
      misses.forEach((job, i) => {
        fresh.set(job, results[i]!);
        memo.set(job, context, results[i]!, []);
      });
    } else {
      for (const job of misses) {
        const reads = new Set<string>();
        const [result] = await runBatch({ jobs: [job], context }, (path) => {
          reads.add(path);
          return host.readBytes(path);
        });
        fresh.set(job, result!);
        memo.set(job, context, result!, reads);
      }
    }
    return list.map((job, i) => hits[i] ?? fresh.get(job)!);
  };

  try {
    const statics = readStatics(host, siteRoot, input.statics);
    const first = await run(
      jobs.filter((j) => j.kind !== "css"),
      null,
    );
    const outputs: Record<string, string> = {};
    for (const r of first) if (r.out !== null) outputs[r.rel] = r.out;
    const context: CssContext = {
      siteRoot,
      sources: Object.fromEntries(jobs.map((j) => [j.rel, j.source])),
      outputs,
    };
    const stylesheets = jobs.filter((j) => j.kind === "css");
    const second = stylesheets.length > 0 ? await run(stylesheets, context) : [];
    return finish([...first, ...second], await statics, options.baseurl, pool?.workers ?? 0);
  } finally {
    memo?.settle();
    await pool?.destroy();
  }
}

async function runPooled(
  pool: AssetPool,
  jobs: AssetJob[],
  context: CssContext | null,
): Promise<JobResult[]> {
  const count = Math.min(jobs.length, pool.workers * BATCHES_PER_WORKER);
  const size = Math.ceil(jobs.length / Math.max(1, count));
  const batches: AssetJob[][] = [];
  for (let i = 0; i < jobs.length; i += size) batches.push(jobs.slice(i, i + size));
  const results = await Promise.all(batches.map((batch) => pool.run({ jobs: batch, context })));
  return results.flat();
}

async function readStatics(
  host: Host,
  siteRoot: string,
  statics: readonly { rel: string; source: string }[],
): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const files = await Promise.all(
    statics.map(async (s): Promise<OutputFile | null> => {
      try {
        return { path: s.rel, content: await host.readBytes(s.source) };
      } catch (error) {
        const file = displayPath(siteRoot, s.source);
        diagnostics.push(
          diagnostic("asset.failed", { file, message: `cannot read ${s.rel}: ${(error as Error).message}` }),
        );
        return null;
      }
    }),
  );
  return { files: files.filter((f): f is OutputFile => f !== null), diagnostics };
}

function finish(
  results: readonly JobResult[],
  statics: { files: OutputFile[]; diagnostics: Diagnostic[] },
  baseurl: string,
  workers: number,
): ProcessedAssets {
  const files: OutputFile[] = [...statics.files];
  const entries: [string, string][] = [];
  for (const r of results) {
    if (r.out === null || r.content === null) continue;
    files.push({ path: `assets/${r.out}`, content: r.content });
    entries.push([r.rel, `assets/${r.out}`]);
  }
  entries.sort((a, b) => compare(a[0], b[0]));
  const manifest = Object.fromEntries(entries);
  files.push({ path: "asset-manifest.json", content: `${JSON.stringify(manifest, null, 2)}\n` });
  files.sort((a, b) => compare(a.path, b.path));

  const urlFor = assetUrlFor(manifest, baseurl);
  const diagnostics = unique([...results.flatMap((r) => r.diagnostics), ...statics.diagnostics]);
  return { files, manifest, urlFor, diagnostics, workers };
}

/** The URL helper layouts use, rebuilt from the manifest alone (so render workers can have it). */
export function assetUrlFor(
  manifest: Readonly<Record<string, string>>,
  baseurl: string,
): (rel: string) => string {
  const prefix = baseurlPath(baseurl);
  return (rel) => {
    const clean = rel.replace(/^\/+/, "");
    return `${prefix}/${manifest[clean] ?? `assets/${clean}`}`;
  };
}

/** A partial imported by several stylesheets reports its error once; the order is the files'. */
function unique(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out = list.filter((d) => {
    const key = `${d.code}\0${d.file}\0${d.range.start.line}:${d.range.start.character}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return out.sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
