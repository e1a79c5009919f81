import type { Child } from "hono/jsx";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { Page, Section, TaxonomyTerm } from "../../model/page.ts";
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
  /** Whether the theme or the site has this asset, e.g. to link an optional `css/custom.css`. */
  hasAsset(path: string): boolean;
  page(id: string): Page | undefined;
  section(key: string): Section | undefined;
  /** Regular pages in site order. */
  regularPages(): readonly Page[];
  readonly generator: string;
  readonly buildDate: Date;
  /** Human date in the site language (`October 1, 2025`), always in UTC so output is reproducible. */
  formatDate(date: Date): string;
  /** `2025-10-01T00:00:00.000Z`, for `<time datetime>`. */
  isoDate(date: Date): string;
  /** A page's summary for lists: front matter summary, else description, else a plain-text excerpt of its body. */
  summary(page: Page): string;
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
  /** Site-relative URL of this output (a pager's own URL for list pages 2..n). */
  readonly url: string;
  /** Absolute URL of this output, for canonical and `og:url`. */
  readonly permalink: string;
  /**
   * Another layout or partial by name (`use("base")`, `use("partials/header")`). Layouts never import each
   * other, so a site's `templates/base.tsx` replaces the theme's everywhere; the engine records every name used.
   */
  use<P = LayoutProps>(name: string): Component<P>;
}

/** A layout or partial component. Must render synchronously (no async components). */
export type Component<P = LayoutProps> = (props: P) => JSX.Element;

/** What `buildLayoutProps` produces; the engine adds `use` for each render. */
export type LayoutData = Omit<LayoutProps, "use">;

/** Props of `base`: the page's layout props plus the page body to wrap. */
export type BaseProps = LayoutProps & { readonly children?: Child };

export interface BreadcrumbsProps {
  readonly site: SiteView;
  readonly breadcrumbs: readonly Breadcrumb[];
}

export interface PaginationProps {
  readonly site: SiteView;
  readonly pager: Pager | null;
}

export interface TocProps {
  readonly toc: readonly TocEntry[];
}

export interface TagsProps {
  readonly site: SiteView;
  readonly tags: readonly TaxonomyTerm[];
}

export interface PageCardProps {
  readonly site: SiteView;
  readonly page: Page;
  /** Heading level of the card title (default 2). */
  readonly level?: 2 | 3;
}
