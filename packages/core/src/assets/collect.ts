import { diagnostic } from "../diagnostics/create.ts";
import type { Host } from "../host/host.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { OutputFile } from "../model/output.ts";

export interface AssetSource {
  /** Path under `assets/` (or `static/`), POSIX. */
  readonly rel: string;
  /** Absolute source path. */
  readonly source: string;
}

/**
 * Reads theme/site assets (served under `/assets/`) and static files (served at the root)
 * into output files. Unreadable files are reported and the rest still go out.
 */
export async function collectAssetFiles(
  host: Host,
  siteRoot: string,
  assets: readonly AssetSource[],
  statics: readonly AssetSource[],
): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const read = async (src: AssetSource, outPath: string): Promise<OutputFile | null> => {
    try {
      return { path: outPath, content: await host.readBytes(src.source) };
    } catch (error) {
      diagnostics.push(
        diagnostic("asset.failed", {
          file: src.source.startsWith(`${siteRoot}/`) ? src.source.slice(siteRoot.length + 1) : src.source,
          message: `cannot read ${src.rel}: ${(error as Error).message}`,
        }),
      );
      return null;
    }
  };
  const results = await Promise.all([
    ...assets.map((a) => read(a, `assets/${a.rel}`)),
    ...statics.map((s) => read(s, s.rel)),
  ]);
  return { files: results.filter((f): f is OutputFile => f !== null), diagnostics };
}
