import { baseurlPath, isContentFile, joinBaseurl } from "../content/urls.ts";
import { dirname, extname, join, normalize } from "../host/path.ts";
import type { SiteIndex } from "../model/site.ts";
import { findUrl, lookups, resolveUrl, resourceUrl, sourceUrl } from "./lookup.ts";

export type LinkTarget =
  | { readonly kind: "external" }
  | { readonly kind: "page"; readonly pageId: string; readonly fragment: string | null; readonly url: string }
  /** `sitePath`: the site-relative file that provides it (`static/x.png`), null for files the build writes itself. */
  | { readonly kind: "file"; readonly url: string; readonly sitePath: string | null }
  | { readonly kind: "anchor-only"; readonly fragment: string }
  /** `path` is a source path for `.md` links, else a site URL; `draftSource` names an excluded draft it would reach. */
  | { readonly kind: "missing-page"; readonly path: string; readonly draftSource?: string }
  /** `path` is a site path (`content/post/img.png`) for relative links, else a site URL. */
  | { readonly kind: "missing-file"; readonly path: string };

export interface FileExists {
  /** Whether a site-relative file exists (`static/images/x.png`, `content/post/img.png`). */
  exists(sitePath: string): boolean;
}

/** How a link was resolved, which decides whether the renderer rewrites it. */
type Via = "source" | "root" | "root-unprefixed" | "resource" | "url";

