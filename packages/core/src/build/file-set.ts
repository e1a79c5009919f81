import type { SiteFiles } from "../discover/types.ts";

/**
 * Site-relative paths of every non-page file a link may point at: page resources under
 * `content/`, `assets/<rel>` (theme and site) and `static/<rel>`.
 */
export function siteFileSet(files: SiteFiles): { exists(sitePath: string): boolean; paths: string[] } {
  const set = new Set<string>(files.resources);
  for (const a of files.assets) set.add(`assets/${a.rel}`);
  for (const s of files.static) set.add(`static/${s.rel}`);
  return { exists: (p) => set.has(p), paths: [...set].sort() };
}
