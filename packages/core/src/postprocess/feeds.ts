import type { Page } from "../model/page.ts";
import type { SiteIndex } from "../model/site.ts";

export const RSS_PATH = "rss.xml";
export const ATOM_PATH = "atom.xml";
/** The default `[feeds] limit`. */
export const RSS_MAX_ITEMS = 20;

/** One feed: the site's, or a section's that asked for one with `feed: true` in its `_index.md`. */
export interface FeedSpec {
  readonly title: string;
  readonly description: string;
  /** Site-relative URL of the HTML page the feed follows (`/`, `/blog/`). */
  readonly url: string;
  /** Output folder of the feed files, "" or ending in `/` (`blog/`). */
  readonly dir: string;
  /** Newest first, at most `[feeds] limit`. */
  readonly pages: readonly Page[];
}

/** HTML by page id (a `Map`, or a view over the render results that copies nothing). */
export interface HtmlById {
  get(pageId: string): string | undefined;
}

/** The HTML each item carries: summaries always, full page HTML when `[feeds] full_content` is on. */
export interface FeedContent {
  readonly summaries: HtmlById;
  readonly full?: HtmlById;
}

/** Published, dated regular pages among `ids`, newest first; ties broken by URL for a stable order. */
export function feedPages(
  index: SiteIndex,
  ids: Iterable<string> = index.regularPageIds,
  limit: number = index.config.feeds?.limit ?? RSS_MAX_ITEMS,
): Page[] {
  const pages: Page[] = [];
  if (limit > 64) {
    for (const id of ids) {
      const page = index.pages.get(id);
      if (page && page.kind === "page" && !page.draft && page.date) pages.push(page);
    }
    return pages.sort(newerFirst).slice(0, limit);
  }
  // The newest few of possibly thousands: kept in order as they come instead of sorting all.
  for (const id of ids) {
    const page = index.pages.get(id);
    if (page?.kind !== "page" || page.draft || !page.date) continue;
    if (pages.length === limit && newerFirst(page, pages[limit - 1]!) >= 0) continue;
    let at = pages.length;
    while (at > 0 && newerFirst(page, pages[at - 1]!) < 0) at--;
    pages.splice(at, 0, page);
    if (pages.length > limit) pages.pop();
  }
  return pages;
}

/** Feed order: newest first, ties by URL. */
function newerFirst(a: Page, b: Page): number {
  const d = b.date!.getTime() - a.date!.getTime();
  if (d !== 0) return d;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

export function siteFeed(index: SiteIndex): FeedSpec {
  const site = index.config.site;
  return {
    title: site.title,
    description: site.description || `Recent content on ${site.title}`,
    url: "/",
    dir: "",
    pages: feedPages(index),
  };
}

/** Regular pages of a section and of all its subsections. */
function sectionPageIds(index: SiteIndex, key: string, into: string[] = []): string[] {
  const section = index.sections.get(key);
  if (!section) return into;
  into.push(...section.pageIds);
  for (const sub of section.subsectionKeys) sectionPageIds(index, sub, into);
  return into;
}

/** Feeds of the sections whose own page says `feed: true`, sorted by URL. The root section has the site feed. */
export function sectionFeeds(index: SiteIndex): FeedSpec[] {
  const feeds: FeedSpec[] = [];
  for (const section of index.sections.values()) {
    if (section.key === "") continue;
    const page = index.pages.get(section.indexPageId);
    if (!page || page.draft || page.params.feed !== true) continue;
    const slash = page.outputPath.lastIndexOf("/");
    feeds.push({
      title: `${section.title} on ${index.config.site.title}`,
      description: page.description || `Recent content in ${section.title} on ${index.config.site.title}`,
      url: page.url,
      dir: slash >= 0 ? page.outputPath.slice(0, slash + 1) : "",
      pages: feedPages(index, sectionPageIds(index, section.key)),
    });
  }
  return feeds.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/** The summary an item shows: front matter description, else the rendered summary, else the front matter summary. */
export function itemSummary(page: Page, content: FeedContent): string {
  return page.description || content.summaries.get(page.id) || page.summary || "";
}

/** Characters XML 1.0 forbids even escaped; one stray control character would make the whole feed unreadable. */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

/** Newest item date: the feed's own date, never the clock, so an unchanged site gives an unchanged feed. */
export function newestDate(pages: readonly Page[]): Date | null {
  let newest: Date | null = null;
  for (const p of pages) {
    const d = p.lastmod && p.lastmod > p.date! ? p.lastmod : p.date!;
    if (newest === null || d > newest) newest = d;
  }
  return newest;
}
