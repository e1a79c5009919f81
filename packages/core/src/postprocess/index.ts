export { renderAliasPage } from "./aliases.ts";
export { ROBOTS_PATH, renderRobots } from "./robots.ts";
export { feedPages, RSS_MAX_ITEMS, RSS_PATH, renderRss, rfc822 } from "./rss.ts";
export { renderSitemap, SITEMAP_PATH } from "./sitemap.ts";
