import { sealMirrors } from "../cache/mirror.ts";
import { type BuildCache, sealBuildCache } from "../cache/open.ts";
import type { QuickRecord } from "../cache/quick-check.ts";
import type { SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { BuildResult } from "../model/output.ts";
import { buildResult } from "./result.ts";

/** Marks the cache complete; the tables this process keeps in memory are valid for it from now on. */
export function sealCache(cache: BuildCache): void {
  sealMirrors(cache.path, sealBuildCache(cache));
}

/** What a no-change rebuild reports next time: the counts and every diagnostic after discovery. */
export function quickRecord(
  stamp: string,
  pages: number,
  assets: Readonly<Record<string, string>>,
  diagnostics: readonly Diagnostic[],
): QuickRecord {
  return { stamp, pages, assets: Object.keys(assets).length, diagnostics };
}

/** Seals the cache and reports a build that found nothing to do. */
export function finishUnchanged(
  cache: BuildCache,
  record: { readonly pages: number; readonly assets: number },
  diagnostics: Diagnostic[],
  config: SiteConfig,
  outputDir: string,
  timings: BuildResult["timings"],
): BuildResult {
  sealCache(cache);
  cache.db.close();
  return buildResult(
    {
      pages: record.pages,
      assets: record.assets,
      written: 0,
      unchanged: 0,
      removed: 0,
      changedPaths: [],
      outputDir,
      timings,
      workers: { pages: 0, assets: 0 },
      cache: { mode: "incremental", reason: null, rendered: 0, changed: [], reasons: {} },
    },
    diagnostics,
    config,
  );
}
