import type { OutputFile } from "../model/output.ts";
import type { SiteIndex } from "../model/site.ts";
import { renderAtom } from "./atom.ts";
import { ATOM_PATH, type FeedSpec, type HtmlById, RSS_PATH, sectionFeeds, siteFeed } from "./feeds.ts";
import { renderRss } from "./rss.ts";

/** What rendering produced for a page, as far as feeds care. */
export interface FeedSource {
  readonly html: string;
  readonly summaryHtml: string;
}

/**
 * `rss.xml` and `atom.xml` for the site, and for every section that asks for a feed
 * (`feed: true` in its `_index.md`) beside that section's page. Items carry full HTML when
 * `[feeds] full_content` is on.
 */
export function renderFeeds(index: SiteIndex, rendered: ReadonlyMap<string, FeedSource>): OutputFile[] {
  // Views, not copies: a feed reads a few dozen of the site's pages.
  const summaries: HtmlById = { get: (id) => rendered.get(id)?.summaryHtml };
  const full: HtmlById = { get: (id) => rendered.get(id)?.html };
  const options = (feed: FeedSpec) => (index.config.feeds?.full_content ? { feed, full } : { feed });
  const out: OutputFile[] = [];
  for (const feed of [siteFeed(index), ...sectionFeeds(index)]) {
    out.push({ path: `${feed.dir}${RSS_PATH}`, content: renderRss(index, summaries, options(feed)) });
    out.push({ path: `${feed.dir}${ATOM_PATH}`, content: renderAtom(index, summaries, options(feed)) });
  }
  return out;
}
