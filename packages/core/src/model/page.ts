import type { Range } from "./range.ts";

export type PageKind =
  | "home" // content/_index.md or content/index.md, or generated
  | "page" // a regular content page or leaf bundle
  | "section" // a folder's list page (`_index.md` or generated)
  | "taxonomy" // /tags/ — all terms
  | "term" // /tags/<slug>/ — pages with one term
  | "404";

/** The front matter fields Bengal knows, already validated and typed. Unknown keys live in `params`. */
export interface FrontMatter {
  readonly title?: string;
  readonly date?: Date;
  readonly lastmod?: Date;
  readonly draft?: boolean;
  readonly tags?: readonly string[];
  readonly categories?: readonly string[];
  readonly description?: string;
  readonly summary?: string;
  readonly slug?: string;
  readonly url?: string;
  readonly aliases?: readonly string[];
  readonly weight?: number;
  readonly layout?: string;
  readonly type?: string;
  readonly toc?: boolean;
  /** Every key that is not one of the above, as written. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** Where each front matter key was written, for diagnostics that point at it. */
export type KeyRanges = Readonly<Record<string, Range>>;

/** `parseDocument(path, text)`: what both the build and the language server get from one file. */
export interface ParsedDocument {
  /** Site-relative POSIX path, e.g. `content/blog/hello.md`. */
  readonly path: string;
  readonly frontMatter: FrontMatter;
  /** Ranges of the front matter keys and of their values (`keyRanges[k]` covers the value). */
  readonly keyRanges: KeyRanges;
  readonly format: "yaml" | "toml" | "none";
  /** Markdown after the front matter. */
  readonly body: string;
  /** 0-based line in the file where `body` starts, so body positions map back to the file. */
  readonly bodyLine: number;
  /**
   * The body's dependency value (a hash with `bodyLine`), when the build cache already knows it:
   * a cached document then reads its body only when something uses it.
   */
  readonly bodyKey?: string;
}

export interface TaxonomyTerm {
  readonly name: string;
  readonly slug: string;
  readonly url: string;
}

/** A page of the finished site index. Plain data: no services, no methods. */
export interface Page {
  readonly kind: PageKind;
  /** Stable identity: the source path for content pages, a `@generated/...` key otherwise. */
  readonly id: string;
  /** Site-relative source path, or null for generated pages. */
  readonly sourcePath: string | null;
  readonly title: string;
  readonly date: Date | null;
  readonly lastmod: Date | null;
  readonly draft: boolean;
  readonly tags: readonly TaxonomyTerm[];
  readonly categories: readonly TaxonomyTerm[];
  readonly description: string;
  readonly slug: string;
  /** Site-relative URL without baseurl, always starting with `/` (`/docs/intro/` or `/docs/intro.html`). */
  readonly url: string;
  /** Absolute URL including baseurl — canonical link, feeds, sitemap. */
  readonly permalink: string;
  /** Output file relative to the output dir (`docs/intro/index.html`). */
  readonly outputPath: string;
  readonly aliases: readonly string[];
  readonly weight: number;
  readonly layout: string | null;
  /** Where `layout` was written, so `layout.not-found` points at it. */
  readonly layoutRange?: Range | null;
  readonly type: string | null;
  readonly toc: boolean;
  readonly params: Readonly<Record<string, unknown>>;
  /** Key of the section this page belongs to (`""` = root, `docs/guides`). */
  readonly section: string;
  /** Markdown source of the body ("" for generated pages). */
  readonly body: string;
  readonly bodyLine: number;
  /** As on `ParsedDocument`: the body's dependency value when known without reading it. */
  readonly bodyKey?: string;
  /** Front matter summary if given. */
  readonly summary: string | null;
}

export interface Section {
  /** POSIX path under `content/` (`""` for the root, `docs/guides`). */
  readonly key: string;
  readonly title: string;
  readonly url: string;
  /** The `_index.md` page (or generated list page) representing the section. */
  readonly indexPageId: string;
  readonly parent: string | null;
  /** Regular pages directly in this section, sorted by date desc, weight, title. */
  readonly pageIds: readonly string[];
  readonly subsectionKeys: readonly string[];
  readonly weight: number;
}
