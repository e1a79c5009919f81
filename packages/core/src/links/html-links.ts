import type { Range } from "../model/range.ts";
import { decodeEntities } from "./entities.ts";

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
 * Every link of a finished page (`a[href]`, `img[src|srcset]`, `link[href]`, `script[src]`,
 * `source[src|srcset]`, `iframe[src]`) and every id, read with Bun's streaming HTMLRewriter:
 * the final HTML, layouts included, is what visitors get. Build-side only (Bun API).
 */
export function extractHtmlLinks(html: string): HtmlFacts {
  const links: HtmlLink[] = [];
  const ids = new Set<string>();
  const add = (tag: string, attr: HtmlLink["attr"], raw: string | null, rel = "") => {
    if (raw === null) return;
    if (attr === "srcset") {
      for (const url of srcsetUrls(decodeEntities(raw))) links.push({ tag, attr, href: url, rel });
    } else {
      links.push({ tag, attr, href: decodeEntities(raw).trim(), rel });
    }
  };
  new HTMLRewriter()
    .on("a[href], area[href]", { element: (e) => add(e.tagName, "href", e.getAttribute("href")) })
    .on("link[href]", {
      element: (e) =>
        add("link", "href", e.getAttribute("href"), (e.getAttribute("rel") ?? "").toLowerCase()),
    })
    .on("img, source", {
      element: (e) => {
        add(e.tagName, "src", e.getAttribute("src"));
        add(e.tagName, "srcset", e.getAttribute("srcset"));
      },
    })
    .on("script[src], iframe[src]", { element: (e) => add(e.tagName, "src", e.getAttribute("src")) })
    .on("[id]", {
      element: (e) => {
        const id = e.getAttribute("id");
        if (id) ids.add(decodeEntities(id));
      },
    })
    .on("a[name]", {
      element: (e) => {
        const name = e.getAttribute("name");
        if (name) ids.add(decodeEntities(name));
      },
    })
    .transform(html);
  return { links, ids };
}
