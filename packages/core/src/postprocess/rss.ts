import type { SiteIndex } from "../model/site.ts";
import {
  type FeedContent,
  type FeedSpec,
  type HtmlById,
  itemSummary,
  RSS_PATH,
  siteFeed,
  xmlSafe,
} from "./feeds.ts";
import { absoluteUrl } from "./urls.ts";
import { buildXml } from "./xml.ts";

export { feedPages, RSS_MAX_ITEMS, RSS_PATH } from "./feeds.ts";

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** RFC 822 date in UTC, as RSS 2.0 requires (`Wed, 01 Oct 2025 09:30:00 GMT`). */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

/**
 * RSS 2.0 feed. `lastBuildDate` is the newest item's date, never the clock. Item HTML is
 * escaped text in `description` (the summary) and, with full content, `content:encoded`.
 */
export function renderRss(
  index: SiteIndex,
  summaries: HtmlById,
  options: { readonly feed?: FeedSpec; readonly full?: HtmlById } = {},
): string {
  const feed = options.feed ?? siteFeed(index);
  const content: FeedContent = options.full ? { summaries, full: options.full } : { summaries };
  const newest = feed.pages[0]?.date ?? null;
  const channel: Record<string, unknown> = {
    title: feed.title,
    link: absoluteUrl(index, feed.url),
    description: feed.description,
    language: index.config.site.language,
    ...(newest ? { lastBuildDate: rfc822(newest) } : {}),
    "atom:link": {
      "@_href": absoluteUrl(index, `/${feed.dir}${RSS_PATH}`),
      "@_rel": "self",
      "@_type": "application/rss+xml",
    },
    item: feed.pages.map((page) => {
      const description = xmlSafe(itemSummary(page, content));
      const full = content.full?.get(page.id);
      return {
        title: xmlSafe(page.title),
        link: page.permalink,
        // Without an absolute baseurl the link is only a path, which must not claim to be a permalink.
        guid: { "@_isPermaLink": String(ABSOLUTE.test(page.permalink)), "#text": page.permalink },
        pubDate: rfc822(page.date!),
        ...(description ? { description } : {}),
        ...(full ? { "content:encoded": xmlSafe(full) } : {}),
        ...(page.tags.length > 0 ? { category: page.tags.map((t) => t.name) } : {}),
      };
    }),
  };
  return buildXml({
    rss: {
      "@_version": "2.0",
      "@_xmlns:atom": "http://www.w3.org/2005/Atom",
      ...(content.full ? { "@_xmlns:content": "http://purl.org/rss/1.0/modules/content/" } : {}),
      channel,
    },
  });
}
