import type { Severity } from "./diagnostic.ts";

export interface MenuEntry {
  readonly name: string;
  readonly url: string;
  readonly weight: number;
  readonly identifier?: string;
  readonly parent?: string;
}

export interface HighlightConfig {
  /** Shiki theme for light mode. */
  readonly light: string;
  /** Shiki theme for dark mode; switched by CSS (`prefers-color-scheme` or `[data-theme=dark]`). */
  readonly dark: string;
  /** `false` turns highlighting off; code blocks are then escaped plain `<pre><code>`. */
  readonly enabled: boolean;
  readonly line_numbers: boolean;
}

export interface SiteConfig {
  readonly site: {
    readonly title: string;
    /** Absolute (`https://example.com/docs`) or a path prefix (`/docs`); stored without trailing slash. */
    readonly baseurl: string;
    readonly description: string;
    readonly language: string;
    readonly author: string;
  };
  readonly build: {
    readonly output_dir: string;
    readonly parallel: boolean;
    /** `null` means `min(8, ceil(n / 4))` for assets and the core count for pages. */
    readonly max_workers: number | null;
    readonly pretty_urls: boolean;
    readonly minify_assets: boolean;
    readonly fingerprint_assets: boolean;
    readonly optimize_assets: boolean;
    readonly generate_sitemap: boolean;
    readonly generate_rss: boolean;
    readonly validate_links: boolean;
    readonly strict_mode: boolean;
    readonly drafts: boolean;
  };
  readonly pagination: { readonly per_page: number };
  /** RSS and Atom feeds (`[feeds]`). */
  readonly feeds: {
    /** Newest pages per feed. */
    readonly limit: number;
    /** `true`: each item carries the page's full HTML; `false`: its description or summary. */
    readonly full_content: boolean;
  };
  readonly markdown: {
    readonly highlight: HighlightConfig;
    /** Words a minute used for `readingTime`. */
    readonly reading_speed: number;
    /** Heading levels collected into the table of contents. */
    readonly toc_min_level: number;
    readonly toc_max_level: number;
  };
  readonly content: {
    /** When true a page without `title` is reported (`frontmatter.missing-title`) instead of titled from its file name. */
    readonly require_title: boolean;
  };
  readonly menu: { readonly main: readonly MenuEntry[] };
  readonly theme: string;
  /** Per-rule severities, keyed by diagnostic code; `"off"` silences a rule. Read by build and language server alike. */
  readonly validate: Readonly<Record<string, Severity | "off">>;
  /** Free values for layouts (`site.params.x`). */
  readonly params: Readonly<Record<string, unknown>>;
}
