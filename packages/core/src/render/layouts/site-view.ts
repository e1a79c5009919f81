import type { Page } from "../../model/page.ts";
import type { SiteIndex } from "../../model/site.ts";
import { noteBodyRead } from "../track/body-read.ts";
import { plainExcerpt } from "./excerpt.ts";
import type { SiteView } from "./props.ts";

export interface SiteViewOptions {
  /** Asset path (`css/style.css`) → the final href, baseurl included (`/docs/assets/css/style.3f2a.css`). */
  readonly assetUrl: (path: string) => string;
  /** Whether the theme or the site has this asset (`css/custom.css`). */
  readonly assetExists?: (path: string) => boolean;
  readonly buildDate: Date;
  readonly generator: string;
  /**
   * Runs `fn` without recording dependencies. The regular-page list is built on first use, which
   * may be inside a tracked render; looking up every page there must not make it depend on all.
   */
  readonly untracked?: <T>(fn: () => T) => T;
}

/** `https://example.com/docs` → origin `https://example.com`, prefix `/docs`; `/docs` → origin "", prefix `/docs`. */
export function splitBaseurl(baseurl: string): { origin: string; prefix: string } {
  const trimmed = baseurl.trim().replace(/\/+$/, "");
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]+)(\/.*)?$/i.exec(trimmed);
  if (m) return { origin: m[1]!, prefix: m[2] ?? "" };
  if (trimmed === "") return { origin: "", prefix: "" };
  return { origin: "", prefix: trimmed.startsWith("/") ? trimmed : `/${trimmed}` };
}

const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/|#)/i;

function dateFormatter(language: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { dateStyle: "long", timeZone: "UTC" };
  try {
    return new Intl.DateTimeFormat(language || "en", options);
  } catch {
    return new Intl.DateTimeFormat("en", options);
  }
}

/** The `site` every layout sees: config values plus URL helpers that apply the baseurl. */
export function createSiteView(index: SiteIndex, options: SiteViewOptions): SiteView {
  // A page is a card on its section's list, each of its tags' lists and more (~5 excerpts a page
  // at 10,000 pages, ~30 µs each): each page's excerpt is made once per view (one build: its
  // bodies do not change). Served again, it records the body dependency without reading the
  // body, so a page worker need not load and hold the bodies of every page its lists show.
  const excerpts = new Map<string, string>();
  const excerpt = (page: Page): string => {
    let text = excerpts.get(page.id);
    if (text === undefined) {
      text = plainExcerpt(page.body);
      excerpts.set(page.id, text);
    } else {
      noteBodyRead(page);
    }
    return text;
  };
  const { site, build } = index.config;
  const { origin, prefix } = splitBaseurl(site.baseurl);
  const url = (path: string): string => {
    if (EXTERNAL.test(path)) return path;
    const rooted = path.startsWith("/") ? path : `/${path}`;
    return prefix + rooted;
  };
  const absUrl = (path: string): string => (EXTERNAL.test(path) ? path : origin + url(path));
  // Both built on first use: a one-page rebuild of a large site should not pay for them.
  let formatter: Intl.DateTimeFormat | null = null;
  let regular: Page[] | null = null;
  const untracked = options.untracked ?? (<T>(fn: () => T) => fn());
  const regularPages = (): Page[] => {
    regular ??= untracked(() =>
      index.regularPageIds.map((id) => index.pages.get(id)).filter((p) => p !== undefined),
    );
    return regular;
  };
  return {
    title: site.title,
    description: site.description,
    language: site.language || "en",
    author: site.author,
    baseurl: origin + prefix,
    params: index.config.params,
    menu: index.menu,
    taxonomies: index.taxonomies,
    index,
    feedUrl: build.generate_rss ? absUrl("/rss.xml") : null,
    url,
    absUrl,
    asset: (path) => options.assetUrl(path.replace(/^\/+/, "")),
    hasAsset: (path) => options.assetExists?.(path.replace(/^\/+/, "")) ?? false,
    page: (id) => index.pages.get(id),
    section: (key) => index.sections.get(key),
    regularPages,
    generator: options.generator,
    buildDate: options.buildDate,
    formatDate: (date) => {
      formatter ??= dateFormatter(site.language);
      return formatter.format(date);
    },
    isoDate: (date) => date.toISOString(),
    summary: (page) => page.summary || page.description || excerpt(page),
  };
}
