import { dirname, join, normalize, relative } from "../host/path.ts";
import type { SiteIndex } from "../model/site.ts";

/** Where a URL leads: the page and the canonical URL of what matched (a pager's own URL, an alias's target). */
export interface UrlHit {
  readonly pageId: string;
  readonly url: string;
}

/** Lookups derived from an index once, reused for every link of the build. */
export interface Lookups {
  readonly urls: ReadonlyMap<string, UrlHit>;
  /** Draft page URL → source path. */
  readonly draftUrls: ReadonlyMap<string, string>;
}

/**
 * Per URL table: an index the dev server carries over (bodies swapped) keeps its URL table,
 * targets, aliases and drafts, and with them every URL, so the lookups stand.
 */
const cache = new WeakMap<object, { targets: object; aliases: object; drafts: object; made: Lookups }>();

/**
 * Per index object first: during a tracked render the index is a recording view, and looking
 * at its lists here would make every page with a link depend on all targets and aliases. The
 * renderer calls this once per build before tracking starts.
 */
const byIndex = new WeakMap<object, Lookups>();

export function lookups(index: SiteIndex): Lookups {
  const same = byIndex.get(index);
  if (same) return same;
  const made = lookupsOf(index);
  byIndex.set(index, made);
  return made;
}

/** Gives `view` (a recording view of `index`) the lookups of `index`, made from the plain one. */
export function shareLookups(index: SiteIndex, view: SiteIndex): void {
  byIndex.set(view, lookups(index));
}

function lookupsOf(index: SiteIndex): Lookups {
  const hit = cache.get(index.byUrl);
  if (hit && hit.targets === index.targets && hit.aliases === index.aliases && hit.drafts === index.drafts) {
    return hit.made;
  }
  const urls = new Map<string, UrlHit>();
  for (const [url, pageId] of index.byUrl) urls.set(url, { pageId, url });
  for (const t of index.targets) if (!urls.has(t.url)) urls.set(t.url, { pageId: t.pageId, url: t.url });
  for (const a of index.aliases) {
    const target = index.pages.get(a.targetId);
    if (target && !urls.has(a.url)) urls.set(a.url, { pageId: a.targetId, url: target.url });
  }
  const draftUrls = new Map<string, string>();
  for (const [source, url] of index.drafts) draftUrls.set(url, source);
  const made = { urls, draftUrls };
  cache.set(index.byUrl, { targets: index.targets, aliases: index.aliases, drafts: index.drafts, made });
  return made;
}

/**
 * The spellings of one site URL that may name the same page: `/a/b`, `/a/b/`,
 * `/a/b/index.html`, `/a/b.html`, so links work whichever URL style the author assumed.
 */
export function urlVariants(path: string): string[] {
  const out = [path];
  const last = path.slice(path.lastIndexOf("/") + 1);
  if (path.endsWith("/index.html")) out.push(path.slice(0, -"index.html".length));
  else if (path.endsWith(".html")) out.push(`${path.slice(0, -".html".length)}/`);
  else if (path.endsWith("/")) {
    if (path !== "/") out.push(`${path.slice(0, -1)}.html`);
  } else if (!last.includes(".")) out.push(`${path}/`, `${path}.html`);
  return out;
}

export function findUrl<T>(map: ReadonlyMap<string, T>, path: string): T | undefined {
  for (const v of urlVariants(path)) {
    const hit = map.get(v);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Resolves a relative URL against a page URL; a trailing slash in the link is kept. */
export function resolveUrl(base: string, rel: string): string {
  const dir = base.endsWith("/") ? base : `${dirname(base)}/`;
  const out = normalize(`${dir}${rel}`);
  const wantsSlash =
    rel.endsWith("/") || rel === "." || rel === ".." || rel.endsWith("/.") || rel.endsWith("/..");
  return wantsSlash && !out.endsWith("/") ? `${out}/` : out;
}

/** The URL of the page written from a source file, also for excluded drafts and unknown files. */
export function sourceUrl(index: SiteIndex, sourcePath: string): string {
  const id = index.bySource.get(sourcePath);
  const page = id !== undefined ? index.pages.get(id) : undefined;
  if (page) return page.url;
  const draft = index.drafts.get(sourcePath);
  if (draft !== undefined) return draft;
  const dir = dirname(sourcePath).replace(/^content\/?/, "");
  return dir === "" || dir === "." || dir === "content" ? "/" : `/${dir}/`;
}

/**
 * The output URL of a non-page file under `content/`: beside its leaf bundle's page (which
 * follows that page's slug/url), else at the same path under the site root.
 */
export function resourceUrl(index: SiteIndex, sitePath: string): string {
  const path = normalize(sitePath);
  let dir = dirname(path);
  while (dir.startsWith("content")) {
    for (const name of ["index.md", "index.markdown"]) {
      const id = index.bySource.get(join(dir, name));
      const page = id !== undefined ? index.pages.get(id) : undefined;
      if (page && page.kind !== "section") {
        const base = page.url.endsWith("/") ? page.url : `${dirname(page.url)}/`;
        return `${base}${relative(dir, path)}`.replace(/\/{2,}/g, "/");
      }
    }
    if (dir === "content") break;
    dir = dirname(dir);
  }
  return `/${path.replace(/^content\//, "")}`;
}
