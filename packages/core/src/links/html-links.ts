import type { Range } from "../model/range.ts";
import { decodeEntities } from "./entities.ts";
import { scanStartTags } from "./html-scan.ts";
import { attribute, type StartTag } from "./html-tag.ts";

/** One URL found in an output HTML page. */
export interface HtmlLink {
  readonly tag: string;
  readonly attr: "href" | "src" | "srcset";
  /** The URL with character references decoded, as a browser would request it. */
  readonly href: string;
  /** `rel` of a `<link>`, lower-cased ("" otherwise): preconnect hints are not links to check. */
  readonly rel: string;
}

export interface HtmlFacts {
  readonly links: readonly HtmlLink[];
  /** Every fragment target: `id` of any element and `name` of `<a>`. */
  readonly ids: ReadonlySet<string>;
  /** For pages without a source file: where each href is written in the HTML. */
  readonly ranges?: Readonly<Record<string, Range>>;
}

/** `HtmlFacts` as JSON can carry them (cache rows, worker replies): the ids as an array. */
export type PlainHtmlFacts = Omit<HtmlFacts, "ids"> & { readonly ids: readonly string[] };

export function plainHtmlFacts(facts: HtmlFacts): PlainHtmlFacts {
  return { ...facts, ids: [...facts.ids] };
}

export function revivedHtmlFacts(plain: PlainHtmlFacts): HtmlFacts {
  return { ...plain, ids: new Set(plain.ids) };
}

/** `srcset="a.png 1x, b.png 480w"` → `["a.png", "b.png"]`, following the HTML spec's candidate parsing. */
export function srcsetUrls(srcset: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = srcset.length;
  const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";
  while (i < n) {
    while (i < n && (isSpace(srcset[i]!) || srcset[i] === ",")) i++;
    const start = i;
    while (i < n && !isSpace(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      // Descriptors run to the next comma outside parentheses.
      let depth = 0;
      while (i < n && (depth > 0 || srcset[i] !== ",")) {
        if (srcset[i] === "(") depth++;
        else if (srcset[i] === ")") depth = Math.max(0, depth - 1);
        i++;
      }
    }
    if (url) out.push(url);
  }
  return out;
}

/**
 * A copy of a string that is part of a page's HTML: a slice shares the page's characters, so
 * facts kept for every page (through the link check, and across builds in the dev server) would
 * keep every page's whole HTML alive.
 */
const copied = (text: string): string => structuredClone(text);
const asIs = (text: string): string => text;

/**
 * Every link of a finished page (`a[href]`, `area[href]`, `img[src|srcset]`, `link[href]`,
 * `script[src]`, `source[src|srcset]`, `iframe[src]`) and every id, in document order: the
 * final HTML, layouts included, is what visitors get. A single pass of `scanStartTags`, which
 * finds the same tags as Bun's HTMLRewriter did here, at a fraction of the cost, and runs anywhere.
 * `detach: false` leaves the strings as slices of `html`, for facts that are encoded and dropped
 * (a page worker's): copying them was ~1.5% of a worker's time. `codeBlocks`: where highlighted
 * code blocks sit in `html`, passed over (`scanStartTags`).
 */
export function extractHtmlLinks(
  html: string,
  options: { readonly detach?: boolean; readonly codeBlocks?: readonly number[] } = {},
): HtmlFacts {
  const detached = options.detach === false ? asIs : copied;
  const links: HtmlLink[] = [];
  const ids = new Set<string>();
  const add = (tag: string, attr: HtmlLink["attr"], raw: string | null, rel = "") => {
    if (raw === null) return;
    if (attr === "srcset") {
      for (const url of srcsetUrls(decodeEntities(raw))) links.push({ tag, attr, href: detached(url), rel });
    } else {
      links.push({ tag, attr, href: detached(decodeEntities(raw).trim()), rel });
    }
  };
  const visit = (tag: StartTag) => {
    const name = tag.name;
    switch (name) {
      case "a":
      case "area":
        add(name, "href", attribute(tag, "href"));
        break;
      case "link":
        add(name, "href", attribute(tag, "href"), detached((attribute(tag, "rel") ?? "").toLowerCase()));
        break;
      case "img":
      case "source":
        add(name, "src", attribute(tag, "src"));
        add(name, "srcset", attribute(tag, "srcset"));
        break;
      case "script":
      case "iframe":
        add(name, "src", attribute(tag, "src"));
        break;
    }
    const id = attribute(tag, "id");
    if (id) ids.add(detached(decodeEntities(id)));
    if (name === "a") {
      const anchor = attribute(tag, "name");
      if (anchor) ids.add(detached(decodeEntities(anchor)));
    }
  };
  scanStartTags(html, visit, options.codeBlocks);
  return { links, ids };
}
