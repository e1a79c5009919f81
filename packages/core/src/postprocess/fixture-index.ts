import { DEFAULT_CONFIG } from "../config/defaults.ts";
import type { SiteConfig } from "../model/config.ts";
import type { Page, PageKind } from "../model/page.ts";
import type { Pager, RenderTarget, SiteIndex } from "../model/site.ts";

/** Hand-built site indexes for the post-processing tests: only what the builders read is realistic. */

export function testConfig(
  site: Partial<SiteConfig["site"]> = {},
  build: Partial<SiteConfig["build"]> = {},
): SiteConfig {
  return {
    ...DEFAULT_CONFIG,
    site: {
      ...DEFAULT_CONFIG.site,
      title: "Test Site",
      baseurl: "https://example.com",
      description: "A site for tests",
      ...site,
    },
    build: { ...DEFAULT_CONFIG.build, ...build },
  };
}

export interface PageInit {
  readonly id: string;
  readonly url: string;
  readonly kind?: PageKind;
  readonly title?: string;
  readonly date?: string;
  readonly lastmod?: string;
  readonly draft?: boolean;
  readonly tags?: readonly string[];
  readonly description?: string;
}

export function testPage(config: SiteConfig, init: PageInit): Page {
  const slugOf = (name: string) => name.toLowerCase().replace(/\s+/g, "-");
  return {
    kind: init.kind ?? "page",
    id: init.id,
    sourcePath: init.id.startsWith("@") ? null : init.id,
    title: init.title ?? init.id,
    date: init.date ? new Date(init.date) : null,
    lastmod: init.lastmod ? new Date(init.lastmod) : null,
    draft: init.draft ?? false,
    tags: (init.tags ?? []).map((name) => ({ name, slug: slugOf(name), url: `/tags/${slugOf(name)}/` })),
    categories: [],
    description: init.description ?? "",
    slug: init.url.split("/").filter(Boolean).pop() ?? "",
    url: init.url,
    permalink: `${config.site.baseurl}${init.url}`,
    outputPath: `${init.url.slice(1)}index.html`,
    aliases: [],
    weight: 0,
    layout: null,
    type: null,
    toc: true,
    params: {},
    section: "",
    body: "",
    bodyLine: 0,
    summary: null,
  };
}

function pager(number: number, urls: readonly string[]): Pager {
  return {
    number,
    total: urls.length,
    perPage: 10,
    totalItems: urls.length * 10,
    itemIds: [],
    urls,
    prevUrl: number > 1 ? urls[number - 2]! : null,
    nextUrl: number < urls.length ? urls[number]! : null,
  };
}

/** Targets: one per page, plus `extraPagers` pagers (2..n) for `pagedId`. */
export function testIndex(
  config: SiteConfig,
  pages: readonly Page[],
  paged?: { readonly id: string; readonly count: number },
): SiteIndex {
  const targets: RenderTarget[] = [];
  for (const page of pages) {
    if (paged && page.id === paged.id) {
      const urls = Array.from({ length: paged.count }, (_, i) =>
        i === 0 ? page.url : `${page.url}page/${i + 1}/`,
      );
      urls.forEach((url, i) => {
        targets.push({
          pageId: page.id,
          url,
          outputPath: `${url.slice(1)}index.html`,
          pager: pager(i + 1, urls),
        });
      });
    } else {
      targets.push({ pageId: page.id, url: page.url, outputPath: page.outputPath, pager: null });
    }
  }
  return {
    config,
    pages: new Map(pages.map((p) => [p.id, p])),
    sections: new Map(),
    taxonomies: [],
    targets,
    aliases: [],
    menu: [],
    byUrl: new Map(pages.map((p) => [p.url, p.id])),
    bySource: new Map(pages.filter((p) => p.sourcePath).map((p) => [p.sourcePath!, p.id])),
    regularPageIds: pages.filter((p) => p.kind === "page").map((p) => p.id),
    drafts: new Map(),
  };
}
