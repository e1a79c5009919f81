import type { Range } from "../model/range.ts";
import type { LinkRef } from "../model/render.ts";
import type { SiteIndex } from "../model/site.ts";
import { type FileExists, rewriteHref } from "./resolve.ts";

/** A markdown link and the file it was written in. */
export interface SourceLink {
  readonly sourcePath: string;
  readonly link: LinkRef;
}

function decodeUri(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/**
 * One spelling for an href whether it came from markdown source (angle brackets, backslash
 * escapes) or from the rendered HTML (percent-encoded by marked), so the two can be matched.
 */
export function hrefKey(href: string): string {
  let h = href.trim();
  if (h.startsWith("<") && h.endsWith(">")) h = h.slice(1, -1);
  h = h.replace(/\\([!-/:-@[-`{-~])/g, "$1");
  return decodeUri(h);
}

export function rangeKey(file: string, r: Range): string {
  return `${file}:${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
}

/**
 * Markdown links indexed by the href the renderer wrote for them (after `.md` and resource
 * rewriting), per source file and site-wide: a link of the final HTML is traced back to the
 * line and column it was written at.
 */
export interface MarkdownLinks {
  bySource(sourcePath: string, href: string): readonly SourceLink[];
  anywhere(href: string): readonly SourceLink[];
}

export function indexMarkdownLinks(
  index: SiteIndex,
  pages: ReadonlyArray<{ readonly sourcePath: string; readonly links: readonly LinkRef[] }>,
  files: FileExists,
): MarkdownLinks {
  const perSource = new Map<string, Map<string, SourceLink[]>>();
  const global = new Map<string, SourceLink[]>();
  for (const page of pages) {
    const own = new Map<string, SourceLink[]>();
    perSource.set(page.sourcePath, own);
    for (const link of page.links) {
      const written = rewriteHref(index, page.sourcePath, link.href, files) ?? link.href;
      const key = hrefKey(written);
      const entry = { sourcePath: page.sourcePath, link };
      own.set(key, [...(own.get(key) ?? []), entry]);
      global.set(key, [...(global.get(key) ?? []), entry]);
    }
  }
  return {
    bySource: (sourcePath, href) => perSource.get(sourcePath)?.get(hrefKey(href)) ?? [],
    anywhere: (href) => global.get(hrefKey(href)) ?? [],
  };
}
