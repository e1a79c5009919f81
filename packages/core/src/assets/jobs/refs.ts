import { normalize, relative } from "../../host/path.ts";

/**
 * Reference arithmetic for files under `assets/`. Rels are POSIX paths relative to the assets
 * root; a rel may start with `..` when a stylesheet points outside it (into the output root).
 */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Stands for the assets folder so that `..` can climb out of it without being lost. */
const ROOT = "/assets";

/** Only relative references are ours to resolve; data:, http:, `//host`, `/abs` and `#frag` stay. */
export function isLocalRef(url: string): boolean {
  return url !== "" && !url.startsWith("#") && !url.startsWith("/") && !SCHEME.test(url);
}

/** `font.woff2?v=3#x` → [`font.woff2`, `?v=3#x`]. */
export function splitSuffix(url: string): [string, string] {
  const i = url.search(/[?#]/);
  return i < 0 ? [url, ""] : [url.slice(0, i), url.slice(i)];
}

export function dirOf(rel: string): string {
  const i = rel.lastIndexOf("/");
  return i < 0 ? "" : rel.slice(0, i);
}

/** Resolves `path` as written in the file `fromRel` to a rel under the assets root. */
export function resolveRef(fromRel: string, path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A stray `%` is taken literally.
  }
  const abs = normalize(`${ROOT}/${dirOf(fromRel)}/${decoded}`);
  return relative(ROOT, abs);
}

/** The URL that leads from a file in `fromDir` to `toRel`, escaped for use inside `url()`. */
export function relativeRef(fromDir: string, toRel: string): string {
  const rel = relative(`${ROOT}/${fromDir}`, `${ROOT}/${toRel}`);
  return rel.replace(
    /[\s"'()\\%]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}
