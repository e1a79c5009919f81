import type { SiteIndex } from "../model/site.ts";
import { SITEMAP_PATH } from "./sitemap.ts";
import { absoluteUrl } from "./urls.ts";

export const ROBOTS_PATH = "robots.txt";

/**
 * Allows every crawler; names the sitemap when one is generated. The `Sitemap:` directive
 * needs a full URL, so it is left out while the baseurl is only a path.
 */
export function renderRobots(index: SiteIndex): string {
  const lines = ["User-agent: *", "Allow: /"];
  const sitemap = absoluteUrl(index, `/${SITEMAP_PATH}`);
  if (index.config.build.generate_sitemap && /^[a-z][a-z0-9+.-]*:\/\//i.test(sitemap)) {
    lines.push("", `Sitemap: ${sitemap}`);
  }
  return `${lines.join("\n")}\n`;
}
