import type { Page, Section } from "../../model/page.ts";
import type { RenderedMarkdown } from "../../model/render.ts";
import type { RenderTarget, SiteIndex, Taxonomy, Term } from "../../model/site.ts";
import type { Breadcrumb, LayoutData, SiteView } from "./props.ts";

/**
 * The section a list page stands for. A direct lookup (no scan of all sections) so that the
 * incremental cache records a dependency on that one section only.
 */
function representedSection(index: SiteIndex, page: Page): Section | undefined {
  const section = index.sections.get(page.section);
  return section?.indexPageId === page.id ? section : undefined;
}

function ancestors(index: SiteIndex, key: string | null): Section[] {
  const chain: Section[] = [];
  for (let k = key; k !== null && k !== ""; ) {
    const section = index.sections.get(k);
    if (!section) break;
    chain.unshift(section);
    k = section.parent;
  }
  return chain;
}

function taxonomyOf(index: SiteIndex, page: Page): { taxonomy: Taxonomy | null; term: Term | null } {
  if (page.kind !== "taxonomy" && page.kind !== "term") return { taxonomy: null, term: null };
  const name = typeof page.params.taxonomy === "string" ? page.params.taxonomy : null;
  const taxonomy =
    index.taxonomies.find((t) => t.name === name) ??
    index.taxonomies.find(
      (t) => t.url === page.url || (page.kind === "term" && page.url.startsWith(t.url)),
    ) ??
    null;
  if (page.kind === "taxonomy" || !taxonomy) return { taxonomy, term: null };
  const slug = typeof page.params.term === "string" ? page.params.term : null;
  const term =
    taxonomy.terms.find((t) => t.slug === slug) ?? taxonomy.terms.find((t) => t.url === page.url) ?? null;
  return { taxonomy, term };
}

function titleCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function breadcrumbsFor(
  index: SiteIndex,
  page: Page,
  own: Section | undefined,
  taxonomy: Taxonomy | null,
): Breadcrumb[] {
  if (page.kind === "home") return [{ title: "Home", url: "/" }];
  const crumbs: Breadcrumb[] = [{ title: "Home", url: "/" }];
  const chain = own ? ancestors(index, own.parent) : ancestors(index, page.section);
  if (page.kind === "term" && taxonomy) {
    const listId = index.byUrl.get(taxonomy.url);
    const listTitle = listId ? index.pages.get(listId)?.title : undefined;
    crumbs.push({ title: listTitle ?? titleCase(taxonomy.name), url: taxonomy.url });
  } else if (page.kind === "page" || own) {
    for (const section of chain) crumbs.push({ title: section.title, url: section.url });
  }
  crumbs.push({ title: page.title, url: page.url });
  return crumbs;
}

function pagesOf(index: SiteIndex, ids: readonly string[]): Page[] {
  const out: Page[] = [];
  for (const id of ids) {
    const page = index.pages.get(id);
    if (page) out.push(page);
  }
  return out;
}

/** Everything a layout needs about one output, resolved from the index so layouts stay simple. */
export function buildLayoutProps(
  target: RenderTarget,
  index: SiteIndex,
  site: SiteView,
  rendered: RenderedMarkdown | null,
): LayoutData {
  const page = index.pages.get(target.pageId);
  if (!page) throw new Error(`render target ${target.url} refers to unknown page ${target.pageId}`);
  const own = page.kind === "section" || page.kind === "home" ? representedSection(index, page) : undefined;
  const section = own ?? index.sections.get(page.section) ?? null;
  const { taxonomy, term } = taxonomyOf(index, page);

  let prev: Page | null = null;
  let next: Page | null = null;
  if (page.kind === "page" && section) {
    const i = section.pageIds.indexOf(page.id);
    if (i >= 0) {
      prev = i > 0 ? (index.pages.get(section.pageIds[i - 1]!) ?? null) : null;
      next = index.pages.get(section.pageIds[i + 1] ?? "") ?? null;
    }
  }

  let items: Page[] = [];
  if (target.pager) items = pagesOf(index, target.pager.itemIds);
  else if (term) items = pagesOf(index, term.pageIds);
  else if (own) items = pagesOf(index, own.pageIds);

  return {
    page,
    site,
    content: rendered?.html ?? "",
    summary: rendered?.summaryHtml ?? "",
    toc: rendered?.toc ?? [],
    headings: rendered?.headings ?? [],
    wordCount: rendered?.wordCount ?? 0,
    readingTime: rendered?.readingTime ?? 0,
    section,
    breadcrumbs: breadcrumbsFor(index, page, own, taxonomy),
    prev,
    next,
    pager: target.pager,
    items,
    term,
    taxonomy,
    subsections: own
      ? own.subsectionKeys.map((k) => index.sections.get(k)).filter((s) => s !== undefined)
      : [],
    url: target.url,
    permalink: site.absUrl(target.url),
  };
}
