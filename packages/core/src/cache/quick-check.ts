import { deserialize, serialize } from "node:v8";
import type { SiteFiles } from "../discover/types.ts";
import { type FileStat, type Host, statMany } from "../host/host.ts";
import { join } from "../host/path.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { allOutputsPresent } from "../write/manifest.ts";
import { readMeta, writeMeta } from "./db.ts";
import type { BuildCache } from "./open.ts";

/**
 * The no-change rebuild before anything is parsed: every input file's path, size and mtime
 * (the fast pre-check the content cache uses too) hashed into one stamp. When the stamp, the
 * output folder and the cache key (checked on opening) are those of the last build and every
 * file it wrote is still there, that build's outputs and diagnostics stand as they are.
 * A stamp that moved (a touched but identical file) falls through to the content-hash check.
 */
export interface QuickRecord {
  readonly stamp: string;
  readonly pages: number;
  readonly assets: number;
  /** Diagnostics of every stage after config and discovery, before severities are applied. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface InputStats {
  /** Stat of each absolute input path (null: gone between listing and stat). */
  readonly stats: ReadonlyMap<string, FileStat | null>;
  readonly stamp: string;
  /** The stamp as a sum of one term per file, so one file's change updates it in O(1). */
  readonly sum: bigint;
}

const KEY = "quick";

/** Absolute paths of every file a build reads besides the config. */
export function inputPaths(root: string, files: SiteFiles): string[] {
  return [
    ...files.content.map((p) => join(root, p)),
    ...files.resources.map((p) => join(root, p)),
    ...files.assets.map((a) => a.source),
    ...files.static.map((s) => s.source),
    ...files.templates.map((t) => join(root, "templates", t)),
    ...files.themeTemplates.map((t) => join(files.themeDir, "templates", t)),
  ];
}

export async function statInputs(
  host: Host,
  paths: readonly string[],
  outputDir: string,
): Promise<InputStats> {
  const stats = new Map<string, FileStat | null>();
  let sum = BigInt(Bun.hash(outputDir));
  const all = await statMany(host, paths);
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i]!;
    const s = all[i] ?? null;
    stats.set(p, s);
    sum += term(p, s);
  }
  sum = BigInt.asUintN(64, sum);
  return { stats, sum, stamp: sum.toString(36) };
}

/** The stats of the last build with these files stat'ed again (the file watcher saw them change). */
export async function restatInputs(
  host: Host,
  last: InputStats,
  changed: Iterable<string>,
): Promise<InputStats> {
  const stats = new Map(last.stats);
  let sum = last.sum;
  for (const path of changed) {
    if (!stats.has(path)) continue;
    const now = await host.stat(path);
    sum += term(path, now) - term(path, stats.get(path) ?? null);
    stats.set(path, now);
  }
  sum = BigInt.asUintN(64, sum);
  return { stats, sum, stamp: sum.toString(36) };
}

function term(path: string, s: FileStat | null): bigint {
  return BigInt(Bun.hash(`${path}\u0000${s ? `${s.kind}\u0000${s.size}\u0000${s.mtimeMs}` : "-"}`));
}

export async function quickUnchanged(
  cache: BuildCache,
  stamp: string,
  host: Host,
  outputDir: string,
  manifestPath: string,
): Promise<QuickRecord | null> {
  if (cache.mode !== "incremental") return null;
  const raw = readMeta(cache.db, KEY);
  if (!raw) return null;
  let record: QuickRecord;
  try {
    record = deserialize(Buffer.from(raw, "base64")) as QuickRecord;
  } catch {
    return null;
  }
  if (record.stamp !== stamp) return null;
  return (await allOutputsPresent(host, manifestPath, outputDir)) ? record : null;
}

export function recordQuick(cache: BuildCache, record: QuickRecord): void {
  writeMeta(cache.db, KEY, Buffer.from(serialize(record)).toString("base64"));
}
