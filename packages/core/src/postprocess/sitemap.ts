import type { SiteIndex } from "../model/site.ts";
import { absoluteUrl, isoDay } from "./urls.ts";
import { buildXml } from "./xml.ts";

export const SITEMAP_PATH = "sitemap.xml";
const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

interface SitemapEntry {
  readonly loc: string;
  readonly lastmod: string | null;
}

/**
 * The sitemaps.org `urlset` of every published page: drafts, the 404 page and list pagers
 * 2..n are left out. Sorted by URL so the file is byte-identical between builds.
 */
export function renderSitemap(index: SiteIndex): string {
  const byLoc = new Map<string, SitemapEntry>();
  for (const target of index.targets) {
    if (target.pager !== null && target.pager.number > 1) continue;
    const page = index.pages.get(target.pageId);
    if (!page || page.kind === "404" || page.draft) continue;
    const loc = target.url === page.url ? page.permalink : absoluteUrl(index, target.url);
    const stamp = page.lastmod ?? page.date;
    if (!byLoc.has(loc)) byLoc.set(loc, { loc, lastmod: stamp ? isoDay(stamp) : null });
  }
  const entries = [...byLoc.values()].sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
  return buildXml({
    urlset: {
      "@_xmlns": NS,
      url: entries.map((e) => (e.lastmod ? { loc: e.loc, lastmod: e.lastmod } : { loc: e.loc })),
    },
  });
}
