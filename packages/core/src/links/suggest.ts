import { closest } from "../diagnostics/suggest.ts";
import { dirname, relative } from "../host/path.ts";
import type { SiteIndex } from "../model/site.ts";

/**
 * The existing target closest to a missing one, written the way the link was: a path relative to
 * `from` for `.md` links (`path` is then a source path), else a site URL. Null when nothing is close.
 * Shared by the link checker's hints and the language server's quick fixes.
 */
export function suggestPage(index: SiteIndex, from: string, path: string): string | null {
  if (path.startsWith("content/") || !path.startsWith("/")) {
    const source = closest(path, index.bySource.keys());
    return source ? relative(dirname(from), source) : null;
  }
  return closest(path, index.byUrl.keys());
}

/** The id on the target page closest to a missing `#fragment`, or null. */
export function suggestAnchor(ids: Iterable<string>, fragment: string): string | null {
  return closest(fragment, ids);
}
