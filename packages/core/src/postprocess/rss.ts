import type { Page } from "../model/page.ts";
import type { SiteIndex } from "../model/site.ts";
import { absoluteUrl } from "./urls.ts";
import { buildXml } from "./xml.ts";

export const RSS_PATH = "rss.xml";
export const RSS_MAX_ITEMS = 20;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** RFC 822 date in UTC, as RSS 2.0 requires (`Wed, 01 Oct 2025 09:30:00 GMT`). */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

/** Regular, published, dated pages, newest first; ties broken by URL for a stable order. */
export function feedPages(index: SiteIndex): Page[] {
  const pages: Page[] = [];
  for (const id of index.regularPageIds) {
    const page = index.pages.get(id);
    if (page && page.kind === "page" && !page.draft && page.date) pages.push(page);
  }
  pages.sort((a, b) => {
    const d = b.date!.getTime() - a.date!.getTime();
    if (d !== 0) return d;
    return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
  });
  return pages.slice(0, RSS_MAX_ITEMS);
}

/**
 * RSS 2.0 feed of the newest pages. `lastBuildDate` is the newest item's date, never the
 * clock, so an unchanged site produces an unchanged feed. `summaries` maps page id to the
 * rendered summary HTML, used when a page has no front matter description.
 */
export function renderRss(index: SiteIndex, summaries: ReadonlyMap<string, string>): string {
  const site = index.config.site;
  const items = feedPages(index);
  const newest = items[0]?.date ?? null;
  const channel: Record<string, unknown> = {
    title: site.title,
    link: absoluteUrl(index, "/"),
    description: site.description || `Recent content on ${site.title}`,
    language: site.language,
    ...(newest ? { lastBuildDate: rfc822(newest) } : {}),
    "atom:link": {
      "@_href": absoluteUrl(index, `/${RSS_PATH}`),
      "@_rel": "self",
      "@_type": "application/rss+xml",
    },
    item: items.map((page) => {
      const description = page.description || summaries.get(page.id) || page.summary || "";
      return {
        title: page.title,
        link: page.permalink,
        // Without an absolute baseurl the link is only a path, which must not claim to be a permalink.
        guid: { "@_isPermaLink": String(ABSOLUTE.test(page.permalink)), "#text": page.permalink },
        pubDate: rfc822(page.date!),
        ...(description ? { description } : {}),
        ...(page.tags.length > 0 ? { category: page.tags.map((t) => t.name) } : {}),
      };
    }),
  };
  return buildXml({
    rss: { "@_version": "2.0", "@_xmlns:atom": "http://www.w3.org/2005/Atom", channel },
  });
}
