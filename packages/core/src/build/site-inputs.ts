import type { ProcessAssetsInput } from "../assets/pipeline.ts";
import { builtinThemeDir } from "../discover/theme-dir.ts";
import type { SiteFiles } from "../discover/types.ts";
import type { Host } from "../host/host.ts";
import { join, normalize } from "../host/path.ts";
import { resourceUrl } from "../links/lookup.ts";
import type { SiteConfig } from "../model/config.ts";
import type { SiteIndex } from "../model/site.ts";

/** Small facts about the site the orchestrator needs: paths, theme folders, the build date. */

/** Files beside a page (leaf-bundle images and the like) go out beside the page's URL. */
export function pageResources(index: SiteIndex, root: string, resources: readonly string[]) {
  return resources.map((p) => ({ rel: resourceUrl(index, p).replace(/^\/+/, ""), source: join(root, p) }));
}

export async function themeDirsOf(host: Host, root: string, theme: string): Promise<string[]> {
  const siteTheme = join(root, "themes", theme);
  return [...((await host.stat(siteTheme))?.kind === "dir" ? [siteTheme] : []), builtinThemeDir()];
}

export function absolute(path: string): string {
  return path.startsWith("/") ? normalize(path) : join(process.cwd(), path);
}

/** The newest content date stands in for "now" so that output never depends on the clock. */
export function newestDate(index: {
  pages: ReadonlyMap<string, { date: Date | null; lastmod: Date | null }>;
}): Date {
  let newest = 0;
  for (const p of index.pages.values()) {
    const t = (p.lastmod ?? p.date)?.getTime() ?? 0;
    if (t > newest) newest = t;
  }
  return new Date(newest);
}

/** The asset stage's input: theme and site assets, static files and page resources, with the config's options. */
export function assetInput(
  host: Host,
  root: string,
  config: SiteConfig,
  files: SiteFiles,
  index: SiteIndex,
): ProcessAssetsInput {
  return {
    host,
    siteRoot: root,
    assets: files.assets,
    statics: [...files.static, ...pageResources(index, root, files.resources)],
    options: {
      minify: config.build.minify_assets,
      fingerprint: config.build.fingerprint_assets,
      optimize: config.build.optimize_assets,
      parallel: config.build.parallel,
      maxWorkers: config.build.max_workers,
      baseurl: config.site.baseurl,
    },
  };
}
