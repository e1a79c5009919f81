import type { SiteIndex } from "../model/site.ts";
import {
  ATOM_PATH,
  type FeedContent,
  type FeedSpec,
  type HtmlById,
  itemSummary,
  newestDate,
  siteFeed,
  xmlSafe,
} from "./feeds.ts";
import { absoluteUrl } from "./urls.ts";
import { buildXml } from "./xml.ts";

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Atom requires `updated`; an empty feed gets the epoch rather than the clock. */
const EPOCH = new Date(0);

/** RFC 3339 in UTC, without milliseconds when they are zero (`2025-10-01T07:30:00Z`). */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, "Z");
}

/** Atom ids must be IRIs: a permalink when the baseurl is absolute, else a stable URN from the path. */
function atomId(url: string): string {
  return ABSOLUTE.test(url) ? url : `urn:bengal:${encodeURI(url)}`;
}

/** Atom 1.0 (RFC 4287) feed: summaries always, full HTML content when given, both as escaped `type="html"` text. */
export function renderAtom(
  index: SiteIndex,
  summaries: HtmlById,
  options: { readonly feed?: FeedSpec; readonly full?: HtmlById } = {},
): string {
  const feed = options.feed ?? siteFeed(index);
  const content: FeedContent = options.full ? { summaries, full: options.full } : { summaries };
  const site = index.config.site;
  const home = absoluteUrl(index, feed.url);
  return buildXml({
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      "@_xml:lang": site.language,
      title: xmlSafe(feed.title),
      subtitle: xmlSafe(feed.description),
      link: [
        {
          "@_rel": "self",
          "@_type": "application/atom+xml",
          "@_href": absoluteUrl(index, `/${feed.dir}${ATOM_PATH}`),
        },
        { "@_rel": "alternate", "@_type": "text/html", "@_href": home },
      ],
      id: atomId(home),
      updated: rfc3339(newestDate(feed.pages) ?? EPOCH),
      // A feed needs an author unless every entry has one; the site speaks for its pages.
      author: { name: xmlSafe(site.author || site.title) },
      entry: feed.pages.map((page) => {
        const summary = xmlSafe(itemSummary(page, content));
        const full = content.full?.get(page.id);
        const updated = page.lastmod && page.lastmod > page.date! ? page.lastmod : page.date!;
        return {
          title: xmlSafe(page.title),
          link: { "@_rel": "alternate", "@_type": "text/html", "@_href": page.permalink },
          id: atomId(page.permalink),
          published: rfc3339(page.date!),
          updated: rfc3339(updated),
          ...(summary ? { summary: { "@_type": "html", "#text": summary } } : {}),
          ...(full ? { content: { "@_type": "html", "#text": xmlSafe(full) } } : {}),
          ...(page.tags.length > 0 ? { category: page.tags.map((t) => ({ "@_term": t.name })) } : {}),
        };
      }),
    },
  });
}
