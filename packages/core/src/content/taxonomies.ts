import type { SiteConfig } from "../model/config.ts";
import type { FrontMatter, Page, TaxonomyTerm } from "../model/page.ts";
import type { Taxonomy, Term } from "../model/site.ts";
import { compareText, sortIdsBySiteOrder } from "./order.ts";
import { GENERATED, generatedPage } from "./pages.ts";
import { normalizeSiteUrl, termSlug } from "./urls.ts";

export const TAXONOMIES = ["tags", "categories"] as const;
export type TaxonomyName = (typeof TAXONOMIES)[number];

const TITLES: Record<TaxonomyName, string> = { tags: "Tags", categories: "Categories" };

interface TermDraft {
  name: string;
  readonly slug: string;
  readonly pageIds: string[];
  /** The term as pages list it, made once: every page with the term shares it. */
  ref?: TaxonomyTerm;
}

/**
 * Terms of one build. Pages are registered in source-path order, so a term's name is its
 * first spelling in that order ("JavaScript" on a.md wins over "javascript" on b.md).
 */
export class TermRegistry {
  private readonly terms = new Map<TaxonomyName, Map<string, TermDraft>>(
    TAXONOMIES.map((t) => [t, new Map()]),
  );

  /** Records a page's terms; only regular pages are listed on term pages. */
  register(pageId: string, fm: FrontMatter, listed: boolean): void {
    for (const taxonomy of TAXONOMIES) {
      const map = this.terms.get(taxonomy)!;
      for (const name of fm[taxonomy] ?? []) {
        const trimmed = name.trim();
        if (trimmed === "") continue;
        const slug = termSlug(trimmed);
        let term = map.get(slug);
        if (!term) {
          term = { name: trimmed, slug, pageIds: [] };
          map.set(slug, term);
        }
        // A page registers all its terms in one call, so a repeat is always the last id (no O(n) scan).
        if (listed && term.pageIds.at(-1) !== pageId) term.pageIds.push(pageId);
      }
    }
  }

  /** The page's terms with their canonical names, deduplicated by slug, in the order written. */
  termsOf(fm: FrontMatter, taxonomy: TaxonomyName): TaxonomyTerm[] {
    const out: TaxonomyTerm[] = [];
    const seen = new Set<string>();
    for (const name of fm[taxonomy] ?? []) {
      const term = this.terms.get(taxonomy)!.get(termSlug(name.trim()));
      if (!term || term.pageIds.length === 0 || seen.has(term.slug)) continue;
      seen.add(term.slug);
      term.ref ??= { name: term.name, slug: term.slug, url: termUrl(taxonomy, term.slug) };
      out.push(term.ref);
    }
    return out;
  }

  /** Taxonomies with terms (sorted by page count desc, then name) and their generated pages. */
  finish(pages: ReadonlyMap<string, Page>, config: SiteConfig): { taxonomies: Taxonomy[]; pages: Page[] } {
    const taxonomies: Taxonomy[] = [];
    const generated: Page[] = [];
    for (const taxonomy of TAXONOMIES) {
      const terms: Term[] = [];
      for (const draft of this.terms.get(taxonomy)!.values()) {
        if (draft.pageIds.length === 0) continue;
        const url = termUrl(taxonomy, draft.slug);
        terms.push({
          name: draft.name,
          slug: draft.slug,
          url,
          pageIds: sortIdsBySiteOrder(draft.pageIds, pages),
        });
        generated.push(
          generatedPage(
            {
              kind: "term",
              id: GENERATED.term(taxonomy, draft.slug),
              title: draft.name,
              url,
              section: "",
              slug: draft.slug,
              params: { taxonomy, term: draft.slug },
            },
            config,
          ),
        );
      }
      if (terms.length === 0) continue;
      terms.sort(
        (a, b) =>
          b.pageIds.length - a.pageIds.length || compareText(a.name, b.name) || compareText(a.slug, b.slug),
      );
      const url = normalizeSiteUrl(taxonomy);
      taxonomies.push({ name: taxonomy, url, terms });
      generated.push(
        generatedPage(
          {
            kind: "taxonomy",
            id: GENERATED.taxonomy(taxonomy),
            title: TITLES[taxonomy],
            url,
            section: "",
            slug: taxonomy,
            params: { taxonomy },
          },
          config,
        ),
      );
    }
    return { taxonomies, pages: generated };
  }
}

export function termUrl(taxonomy: string, slug: string): string {
  return `/${taxonomy}/${slug}/`;
}
