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
 * The one place that touches the output folder. Files can be handed over as they are made
 * (pages as they render, so their HTML need not stay in memory); `finish` then removes what the
 * previous build wrote that this build no longer produces — but only files that still hold
 * exactly what Bengal wrote, so a user's edit is never lost — and records the new manifest.
 * Unchanged files are not rewritten.
 */
export interface OutputWriter {
  write(files: readonly OutputFile[]): Promise<void>;
  /** Files another process already wrote (the page workers), counted as if written here. */
  record(files: readonly WrittenFile[]): void;
  /** `keep`: outputs not produced this time that must stay (reused from the cache, or failed). */
  finish(keep?: { has(path: string): boolean }): Promise<WriteSummary>;
}

/** An output written elsewhere: its hash, and whether the bytes on disk changed. */
export interface WrittenFile {
  readonly path: string;
  readonly hash: string;
  readonly changed: boolean;
}

/**
 * The manifest this process wrote last, per path, with the file's size and mtime then: a
 * long-lived process (the dev server) reads it back only if someone else wrote the file since.
 */
const lastWritten = new Map<string, { size: number; mtimeMs: number; manifest: OutputManifest }>();

async function previousManifest(host: Host, path: string): Promise<OutputManifest> {
  const mine = lastWritten.get(path);
  if (mine) {
    const stat = await host.stat(path);
    if (stat && stat.size === mine.size && stat.mtimeMs === mine.mtimeMs) return mine.manifest;
  }
  return readManifest(host, path);
}

export async function openOutputWriter(options: Omit<WriteOptions, "files" | "keep">): Promise<OutputWriter> {
  const { host, outputDir } = options;
  const previous = await previousManifest(host, options.manifestPath);
  const next: Record<string, string> = {};
  let written = 0;
  let unchanged = 0;
  const changedPaths: string[] = [];

  return {
    async write(files) {
      await Promise.all(
        files.map(async (file) => {
          const hash = contentHash(file.content);
          next[file.path] = hash;
          if (await holdsOutput(host, previous, outputDir, file.path, file.content, hash)) {
            unchanged++;
            return;
          }
          await host.write(join(outputDir, file.path), file.content);
          changedPaths.push(file.path);
          written++;
        }),
      );
    },
    record(files) {
      for (const file of files) {
        next[file.path] = file.hash;
        if (!file.changed) unchanged++;
        else {
          changedPaths.push(file.path);
          written++;
        }
      }
    },
    async finish(keep) {
      let removed = 0;
      for (const path in previous.files) {
        const hash = previous.files[path]!;
        if (path in next) continue;
        if (keep?.has(path)) {
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
      await host.write(options.manifestPath, serializeManifest(manifest, sameKeys(previous.files, next)));
      const stat = await host.stat(options.manifestPath);
      if (stat) lastWritten.set(options.manifestPath, { size: stat.size, mtimeMs: stat.mtimeMs, manifest });
      return { written, unchanged, removed, changedPaths: changedPaths.sort() };
    },
  };
}

/** The previous manifest's keys (already sorted) when the new one has exactly those. */
function sameKeys(
  previous: Readonly<Record<string, string>>,
  next: Record<string, string>,
): string[] | undefined {
  const keys = Object.keys(previous);
  if (keys.length !== Object.keys(next).length) return undefined;
  for (const key of keys) if (!(key in next)) return undefined;
  return keys;
}

/** All outputs at once: `openOutputWriter`, one `write`, `finish`. */
export async function writeOutputs(options: WriteOptions): Promise<WriteSummary> {
  const writer = await openOutputWriter(options);
  await writer.write(options.files);
  return writer.finish(options.keep);
}

async function pruneEmptyParents(host: Host, outputDir: string, file: string): Promise<void> {
  let dir = dirname(file);
  while (dir.length > outputDir.length && dir.startsWith(`${outputDir}/`)) {
    if ((await host.list(dir)).length > 0) return;
    await host.remove(dir);
    dir = dirname(dir);
  }
}

/**
 * Whether an output already holds `content` (its `hash`): the last build wrote that hash there
 * (`previous`, its manifest) and the file still has the size. Page workers ask it too.
 */
export async function holdsOutput(
  host: Host,
  previous: OutputManifest,
  outputDir: string,
  path: string,
  content: string | Uint8Array,
  hash: string,
): Promise<boolean> {
  return previous.files[path] === hash && (await isSame(host, join(outputDir, path), content));
}

/** A cheap check that the file on disk is still the one we wrote (size match). */
async function isSame(host: Host, path: string, content: string | Uint8Array): Promise<boolean> {
  const stat = await host.stat(path);
  if (stat?.kind !== "file") return false;
  const size = typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
  return stat.size === size;
}
