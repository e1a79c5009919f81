import type { SiteConfig } from "../model/config.ts";
import type { FrontMatter } from "../model/page.ts";

/** Where a content file sits: the parts URL rules and titles are derived from. */
export interface SourceShape {
  /** Folder segments under `content/` (`["docs", "guides"]`). */
  readonly dirs: readonly string[];
  /** File name without extension (`intro`, `index`, `_index`). */
  readonly stem: string;
  readonly kind: "home" | "section" | "bundle" | "page";
}

const CONTENT_EXT = /\.(md|markdown)$/i;

export function isContentFile(path: string): boolean {
  return CONTENT_EXT.test(path);
}

export function sourceShape(sourcePath: string): SourceShape {
  const rel = sourcePath.startsWith("content/") ? sourcePath.slice("content/".length) : sourcePath;
  const parts = rel.split("/").filter(Boolean);
  const file = parts.pop() ?? "";
  const stem = file.replace(CONTENT_EXT, "");
  if (stem === "_index" || stem === "index") {
    if (parts.length === 0) return { dirs: parts, stem, kind: "home" };
    return { dirs: parts, stem, kind: stem === "_index" ? "section" : "bundle" };
  }
  return { dirs: parts, stem, kind: "page" };
}

/** Path segments keep their spelling; only whitespace is made URL-safe. */
function urlSegment(s: string): string {
  return s.trim().replace(/\s+/g, "-");
}

/**
 * Normalises a user-written site URL (`url:` front matter, aliases): leading slash, and a trailing
 * slash unless it names a file (`/feed.xml`, `/old.html`).
 */
export function normalizeSiteUrl(url: string): string {
  let u = url.trim();
  if (!u.startsWith("/")) u = `/${u}`;
  u = u.replace(/\/{2,}/g, "/");
  if (u.endsWith("/")) return u;
  const last = u.slice(u.lastIndexOf("/") + 1);
  return last.includes(".") ? u : `${u}/`;
}

/** The site-relative URL of a content page (`/docs/intro/`, or `/docs/intro.html` without pretty URLs). */
export function pageUrl(
  sourcePath: string,
  fm: Pick<FrontMatter, "slug" | "url">,
  config: SiteConfig,
): string {
  if (fm.url !== undefined && fm.url.trim() !== "") return normalizeSiteUrl(fm.url);
  const shape = sourceShape(sourcePath);
  const segments = shape.dirs.map(urlSegment);
  if (shape.kind === "page") segments.push(urlSegment(shape.stem));
  const slug = fm.slug?.trim();
  if (slug && segments.length > 0) segments[segments.length - 1] = urlSegment(slug);
  if (segments.length === 0) return "/";
  const path = `/${segments.join("/")}`;
  // Home, sections and bundles own a folder, so they stay `/a/` (→ a/index.html) in both modes.
  if (shape.kind !== "page" || config.build.pretty_urls) return `${path}/`;
  return `${path}.html`;
}

/** `/a/b/` → `a/b/index.html`, `/` → `index.html`, `/a/b.html` → `a/b.html`. */
export function outputPathFor(url: string, _prettyUrls = true): string {
  const rel = url.replace(/^\/+/, "");
  if (rel === "" || rel.endsWith("/")) return `${rel}index.html`;
  return rel;
}

/** The folder URL a paginated list hangs its pagers under. */
function listBase(listUrl: string): string {
  if (listUrl.endsWith("/")) return listUrl;
  const stripped = listUrl.replace(/(\/index)?\.html?$/, "");
  return stripped.endsWith("/") ? stripped : `${stripped}/`;
}

/** Pager 1 is the list itself; later pagers live at `<list>page/<n>/` (or `page/<n>.html`). */
export function pagerUrl(listUrl: string, n: number, prettyUrls = true): string {
  if (n <= 1) return listUrl;
  return `${listBase(listUrl)}page/${n}${prettyUrls ? "/" : ".html"}`;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The path part of a baseurl: `https://x.org/docs` → `/docs`, `/docs/` → `/docs`, `` → ``. */
export function baseurlPath(baseurl: string): string {
  let path = baseurl.trim();
  if (ABSOLUTE.test(path)) {
    const afterHost = path.replace(ABSOLUTE, "");
    const slash = afterHost.indexOf("/");
    path = slash < 0 ? "" : afterHost.slice(slash);
  } else if (path.startsWith("//")) {
    const slash = path.indexOf("/", 2);
    path = slash < 0 ? "" : path.slice(slash);
  }
  path = path.replace(/\/+$/, "");
  if (path !== "" && !path.startsWith("/")) path = `/${path}`;
  return path;
}

/** An href for use inside the site: the baseurl's path prefix plus the site-relative URL. */
export function joinBaseurl(baseurl: string, url: string): string {
  const prefix = baseurlPath(baseurl);
  if (prefix === "") return url;
  return url.startsWith("/") ? `${prefix}${url}` : `${prefix}/${url}`;
}

/** A permalink: the full baseurl plus the URL; a path-only or empty baseurl gives a root-relative path. */
export function absoluteUrl(baseurl: string, url: string): string {
  const origin = originOf(baseurl);
  if (origin !== null) return url.startsWith("/") ? `${origin}${url}` : `${origin}/${url}`;
  return joinBaseurl(baseurl.trim(), url);
}

/** The last baseurl's origin: every page of a build asks with the same one. */
let lastBase: string | null = null;
let lastOrigin: string | null = null;

/** An absolute (or protocol-relative) baseurl without its trailing slashes; null for a path. */
function originOf(baseurl: string): string | null {
  if (baseurl !== lastBase) {
    const base = baseurl.trim();
    lastOrigin = ABSOLUTE.test(base) || base.startsWith("//") ? base.replace(/\/+$/, "") : null;
    lastBase = baseurl;
  }
  return lastOrigin;
}

/**
 * A term's URL slug: lowercase, spaces as `-`, only letters, digits, `-` and `_` kept.
 * A name made only of symbols falls back to its percent-encoding so it still gets a page.
 */
const termSlugs = new Map<string, string>();

export function termSlug(name: string): string {
  // Sites repeat a few names thousands of times; the Unicode regexes below are the index's hot spot.
  const known = termSlugs.get(name);
  if (known !== undefined) return known;
  const slug = computeTermSlug(name);
  if (termSlugs.size < 100_000) termSlugs.set(name, slug);
  return slug;
}

function computeTermSlug(name: string): string {
  const lower = name.normalize("NFKC").toLowerCase().trim();
  const slug = lower
    .replace(/\s+/g, "-")
    .replace(/[^\p{L}\p{N}_-]+/gu, "")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug !== "" ? slug : encodeURIComponent(lower.replace(/\s+/g, "-"));
}