interface Resolved {
  readonly target: LinkTarget;
  readonly via: Via;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PAGE_EXT = new Set(["", ".html", ".htm"]);

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function isFileLike(path: string): boolean {
  return !PAGE_EXT.has(extname(path).toLowerCase());
}

/** Files the build writes itself, so links to them are valid though no source file exists. */
function generatedFile(index: SiteIndex, url: string): boolean {
  const b = index.config.build;
  return (
    url === "/robots.txt" ||
    (url === "/sitemap.xml" && b.generate_sitemap) ||
    ((url === "/rss.xml" || url === "/atom.xml") && b.generate_rss)
  );
}

/**
 * Static files sit at the site root; assets are written under `/assets/`, but `/x.css` is accepted too.
 * Returns the file that provides `url` (null for sitemap/feed), or undefined when nothing does.
 */
function rootFile(index: SiteIndex, url: string, files: FileExists): string | null | undefined {
  if (generatedFile(index, url)) return null;
  const candidates = [`static${url}`, `assets${url}`];
  if (url.startsWith("/assets/")) candidates.push(url.slice(1));
  return candidates.find((c) => files.exists(c));
}

function pageAt(index: SiteIndex, url: string, fragment: string | null): LinkTarget | null {
  const hit = findUrl(lookups(index).urls, url);
  return hit ? { kind: "page", pageId: hit.pageId, fragment, url: hit.url } : null;
}

function missingPage(index: SiteIndex, url: string): LinkTarget {
  const draftSource = findUrl(lookups(index).draftUrls, url);
  return draftSource !== undefined
    ? { kind: "missing-page", path: url, draftSource }
    : { kind: "missing-page", path: url };
}

function resolveSource(index: SiteIndex, from: string, path: string, fragment: string | null): LinkTarget {
  const candidates = path.startsWith("/")
    ? [normalize(`content${path}`), normalize(path.slice(1))]
    : [join(dirname(from), path)];
  for (const source of candidates) {
    const id = index.bySource.get(source);
    const page = id !== undefined ? index.pages.get(id) : undefined;
    if (page) return { kind: "page", pageId: page.id, fragment, url: page.url };
  }
  const first = candidates[0]!;
  const draft = candidates.find((c) => index.drafts.has(c));
  return draft !== undefined
    ? { kind: "missing-page", path: draft, draftSource: draft }
    : { kind: "missing-page", path: first };
}

function resolveRoot(index: SiteIndex, path: string, fragment: string | null, files: FileExists): Resolved {
  const prefix = baseurlPath(index.config.site.baseurl);
  const prefixed = prefix !== "" && (path === prefix || path.startsWith(`${prefix}/`));
  const tries: Array<[string, Via]> = [];
  if (prefixed) tries.push([path.slice(prefix.length) || "/", "root"]);
  tries.push([path, prefix === "" ? "root" : "root-unprefixed"]);
  const wanted = tries[0]![0];
  for (const [url, via] of tries) {
    const page = isFileLike(url) ? null : pageAt(index, url, fragment);
    if (page) return { target: page, via };
    const sitePath = rootFile(index, url, files);
    if (sitePath !== undefined) return { target: { kind: "file", url, sitePath }, via };
  }
  const target = isFileLike(wanted)
    ? { kind: "missing-file" as const, path: wanted }
    : missingPage(index, wanted);
  return { target, via: "root" };
}

function resolveRelative(
  index: SiteIndex,
  from: string,
  path: string,
  fragment: string | null,
  files: FileExists,
): Resolved {
  const url = resolveUrl(sourceUrl(index, from), path);
  if (isFileLike(path)) {
    const sitePath = join(dirname(from), path);
    if (files.exists(sitePath)) {
      return { target: { kind: "file", url: resourceUrl(index, sitePath), sitePath }, via: "resource" };
    }
    const rooted = rootFile(index, url, files);
    if (rooted !== undefined) return { target: { kind: "file", url, sitePath: rooted }, via: "url" };
    return { target: { kind: "missing-file", path: sitePath }, via: "resource" };
  }
  return { target: pageAt(index, url, fragment) ?? missingPage(index, url), via: "url" };
}

function resolve(
  index: SiteIndex,
  from: string,
  href: string,
  files: FileExists,
): (Resolved & { readonly rawFragment: string | null }) | null {
  const raw = href.trim();
  if (raw.startsWith("//") || SCHEME.test(raw)) return null;
  const hashAt = raw.indexOf("#");
  // Kept as written (still encoded) for rewriting; decoded for lookups.
  const rawFragment = hashAt >= 0 ? raw.slice(hashAt + 1) : null;
  const fragment = rawFragment === null ? null : decode(rawFragment);
  let path = hashAt >= 0 ? raw.slice(0, hashAt) : raw;
  const queryAt = path.indexOf("?");
  if (queryAt >= 0) path = path.slice(0, queryAt);
  path = decode(path);
  let resolved: Resolved;
  if (path === "") resolved = { target: { kind: "anchor-only", fragment: fragment ?? "" }, via: "url" };
  else if (isContentFile(path))
    resolved = { target: resolveSource(index, from, path, fragment), via: "source" };
  else if (path.startsWith("/")) resolved = resolveRoot(index, path, fragment, files);
  else resolved = resolveRelative(index, from, path, fragment, files);
  return { ...resolved, rawFragment };
}

/** What a link in `fromSourcePath` points to. Pure apart from `files.exists`. */
export function resolveLink(
  index: SiteIndex,
  fromSourcePath: string,
  href: string,
  files: FileExists,
): LinkTarget {
  return resolve(index, fromSourcePath, href, files)?.target ?? { kind: "external" };
}

/**
 * The href the renderer should write instead, or null to keep the link as written:
 * `.md` links become the page URL, relative resources their output URL, and root links
 * that resolve without the baseurl prefix get it; all with the baseurl path and fragment.
 */
export function rewriteHref(
  index: SiteIndex,
  fromSourcePath: string,
  href: string,
  files: FileExists,
): string | null {
  const r = resolve(index, fromSourcePath, href, files);
  if (!r) return null;
  const base = index.config.site.baseurl;
  const hash = r.rawFragment !== null ? `#${r.rawFragment}` : "";
  const t = r.target;
  if (r.via === "source" && t.kind === "page") return `${joinBaseurl(base, t.url)}${hash}`;
  if (r.via === "resource" && t.kind === "file") return `${joinBaseurl(base, t.url)}${hash}`;
  if (r.via === "root-unprefixed" && (t.kind === "page" || t.kind === "file")) {
    return joinBaseurl(base, href.trim());
  }
  return null;
}
