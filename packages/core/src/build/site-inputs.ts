import { builtinThemeDir } from "../discover/theme-dir.ts";
import type { Host } from "../host/host.ts";
import { join, normalize } from "../host/path.ts";
import { resourceUrl } from "../links/lookup.ts";
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
