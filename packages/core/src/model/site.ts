import type { MenuEntry, SiteConfig } from "./config.ts";
import type { Page, Section } from "./page.ts";

export interface Term {
  readonly name: string;
  readonly slug: string;
  readonly url: string;
  /** Regular pages carrying the term, newest first. */
  readonly pageIds: readonly string[];
}

export interface Taxonomy {
  /** `tags` or `categories`. */
  readonly name: string;
  readonly url: string;
  /** Sorted by page count desc, then name. */
  readonly terms: readonly Term[];
}

/** One page of a paginated list (section, term, home). */
export interface Pager {
  readonly number: number;
  readonly total: number;
  readonly perPage: number;
  readonly totalItems: number;
  readonly itemIds: readonly string[];
  /** Site-relative URLs (no baseurl) of every pager, index 0 = page 1. */
  readonly urls: readonly string[];
  readonly prevUrl: string | null;
  readonly nextUrl: string | null;
}

/**
 * A page to write: a content page, a generated list page, or one pager of a list.
 * `pageId` refers to `SiteIndex.pages`; list pagers 2..n share the list page's id.
 */
export interface RenderTarget {
  readonly pageId: string;
  readonly url: string;
  readonly outputPath: string;
  readonly pager: Pager | null;
}

export interface Alias {
  /** Site-relative URL of the redirect page. */
  readonly url: string;
  readonly outputPath: string;
  readonly targetId: string;
  readonly sourcePath: string;
}

export interface MenuItem extends MenuEntry {
  readonly children: readonly MenuItem[];
}

/** The content index: everything known about the site before rendering. Pure data. */
export interface SiteIndex {
  readonly config: SiteConfig;
  /** All pages (content and generated), by id, in deterministic order. */
  readonly pages: ReadonlyMap<string, Page>;
  readonly sections: ReadonlyMap<string, Section>;
  readonly taxonomies: readonly Taxonomy[];
  readonly targets: readonly RenderTarget[];
  readonly aliases: readonly Alias[];
  /** `[[menu.main]]`, or top-level sections by weight and title when none is configured. */
  readonly menu: readonly MenuItem[];
  /** Site-relative URL → page id (content and generated pages, pagers excluded). */
  readonly byUrl: ReadonlyMap<string, string>;
  /** Site-relative source path → page id. */
  readonly bySource: ReadonlyMap<string, string>;
  /** Regular pages (kind `page`) in site order: by date desc, weight, title. */
  readonly regularPageIds: readonly string[];
  /**
   * Draft pages left out of this build: source path → the URL they would have.
   * Lets the link checker say "draft" instead of "missing".
   */
  readonly drafts: ReadonlyMap<string, string>;
}
