import type { Page, Section } from "../../model/page.ts";
import type { Heading, TocEntry } from "../../model/render.ts";
import type { MenuItem, Pager, SiteIndex, Taxonomy, Term } from "../../model/site.ts";

/** What every layout sees about the site. Built once per build. */
export interface SiteView {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly author: string;
  /** Normalised baseurl without trailing slash ("" when unset). */
  readonly baseurl: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly menu: readonly MenuItem[];
  readonly taxonomies: readonly Taxonomy[];
  readonly index: SiteIndex;
  /** Absolute URL of the RSS feed, or null when feeds are off. */
  readonly feedUrl: string | null;
  /** Site-relative URL → URL with the baseurl path prefix, for hrefs. */
  url(path: string): string;
  /** Site-relative URL → absolute URL with the full baseurl, for canonical/OG. */
  absUrl(path: string): string;
  /** URL of a theme or site asset (`css/style.css`), fingerprinted when that is on. */
  asset(path: string): string;
  page(id: string): Page | undefined;
  section(key: string): Section | undefined;
  /** Regular pages in site order. */
  regularPages(): readonly Page[];
  readonly generator: string;
  readonly buildDate: Date;
}

export interface Breadcrumb {
  readonly title: string;
  readonly url: string;
}

/** The props of every layout component (`templates/<name>.tsx`). */
export interface LayoutProps {
  readonly page: Page;
  readonly site: SiteView;
  /** Rendered body HTML (trusted: render with `raw()`). */
  readonly content: string;
  readonly summary: string;
  readonly toc: readonly TocEntry[];
  readonly headings: readonly Heading[];
  readonly wordCount: number;
  readonly readingTime: number;
  readonly section: Section | null;
  readonly breadcrumbs: readonly Breadcrumb[];
  /** Neighbours in the page's section (site order); null at the ends. */
  readonly prev: Page | null;
  readonly next: Page | null;
  /** For list pages (section, home, term): this pager's items, resolved. */
  readonly pager: Pager | null;
  readonly items: readonly Page[];
  /** For term pages: the term; for taxonomy pages: the taxonomy. */
  readonly term: Term | null;
  readonly taxonomy: Taxonomy | null;
  /** Child sections of a section/home page. */
  readonly subsections: readonly Section[];
}
