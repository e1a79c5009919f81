import { type Host, statMany } from "../host/host.ts";
import { join } from "../host/path.ts";

/**
 * What the previous build wrote, so the next one can remove outputs that no longer
 * exist without ever touching a file Bengal did not write.
 */
export interface OutputManifest {
  readonly version: 1;
  /** Output-relative path → content hash. */
  readonly files: Readonly<Record<string, string>>;
}

export const EMPTY_MANIFEST: OutputManifest = { version: 1, files: {} };

export async function readManifest(host: Host, path: string): Promise<OutputManifest> {
  try {
    const parsed = JSON.parse(await host.readText(path)) as Partial<OutputManifest>;
    if (parsed.version === 1 && parsed.files && typeof parsed.files === "object")
      return parsed as OutputManifest;
  } catch {
    // Missing or unreadable: behave as if nothing was written before (removes nothing).
  }
  return EMPTY_MANIFEST;
}

/** Keys sorted, so the file does not depend on write order; `sorted` skips sorting known-sorted keys. */
export function serializeManifest(manifest: OutputManifest, sorted?: readonly string[]): string {
  const files: Record<string, string> = {};
  for (const key of sorted ?? Object.keys(manifest.files).sort()) files[key] = manifest.files[key]!;
  return `${JSON.stringify({ version: 1, files }, null, 1)}\n`;
}

/**
 * Whether the last build wrote something and every file it recorded is still in `outputDir`:
 * a build that finds nothing to do can then leave the folder as it is.
 */
export async function allOutputsPresent(
  host: Host,
  manifestPath: string,
  outputDir: string,
): Promise<boolean> {
  const paths = Object.keys((await readManifest(host, manifestPath)).files);
  if (paths.length === 0) return false;
  const stats = await statMany(
    host,
    paths.map((p) => join(outputDir, p)),
  );
  return stats.every((s) => s?.kind === "file");
}
