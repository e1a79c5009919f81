import type { SiteConfig } from "../model/config.ts";
import type { Page, Section } from "../model/page.ts";
import type { RenderTarget, Taxonomy } from "../model/site.ts";
import { paginate } from "./paginate.ts";
import { outputPathFor } from "./urls.ts";

export interface TargetInput {
  readonly pages: ReadonlyMap<string, Page>;
  readonly skipped: ReadonlySet<string>;
  readonly sections: ReadonlyMap<string, Section>;
  readonly taxonomies: readonly Taxonomy[];
  readonly regularPageIds: readonly string[];
  readonly config: SiteConfig;
}

/** The items a list page shows, or null when the page is not a paginated list. */
function listItems(page: Page, input: TargetInput): readonly string[] | null {
  switch (page.kind) {
    case "home":
      return input.regularPageIds;
    case "section": {
      const section = input.sections.get(page.section);
      // A second `_index.md` claiming the same folder is not the section's page.
      return section?.indexPageId === page.id ? section.pageIds : [];
    }
    case "term": {
      const taxonomy = input.taxonomies.find((t) => t.name === page.params.taxonomy);
      return taxonomy?.terms.find((t) => t.slug === page.params.term)?.pageIds ?? [];
    }
    default:
      return null;
  }
}

/** One target per page, and one per pager for home, section and term lists; in page-id order. */
export function renderTargets(input: TargetInput): RenderTarget[] {
  const pretty = input.config.build.pretty_urls;
  const targets: RenderTarget[] = [];
  for (const page of input.pages.values()) {
    if (input.skipped.has(page.id)) continue;
    const items = listItems(page, input);
    if (items === null) {
      targets.push({ pageId: page.id, url: page.url, outputPath: page.outputPath, pager: null });
      continue;
    }
    for (const pager of paginate(items, input.config.pagination.per_page, page.url, pretty)) {
      const url = pager.urls[pager.number - 1]!;
      const outputPath = pager.number === 1 ? page.outputPath : outputPathFor(url, pretty);
      targets.push({ pageId: page.id, url, outputPath, pager });
    }
  }
  return targets;
}
