import type { Host } from "../host/host.ts";
import { dirname, join } from "../host/path.ts";
import type { OutputFile } from "../model/output.ts";
import { contentHash } from "./hash.ts";
import { type OutputManifest, readManifest, serializeManifest } from "./manifest.ts";

export interface WriteSummary {
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
  /** Output paths written or removed by this build, sorted (for live reload). */
  readonly changedPaths: readonly string[];
}

export interface WriteOptions {
  readonly host: Host;
  readonly outputDir: string;
  readonly manifestPath: string;
  readonly files: readonly OutputFile[];
  /** Output paths that failed this build: keep their previous file rather than removing it. */
  readonly keep?: ReadonlySet<string>;
}

/**
 * The one place that touches the output folder. Skips files whose content is unchanged,
 * and removes files the previous build wrote that this build no longer produces — but only
 * when they still hold exactly what Bengal wrote, so a user's edit is never lost.
 */
export async function writeOutputs(options: WriteOptions): Promise<WriteSummary> {
  const { host, outputDir, files } = options;
  const previous = await readManifest(host, options.manifestPath);
  const next: Record<string, string> = {};
  let written = 0;
  let unchanged = 0;
  const changedPaths: string[] = [];

  await Promise.all(
    files.map(async (file) => {
      const hash = contentHash(file.content);
      next[file.path] = hash;
      const target = join(outputDir, file.path);
      if (previous.files[file.path] === hash && (await isSame(host, target, file.content))) {
        unchanged++;
        return;
      }
      await host.write(target, file.content);
      changedPaths.push(file.path);
      written++;
    }),
  );

  let removed = 0;
  for (const [path, hash] of Object.entries(previous.files)) {
    if (path in next) continue;
    if (options.keep?.has(path)) {
      next[path] = hash;
      continue;
    }
    const target = join(outputDir, path);
    try {
      if (contentHash(await host.readBytes(target)) !== hash) continue;
    } catch {
      continue;
    }
    await host.remove(target);
    await pruneEmptyParents(host, outputDir, target);
    changedPaths.push(path);
    removed++;
  }

  const manifest: OutputManifest = { version: 1, files: next };
  await host.write(options.manifestPath, serializeManifest(manifest));
  return { written, unchanged, removed, changedPaths: changedPaths.sort() };
}

async function pruneEmptyParents(host: Host, outputDir: string, file: string): Promise<void> {
  let dir = dirname(file);
  while (dir.length > outputDir.length && dir.startsWith(`${outputDir}/`)) {
    if ((await host.list(dir)).length > 0) return;
    await host.remove(dir);
    dir = dirname(dir);
  }
}

/** A cheap check that the file on disk is still the one we wrote (size match). */
async function isSame(host: Host, path: string, content: string | Uint8Array): Promise<boolean> {
  const stat = await host.stat(path);
  if (stat?.kind !== "file") return false;
  const size = typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
  return stat.size === size;
}
