import type { FileStat } from "../host/host.ts";
import type { AssetJob, CssContext, JobResult } from "./jobs/types.ts";

interface Entry {
  readonly result: JobResult;
  /** Every file the job read, with its stamp then. */
  readonly reads: readonly (readonly [string, string | null])[];
}

/**
 * Results of asset jobs by everything each one read, kept by a long-lived process (the dev
 * server) so that an edited stylesheet re-runs the stylesheets that include it, not the whole
 * pipeline. A job is identified by its file, options and (for a stylesheet) the asset table it
 * resolves imports and `url()`s through; it is reused while every file it read has the same
 * size and mtime, which stand for content here as everywhere in the cache.
 */
export class JobMemo {
  private entries = new Map<string, Entry>();
  private used = new Map<string, Entry>();

  /** `stamp`: size and mtime of a file this build, or null when unknown. */
  constructor(private readonly stamp: (path: string) => string | null) {}

  /** Starts a build with its stamps; what the last build kept stays available. */
  withStamps(stamp: (path: string) => string | null): JobMemo {
    const next = new JobMemo(stamp);
    next.entries = this.entries;
    return next;
  }

  private keyOf(job: AssetJob, context: CssContext | null): string {
    let key = `${job.kind}\u0000${job.rel}\u0000${job.source}\u0000${JSON.stringify(job.options)}`;
    if (context) key += `\u0000${JSON.stringify(context.sources)}\u0000${JSON.stringify(context.outputs)}`;
    return key;
  }

  get(job: AssetJob, context: CssContext | null): JobResult | undefined {
    const key = this.keyOf(job, context);
    const entry = this.entries.get(key);
    if (!entry || entry.reads.some(([path, stamp]) => stamp === null || this.stamp(path) !== stamp)) return;
    this.used.set(key, entry);
    return entry.result;
  }

  /** Records a result and the files the job read (its source at least). */
  set(job: AssetJob, context: CssContext | null, result: JobResult, reads: Iterable<string>): void {
    const all = new Set([job.source, ...reads]);
    this.used.set(this.keyOf(job, context), {
      result,
      reads: [...all].map((path) => [path, this.stamp(path)] as const),
    });
  }

  /** Ends a build: what it did not use is dropped. */
  settle(): void {
    this.entries = this.used;
    this.used = new Map();
  }
}

const kept = new Map<string, JobMemo>();

/** The memo a long-lived process keeps under `key` (its cache file), for a build with these stats. */
export function keptJobMemo(key: string, stats: ReadonlyMap<string, FileStat | null>): JobMemo {
  const stamp = (path: string) => {
    const s = stats.get(path);
    return s ? `${s.size}:${s.mtimeMs}` : null;
  };
  const memo = kept.get(key)?.withStamps(stamp) ?? new JobMemo(stamp);
  kept.set(key, memo);
  return memo;
}
