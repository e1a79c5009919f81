import { baseurlPath } from "../content/urls.ts";
import { extname } from "../host/path.ts";

/** The finished output as links see it: every file, and the fragment targets of HTML files. */
export interface OutputSite {
  /** Output paths relative to the output folder (`docs/intro/index.html`). */
  readonly files: { has(path: string): boolean };
  /** Ids of an HTML output, or undefined when unknown (then fragments are not checked). */
  idsOf(path: string): ReadonlySet<string> | undefined;
  /** Alias redirect page → the output path of the page it redirects to. */
  readonly redirects: { get(path: string): string | undefined };
}

export type OutputLink =
  /** An http(s) URL outside the site: checked only with `--check-external`. */
  | { readonly kind: "external"; readonly url: string }
  /** `mailto:`, `tel:`, `data:`, `javascript:` and the like. */
  | { readonly kind: "ignored" }
  | { readonly kind: "ok"; readonly path: string }
  /** `url` is site-relative (no baseurl prefix); `unprefixed` when the link lacks the baseurl path prefix. */
  | { readonly kind: "missing"; readonly url: string; readonly unprefixed: boolean }
  | {
      readonly kind: "no-anchor";
      readonly url: string;
      readonly fragment: string;
      readonly ids: ReadonlySet<string>;
    };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;
const PAGE_EXT = new Set(["", ".html", ".htm"]);
/** A stand-in origin for resolving site-relative links with WHATWG URL rules. */
const LOCAL = "http://bengal.invalid";

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function isFileLike(url: string): boolean {
  return !PAGE_EXT.has(extname(url).toLowerCase());
}

/** Fragment ids compare decoded, and also percent-encoded, as the markdown checker does. */
export function hasId(ids: ReadonlySet<string>, fragment: string): boolean {
  return ids.has(fragment) || ids.has(encodeURIComponent(fragment));
}

/** Output file serving a site path: `/a/` → `a/index.html`; `/a` also finds `a/index.html` or `a.html`. */
export function outputFileFor(files: { has(path: string): boolean }, path: string): string | null {
  const rel = path.replace(/^\/+/, "");
  const candidates =
    rel === "" || rel.endsWith("/") ? [`${rel}index.html`] : [rel, `${rel}/index.html`, `${rel}.html`];
  return candidates.find((c) => files.has(c)) ?? null;
}

/** The base URL against which a page's relative links resolve, with the baseurl's origin if it has one. */
function documentBase(baseurl: string, pageUrl: string): URL {
  const origin = ABSOLUTE.test(baseurl) ? new URL(baseurl).origin : LOCAL;
  return new URL(`${baseurlPath(baseurl)}${pageUrl}`, origin);
}

/** Characters a URL parser leaves as they are, in a fragment and in a path. */
const PLAIN_FRAGMENT = /^#[\w\-.~!$&'()*+,;=:@/?]*$/;
const PLAIN_PATH = /^\/(?!\/)[\w\-.~!$&'()*+,;=:@/]*$/;

/** The decoded path and fragment an href leads to, or where it leads when that is not the site. */
type Located = { readonly path: string; readonly fragment: string } | OutputLink;

/**
 * A fragment-only href (`#setup`) of a page whose URL needs no escaping, located without URL
 * parsing: the page itself, and the fragment as written. A page's table of contents is made of
 * them, and building the page's base URL and the link's URL for each took ~20% of checking
 * 10,000 pages. Anything else: null, and `locateByUrl` decides (a test holds the two equal).
 */
export function locateOnPage(prefix: string, pageUrl: string, raw: string): Located | null {
  if (raw.charCodeAt(0) !== 35 || !PLAIN_FRAGMENT.test(raw)) return null;
  const path = `${prefix}${pageUrl}`;
  if (!PLAIN_PATH.test(path) || /(^|\/)\.\.?(\/|$)/.test(path)) return null;
  return { path, fragment: raw.slice(1) };
}

/** Where an href leads, by WHATWG URL rules from the page's URL (baseurl prefix included). */
export function locateByUrl(baseurl: string, pageUrl: string, raw: string): Located {
  const base = documentBase(baseurl, pageUrl);
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { kind: "missing", url: raw, unprefixed: false };
  }
  if (url.origin !== base.origin) {
    return /^https?:$/.test(url.protocol) ? { kind: "external", url: url.href } : { kind: "ignored" };
  }
  return { path: decode(url.pathname), fragment: decode(url.hash.slice(1)) };
}

/**
 * Where an href of an output page leads, resolved as a browser would from the page's URL
 * (baseurl prefix included): a file of the output, an id inside it, or nothing.
 */
export function resolveOutputLink(
  site: OutputSite,
  baseurl: string,
  pageUrl: string,
  href: string,
): OutputLink {
  const raw = href.trim();
  if (raw === "") return { kind: "ok", path: "" };
  if (SCHEME.test(raw) && !/^https?:/i.test(raw)) return { kind: "ignored" };
  const prefix = baseurlPath(baseurl);
  const located = locateOnPage(prefix, pageUrl, raw) ?? locateByUrl(baseurl, pageUrl, raw);
  if ("kind" in located) return located;
  let { path } = located;
  const { fragment } = located;
  if (prefix !== "") {
    if (path === prefix || path.startsWith(`${prefix}/`)) path = path.slice(prefix.length) || "/";
    // An absolute href (never located on the page): the same URL as resolved against any base.
    else if (ABSOLUTE.test(baseurl) && ABSOLUTE.test(raw))
      return { kind: "external", url: new URL(raw).href };
    else return { kind: "missing", url: path, unprefixed: true };
  }
  const file = outputFileFor(site.files, path);
  if (file === null) return { kind: "missing", url: path, unprefixed: false };
  if (fragment === "" || !/\.html?$/i.test(file)) return { kind: "ok", path: file };
  const ids = site.idsOf(site.redirects.get(file) ?? file);
  if (ids === undefined || hasId(ids, fragment)) return { kind: "ok", path: file };
  return { kind: "no-anchor", url: path, fragment, ids };
}
