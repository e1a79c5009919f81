import { deserialize, serialize } from "node:v8";
import type { Host } from "../host/host.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { hashOf } from "../render/track/dep-value.ts";
import { allOutputsPresent } from "../write/manifest.ts";
import { readMeta, writeMeta } from "./db.ts";
import type { BuildCache } from "./open.ts";

/** What a build after the assets stage produced, to repeat when nothing at all changed. */
export interface UnchangedRecord {
  readonly inputs: string;
  /** Diagnostics of the render and post-processing stages (before severities are applied). */
  readonly diagnostics: readonly Diagnostic[];
}

/** One hash over everything rendering reads: content, assets, layouts, linkable files. */
export function inputsFingerprint(parts: unknown[]): string {
  return hashOf(parts);
}

/**
 * The fast path of a no-change rebuild: when the inputs are exactly those of the last build and
 * every file it wrote is still there, its outputs and its diagnostics stand as they are.
 */
export async function unchangedSince(
  cache: BuildCache,
  inputs: string,
  host: Host,
  outputDir: string,
  manifestPath: string,
): Promise<UnchangedRecord | null> {
  if (cache.mode !== "incremental") return null;
  const raw = readMeta(cache.db, "unchanged");
  if (!raw) return null;
  let record: UnchangedRecord;
  try {
    record = deserialize(Buffer.from(raw, "base64")) as UnchangedRecord;
  } catch {
    return null;
  }
  if (record.inputs !== inputs) return null;
  return (await allOutputsPresent(host, manifestPath, outputDir)) ? record : null;
}

export function recordUnchanged(cache: BuildCache, record: UnchangedRecord): void {
  writeMeta(cache.db, "unchanged", Buffer.from(serialize(record)).toString("base64"));
}
