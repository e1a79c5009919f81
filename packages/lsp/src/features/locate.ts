import type { LinkRef, Page, Position, Range } from "@bengal/core/analysis";
import { type LinkTarget, resolveLink } from "@bengal/core/analysis";
import type { DocState } from "../workspace/doc-state.ts";
import type { Site } from "../workspace/site.ts";

export function contains(range: Range, pos: Position): boolean {
  const { start, end } = range;
  if (pos.line < start.line || pos.line > end.line) return false;
  if (pos.line === start.line && pos.character < start.character) return false;
  if (pos.line === end.line && pos.character > end.character) return false;
  return true;
}

export function linkAt(doc: DocState, pos: Position): LinkRef | undefined {
  return doc.analysis.links.find((l) => contains(l.range, pos));
}

/** Index into `doc.analysis.headings` of the heading on `pos`'s line. */
export function headingAt(doc: DocState, pos: Position): number {
  return doc.analysis.headingRanges.findIndex((h) => contains(h.range, pos));
}

export function lineOf(text: string, line: number): string {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) return "";
    start = nl + 1;
  }
  const end = text.indexOf("\n", start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, "");
}

/** The source text under a single-line range, or null when the range spans lines. */
export function textAt(text: string, range: Range): string | null {
  if (range.start.line !== range.end.line) return null;
  return lineOf(text, range.start.line).slice(range.start.character, range.end.character);
}

/** What a link reaches, in terms of files: the page and heading, or the file. */
export interface Destination {
  readonly target: LinkTarget;
  readonly page: Page | null;
  /** Site-relative file the link opens, if one exists. */
  readonly file: string | null;
  /** Index into the target document's headings named by the fragment, or -1. */
  readonly heading: number;
}

function headingIndex(site: Site, file: string | null, fragment: string | null): number {
  if (file === null || fragment === null || fragment === "") return -1;
  const doc = site.docs.get(file);
  if (!doc) return -1;
  return doc.analysis.headings.findIndex((h) => h.id === fragment || h.id === encodeURIComponent(fragment));
}

export function destinationOf(site: Site, from: string, href: string): Destination {
  const target = resolveLink(site.index, from, href, site.fileSet);
  switch (target.kind) {
    case "page": {
      const page = site.index.pages.get(target.pageId) ?? null;
      const file = page?.sourcePath ?? null;
      return { target, page, file, heading: headingIndex(site, file, target.fragment) };
    }
    case "anchor-only":
      return {
        target,
        page: site.pageOf(from) ?? null,
        file: from,
        heading: headingIndex(site, from, target.fragment),
      };
    case "file":
      return { target, page: null, file: target.sitePath, heading: -1 };
    case "missing-page":
      return { target, page: null, file: target.draftSource ?? null, heading: -1 };
    default:
      return { target, page: null, file: null, heading: -1 };
  }
}

/** The part of a link's href before `?`/`#`, and the fragment without `#` (null when none). */
export function splitHref(href: string): { path: string; fragment: string | null } {
  const hash = href.indexOf("#");
  const beforeHash = hash < 0 ? href : href.slice(0, hash);
  const q = beforeHash.indexOf("?");
  return {
    path: q < 0 ? beforeHash : beforeHash.slice(0, q),
    fragment: hash < 0 ? null : href.slice(hash + 1),
  };
}
