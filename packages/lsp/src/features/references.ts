import { join, type LinkRef, type Position } from "@bengal/core/analysis";
import type { Location } from "vscode-languageserver/node";
import type { DocState } from "../workspace/doc-state.ts";
import type { Site } from "../workspace/site.ts";
import { destinationOf, headingAt, linkAt } from "./locate.ts";

export interface LinkUse {
  readonly file: string;
  readonly link: LinkRef;
  /** The fragment as written after `#` (still encoded), or null. */
  readonly rawFragment: string | null;
}

function fragmentOf(href: string): string | null {
  const i = href.indexOf("#");
  return i < 0 ? null : href.slice(i + 1);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Every link in the site that reaches `file` (and, when `id` is given, that heading), found through
 * the reverse link graph and confirmed with core's resolver.
 */
export function linksTo(site: Site, file: string, id: string | null): LinkUse[] {
  const out: LinkUse[] = [];
  const candidates = new Set([file, ...site.links.linkersOf(file)]);
  for (const from of candidates) {
    const doc = site.docs.get(from);
    if (!doc) continue;
    for (const link of doc.analysis.links) {
      const dest = destinationOf(site, from, link.href);
      if (dest.file !== file || (dest.target.kind !== "page" && dest.target.kind !== "anchor-only")) continue;
      const raw = fragmentOf(link.href.trim());
      if (id !== null && (raw === null || decode(raw) !== id)) continue;
      out.push({ file: from, link, rawFragment: raw });
    }
  }
  return out;
}

/** On a heading: links to it. On a link: links to the same target. Elsewhere: links to this page. */
export function references(
  site: Site,
  doc: DocState,
  pos: Position,
  includeDeclaration: boolean,
  toUri: (path: string) => string,
): Location[] {
  let file: string | null = doc.path;
  let id: string | null = null;
  const link = linkAt(doc, pos);
  const heading = headingAt(doc, pos);
  if (link) {
    const dest = destinationOf(site, doc.path, link.href);
    file = dest.file;
    const target = dest.file === null ? undefined : site.docs.get(dest.file);
    id = dest.heading >= 0 && target ? target.analysis.headings[dest.heading]!.id : null;
  } else if (heading >= 0) {
    id = doc.analysis.headings[heading]!.id;
  }
  if (file === null) return [];
  const out: Location[] = linksTo(site, file, id).map((u) => ({
    uri: toUri(join(site.root, u.file)),
    range: u.link.range,
  }));
  if (includeDeclaration && id !== null && !link) {
    out.unshift({ uri: toUri(join(site.root, file)), range: doc.analysis.headingRanges[heading]!.range });
  }
  return out;
}
