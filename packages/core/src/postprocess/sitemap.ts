import type { OutputFile } from "../model/output.ts";
import type { Page } from "../model/page.ts";
import type { SiteIndex } from "../model/site.ts";
import { absoluteUrl, isoDay } from "./urls.ts";
import { buildXml } from "./xml.ts";

export const SITEMAP_PATH = "sitemap.xml";
/** The sitemaps.org limit of URLs per file; past it `sitemap.xml` becomes an index. */
export const SITEMAP_MAX_URLS = 50_000;
const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export interface SitemapEntry {
  readonly loc: string;
  readonly lastmod: string | null;
}

/** A page stays out of the sitemap when it is a draft, the 404 page, or says `sitemap: false`. */
export function inSitemap(page: Page): boolean {
  return page.kind !== "404" && !page.draft && page.params.sitemap !== false;
}

/**
 * Every published URL once: list pagers 2..n are left out. Sorted by location so the
 * files are byte-identical between builds.
 */
export function sitemapEntries(index: SiteIndex): SitemapEntry[] {
  const known = entriesMemo.get(index.targets);
  if (known && known.baseurl === index.config.site.baseurl && samePages(index, known.pages))
    return known.entries;
  const byLoc = new Map<string, SitemapEntry>();
  for (const target of index.targets) {
    if (target.pager !== null && target.pager.number > 1) continue;
    const page = index.pages.get(target.pageId);
    if (!page || !inSitemap(page)) continue;
    const loc = target.url === page.url ? page.permalink : absoluteUrl(index, target.url);
    const stamp = page.lastmod ?? page.date;
    if (!byLoc.has(loc)) byLoc.set(loc, { loc, lastmod: stamp ? isoDay(stamp) : null });
  }
  // The default sort compares UTF-16 code units, as `<` does, without a call per comparison.
  const entries = [...byLoc.keys()].sort().map((loc) => byLoc.get(loc)!);
  const pages = new Map(index.targets.map((t) => [t.pageId, index.pages.get(t.pageId)] as const));
  entriesMemo.set(index.targets, { baseurl: index.config.site.baseurl, pages, entries });
  return entries;
}

/**
 * The dev server carries an index's target list over to the next build with only some pages'
 * bodies swapped: the entries stand while every page is the same object or equal in what the
 * sitemap shows.
 */
const entriesMemo = new WeakMap<
  object,
  { baseurl: string; pages: ReadonlyMap<string, Page | undefined>; entries: SitemapEntry[] }
>();

function samePages(index: SiteIndex, pages: ReadonlyMap<string, Page | undefined>): boolean {
  for (const [id, before] of pages) {
    const now = index.pages.get(id);
    if (now === before) continue;
    if (!now || !before || !sameInSitemap(now, before)) return false;
  }
  return true;
}

function sameInSitemap(a: Page, b: Page): boolean {
  const day = (d: Date | null) => (d ? d.getTime() : null);
  return (
    inSitemap(a) === inSitemap(b) &&
    a.url === b.url &&
    a.permalink === b.permalink &&
    day(a.lastmod) === day(b.lastmod) &&
    day(a.date) === day(b.date)
  );
}

const urlsetMemo = new WeakMap<readonly SitemapEntry[], string>();

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  ">": "&gt;",
  "<": "&lt;",
  "'": "&apos;",
  '"': "&quot;",
};
const escapeXml = (text: string) => text.replace(/[&<>'"]/g, (c) => ESCAPES[c]!);

/**
 * The `urlset` written directly: the XML builder takes ~10 µs per URL, which at 10,000 pages
 * was most of post-processing. Byte for byte what `buildXml` writes (a test compares them);
 * the shapes it writes differently (no URLs, an empty location) still go through it.
 */
export function urlset(entries: readonly SitemapEntry[]): string {
  if (entries.length === 0 || entries.some((e) => e.loc === "")) return urlsetXml(entries);
  const parts = [`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n`];
  for (const e of entries) {
    const lastmod = e.lastmod ? `    <lastmod>${escapeXml(e.lastmod)}</lastmod>\n` : "";
    parts.push(`  <url>\n    <loc>${escapeXml(e.loc)}</loc>\n${lastmod}  </url>\n`);
  }
  parts.push("</urlset>\n");
  return parts.join("");
}

/** The same document through the XML builder. */
export function urlsetXml(entries: readonly SitemapEntry[]): string {
  return buildXml({
    urlset: {
      "@_xmlns": NS,
      url: entries.map((e) => (e.lastmod ? { loc: e.loc, lastmod: e.lastmod } : { loc: e.loc })),
    },
  });
}

/** The sitemaps.org `urlset` of every published page. */
export function renderSitemap(index: SiteIndex): string {
  return urlset(sitemapEntries(index));
}

/**
 * `sitemap.xml` alone while the site fits in one file; past `maxUrls` it becomes a
 * `sitemapindex` naming `sitemap-1.xml`, `sitemap-2.xml` … of at most `maxUrls` each.
 */
export function renderSitemaps(index: SiteIndex, maxUrls = SITEMAP_MAX_URLS): OutputFile[] {
  const entries = sitemapEntries(index);
  if (entries.length <= maxUrls) {
    let xml = urlsetMemo.get(entries);
    if (xml === undefined) {
      xml = urlset(entries);
      urlsetMemo.set(entries, xml);
    }
    return [{ path: SITEMAP_PATH, content: xml }];
  }
  const files: OutputFile[] = [];
  const refs: Array<{ loc: string; lastmod?: string }> = [];
  for (let i = 0; i * maxUrls < entries.length; i++) {
    const chunk = entries.slice(i * maxUrls, (i + 1) * maxUrls);
    const path = `sitemap-${i + 1}.xml`;
    files.push({ path, content: urlset(chunk) });
    let newest: string | null = null;
    for (const e of chunk) if (e.lastmod && (newest === null || e.lastmod > newest)) newest = e.lastmod;
    const loc = absoluteUrl(index, `/${path}`);
    refs.push(newest ? { loc, lastmod: newest } : { loc });
  }
  const sitemapIndex = buildXml({ sitemapindex: { "@_xmlns": NS, sitemap: refs } });
  return [{ path: SITEMAP_PATH, content: sitemapIndex }, ...files];
}
