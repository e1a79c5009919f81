import type { LinkRef } from "../model/render.ts";
import type { HtmlFacts } from "./html-links.ts";

/**
 * What the incremental link check remembers of an output, made where the output is rendered:
 * the fingerprint of everything its check reads about the output itself, and the signature of
 * its ids. A page worker sends these two short strings with each page, so a rebuild that
 * renders pages again without changing their links or ids (a layout edit) finds every recorded
 * check still good without reading the pages' link facts back from the cache.
 */
export interface LinkPrints {
  readonly fp: string;
  readonly sig: string;
}

/**
 * Everything an output's check reads about the output itself, as one text: its URL and source,
 * its links, and where they are written (in markdown as written, not as rewritten, which would
 * need the site's URL tables: a rewrite that changes shows in the rendered hrefs).
 */
export function linkFactsText(
  url: string,
  source: string | null,
  facts: HtmlFacts,
  markdownLinks: readonly LinkRef[],
): string {
  let text = `${url}\n${source ?? ""}\n`;
  for (const link of facts.links) text += `${link.href}\t${link.tag === "link" ? link.rel : ""}\n`;
  if (source === null) text += `${JSON.stringify(facts.ranges ?? null)}\n`;
  else {
    for (const link of markdownLinks) {
      const r = link.range;
      text += `${link.href}\t${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}\n`;
    }
  }
  return text;
}

/** The signature of an HTML output the check knows the ids of. */
export function idsSignature(ids: Iterable<string>, hash: (text: string) => string): string {
  return `i${hash([...ids].join("\n"))}`;
}

export function linkPrints(
  url: string,
  source: string | null,
  facts: HtmlFacts,
  markdownLinks: readonly LinkRef[],
  hash: (text: string) => string,
): LinkPrints {
  return { fp: hash(linkFactsText(url, source, facts, markdownLinks)), sig: idsSignature(facts.ids, hash) };
}
