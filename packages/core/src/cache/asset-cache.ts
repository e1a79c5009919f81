import type { Database } from "bun:sqlite";
import { deserialize, serialize } from "node:v8";
import { assetUrlFor, type ProcessAssetsInput, type ProcessedAssets } from "../assets/pipeline.ts";
import { join } from "../host/path.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { hashOf } from "../render/track/dep-value.ts";
import { readMeta, writeMeta } from "./db.ts";

interface StoredAssets {
  readonly key: string;
  readonly manifest: Record<string, string>;
  readonly paths: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export type CachedAssets = ProcessedAssets & {
  /** Output paths left as they are on disk (a cache hit writes nothing). */
  readonly kept: readonly string[];
  /** Identifies the inputs (sources by size and mtime, options); "" without a cache. */
  readonly key: string;
};

/**
 * Runs the asset pipeline unless no source file (by content hash) nor option changed since the
 * last build, in which case its outputs on disk are still right and only the manifest is needed.
 */
export async function processAssetsCached(
  input: ProcessAssetsInput,
  outputDir: string,
  db: Database | null,
  run: (input: ProcessAssetsInput) => Promise<ProcessedAssets>,
): Promise<CachedAssets> {
  const key = db ? await assetsKey(input) : "";
  const stored = db ? load(db) : null;
  if (stored && stored.key === key && (await allExist(input, outputDir, stored.paths))) {
    return {
      files: [],
      kept: stored.paths,
      manifest: stored.manifest,
      urlFor: assetUrlFor(stored.manifest, input.options.baseurl),
      diagnostics: [...stored.diagnostics],
      workers: 0,
      key,
    };
  }
  const result = await run(input);
  if (db) {
    const value: StoredAssets = {
      key,
      manifest: result.manifest,
      paths: result.files.map((f) => f.path),
      diagnostics: result.diagnostics,
    };
    writeMeta(db, "assets", Buffer.from(serialize(value)).toString("base64"));
  }
  return { ...result, kept: [], key };
}

/**
 * Size and mtime of every source stand for its content here: a touched but identical file only
 * costs a re-run of the asset stage, whose outputs (named by content) come out the same.
 */
async function assetsKey(input: ProcessAssetsInput): Promise<string> {
  const sources = [...input.assets, ...input.statics];
  const parts = await Promise.all(
    sources.map(async (s) => {
      const stat = await input.host.stat(s.source);
      return `${s.rel}\0${s.source}\0${stat?.size ?? -1}\0${stat?.mtimeMs ?? -1}`;
    }),
  );
  return hashOf([input.options, parts]);
}

function load(db: Database): StoredAssets | null {
  const raw = readMeta(db, "assets");
  if (!raw) return null;
  try {
    return deserialize(Buffer.from(raw, "base64")) as StoredAssets;
  } catch {
    return null;
  }
}

async function allExist(
  input: ProcessAssetsInput,
  outputDir: string,
  paths: readonly string[],
): Promise<boolean> {
  const stats = await Promise.all(paths.map((p) => input.host.stat(join(outputDir, p))));
  return stats.every((s) => s?.kind === "file");
}
