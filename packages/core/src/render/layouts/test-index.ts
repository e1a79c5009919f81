/** A small hand-built site index for layout tests (not a test file itself). */
import { DEFAULT_CONFIG } from "../../config/defaults.ts";
import type { SiteConfig } from "../../model/config.ts";
import type { Page, Section, TaxonomyTerm } from "../../model/page.ts";
import type { MenuItem, Pager, RenderTarget, SiteIndex, Taxonomy } from "../../model/site.ts";

export function testConfig(baseurl: string): SiteConfig {
  return {
    ...DEFAULT_CONFIG,
    site: { title: "Bengal Test", baseurl, description: "A test site", language: "en", author: "Ada" },
    build: { ...DEFAULT_CONFIG.build, parallel: false, minify_assets: false, fingerprint_assets: false },
    pagination: { per_page: 2 },
  };
}

export function testPage(init: Partial<Page> & Pick<Page, "id" | "kind" | "title" | "url">): Page {
  const outputPath = `${init.url.replace(/^\//, "")}index.html`;
  return {
    sourcePath: init.id.startsWith("@") ? null : init.id,
    date: null,
    lastmod: null,
    draft: false,
    tags: [],
    categories: [],
    description: "",
    slug: init.url.split("/").filter(Boolean).pop() ?? "",
    permalink: `https://example.com/docs${init.url}`,
    outputPath,
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
    ...init,
  };
}

const rust: TaxonomyTerm = { name: "Rust", slug: "rust", url: "/tags/rust/" };

/** Home, `docs/` with `docs/guides/`, three pages, tags with one term, and a 404 page. */
export function testIndex(baseurl = "https://example.com/docs"): SiteIndex {
  const pages: Page[] = [
    testPage({ id: "content/_index.md", kind: "home", title: "Welcome", url: "/" }),
    testPage({
      id: "content/docs/_index.md",
      kind: "section",
      title: "Docs",
      url: "/docs/",
      section: "docs",
    }),
    testPage({
      id: "content/docs/guides/_index.md",
      kind: "section",
      title: "Guides",
      url: "/docs/guides/",
      section: "docs/guides",
    }),
    testPage({
      id: "content/docs/intro.md",
      kind: "page",
      title: "Intro <script>alert(1)</script>",
      description: `Say "hi" <script>x()</script>`,
      url: "/docs/intro/",
      section: "docs",
      date: new Date("2025-10-02T00:00:00Z"),
      tags: [rust],
      body: "Intro **body** text.",
    }),
    testPage({
      id: "content/docs/setup.md",
      kind: "page",
      title: "Setup",
      url: "/docs/setup/",
      section: "docs",
      date: new Date("2025-10-01T00:00:00Z"),
      tags: [rust],
    }),
    testPage({
      id: "content/docs/zeta.md",
      kind: "page",
      title: "Zeta",
      url: "/docs/zeta/",
      section: "docs",
    }),
    testPage({
      id: "content/docs/guides/deploy.md",
      kind: "page",
      title: "Deploy",
      url: "/docs/guides/deploy/",
      section: "docs/guides",
    }),
    testPage({
      id: "@generated/tags",
      kind: "taxonomy",
      title: "Tags",
      url: "/tags/",
      params: { taxonomy: "tags" },
    }),
    testPage({
      id: "@generated/tags/rust",
      kind: "term",
      title: "Rust",
      url: "/tags/rust/",
      params: { taxonomy: "tags", term: "rust" },
    }),
    testPage({ id: "@generated/404", kind: "404", title: "Page not found", url: "/404.html" }),
  ];
  const sections: Section[] = [
    {
      key: "",
      title: "Welcome",
      url: "/",
      indexPageId: "content/_index.md",
      parent: null,
      pageIds: [],
      subsectionKeys: ["docs"],
      weight: 0,
    },
    {
      key: "docs",
      title: "Docs",
      url: "/docs/",
      indexPageId: "content/docs/_index.md",
      parent: "",
      pageIds: ["content/docs/intro.md", "content/docs/setup.md", "content/docs/zeta.md"],
      subsectionKeys: ["docs/guides"],
      weight: 0,
    },
    {
      key: "docs/guides",
      title: "Guides",
      url: "/docs/guides/",
      indexPageId: "content/docs/guides/_index.md",
      parent: "docs",
      pageIds: ["content/docs/guides/deploy.md"],
      subsectionKeys: [],
      weight: 0,
    },
  ];
  const taxonomies: Taxonomy[] = [
    {
      name: "tags",
      url: "/tags/",
      terms: [{ ...rust, pageIds: ["content/docs/intro.md", "content/docs/setup.md"] }],
    },
  ];
  const menu: MenuItem[] = [
    { name: "Docs", url: "/docs/", weight: 1, children: [] },
    { name: "Tags", url: "/tags/", weight: 2, children: [] },
  ];
  const targets: RenderTarget[] = pages.map((p) => ({
    pageId: p.id,
    url: p.url,
    outputPath: p.outputPath,
    pager: null,
  }));
  return {
    config: testConfig(baseurl),
    pages: new Map(pages.map((p) => [p.id, p])),
    sections: new Map(sections.map((s) => [s.key, s])),
    taxonomies,
    targets,
    aliases: [],
    menu,
    byUrl: new Map(pages.map((p) => [p.url, p.id])),
    bySource: new Map(pages.filter((p) => p.sourcePath).map((p) => [p.sourcePath!, p.id])),
    regularPageIds: pages.filter((p) => p.kind === "page").map((p) => p.id),
    drafts: new Map(),
  };
}

/** Pager `number` of the docs section with two items a page. */
export function docsPager(number: number): Pager {
  const ids = ["content/docs/intro.md", "content/docs/setup.md", "content/docs/zeta.md"];
  const urls = ["/docs/", "/docs/page/2/"];
  return {
    number,
    total: 2,
    perPage: 2,
    totalItems: ids.length,
    itemIds: ids.slice((number - 1) * 2, number * 2),
    urls,
    prevUrl: number > 1 ? urls[number - 2]! : null,
    nextUrl: number < 2 ? urls[number]! : null,
  };
}
