export { renderAliasPage } from "./aliases.ts";
export { renderAtom, rfc3339 } from "./atom.ts";
export { renderFeeds } from "./feed-files.ts";
export {
  ATOM_PATH,
  type FeedContent,
  type FeedSpec,
  feedPages,
  type HtmlById,
  RSS_MAX_ITEMS,
  RSS_PATH,
  sectionFeeds,
  siteFeed,
} from "./feeds.ts";
export { ROBOTS_PATH, renderRobots } from "./robots.ts";
export { renderRss, rfc822 } from "./rss.ts";
export {
  inSitemap,
  renderSitemap,
  renderSitemaps,
  SITEMAP_MAX_URLS,
  SITEMAP_PATH,
  sitemapEntries,
} from "./sitemap.ts";
