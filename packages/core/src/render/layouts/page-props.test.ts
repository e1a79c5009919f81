import { describe, expect, test } from "bun:test";
import type { Page } from "../../model/page.ts";
import type { RenderedMarkdown } from "../../model/render.ts";
import type { SiteIndex } from "../../model/site.ts";
import { buildLayoutProps } from "./page-props.ts";
import { createSiteView } from "./site-view.ts";
import { docsPager, testIndex } from "./test-index.ts";

function props(id: string, options: { pager?: number; rendered?: RenderedMarkdown; index?: SiteIndex } = {}) {
  const index = options.index ?? testIndex();
  const site = createSiteView(index, {
    assetUrl: (p) => `/assets/${p}`,
    buildDate: new Date(0),
    generator: "B",
  });
  const page = index.pages.get(id)!;
  const pager = options.pager ? docsPager(options.pager) : null;
  const url = pager ? pager.urls[pager.number - 1]! : page.url;
  return buildLayoutProps(
    { pageId: id, url, outputPath: page.outputPath, pager },
    index,
    site,
    options.rendered ?? null,
  );
}

const titles = (crumbs: readonly { title: string }[]) => crumbs.map((c) => c.title);

describe("buildLayoutProps", () => {
  test("breadcrumbs follow the section chain", () => {
    expect(props("content/docs/guides/deploy.md").breadcrumbs).toEqual([
      { title: "Home", url: "/" },
      { title: "Docs", url: "/docs/" },
      { title: "Guides", url: "/docs/guides/" },
      { title: "Deploy", url: "/docs/guides/deploy/" },
    ]);
    expect(titles(props("content/docs/guides/_index.md").breadcrumbs)).toEqual(["Home", "Docs", "Guides"]);
    expect(titles(props("content/docs/_index.md").breadcrumbs)).toEqual(["Home", "Docs"]);
    expect(titles(props("content/_index.md").breadcrumbs)).toEqual(["Home"]);
    expect(titles(props("@generated/tags/rust").breadcrumbs)).toEqual(["Home", "Tags", "Rust"]);
    expect(titles(props("@generated/404").breadcrumbs)).toEqual(["Home", "Page not found"]);
  });

  test("prev and next are neighbours in the section, null at the ends", () => {
    const first = props("content/docs/intro.md");
    expect(first.prev).toBeNull();
    expect(first.next?.id).toBe("content/docs/setup.md");
    const middle = props("content/docs/setup.md");
    expect(middle.prev?.id).toBe("content/docs/intro.md");
    expect(middle.next?.id).toBe("content/docs/zeta.md");
    expect(props("content/docs/zeta.md").next).toBeNull();
    expect(props("content/docs/guides/deploy.md").prev).toBeNull();
    expect(props("content/docs/_index.md").next).toBeNull();
  });

  test("list pages resolve the pager's items, their section and subsections", () => {
    const second = props("content/docs/_index.md", { pager: 2 });
    expect(second.items.map((p) => p.id)).toEqual(["content/docs/zeta.md"]);
    expect(second.section?.key).toBe("docs");
    expect(second.subsections.map((s) => s.key)).toEqual(["docs/guides"]);
    expect(second.url).toBe("/docs/page/2/");
    expect(second.permalink).toBe("https://example.com/docs/docs/page/2/");
    // Without a pager a section lists all of its pages.
    expect(props("content/docs/_index.md").items.length).toBe(3);
  });

  test("term and taxonomy pages get their term and taxonomy", () => {
    const term = props("@generated/tags/rust");
    expect(term.taxonomy?.name).toBe("tags");
    expect(term.term?.slug).toBe("rust");
    expect(term.items.map((p) => p.id)).toEqual(["content/docs/intro.md", "content/docs/setup.md"]);
    const taxonomy = props("@generated/tags");
    expect(taxonomy.taxonomy?.terms.length).toBe(1);
    expect(taxonomy.term).toBeNull();
    expect(props("content/docs/intro.md").taxonomy).toBeNull();
  });

  test("term pages without params are matched by URL", () => {
    const index = testIndex();
    const pages = index.pages as Map<string, Page>;
    pages.set("@generated/tags/rust", { ...pages.get("@generated/tags/rust")!, params: {} });
    expect(props("@generated/tags/rust", { index }).term?.slug).toBe("rust");
  });

  test("rendered markdown facts are passed through", () => {
    const rendered: RenderedMarkdown = {
      html: "<p>x</p>",
      headings: [{ level: 2, text: "H", id: "h" }],
      toc: [{ level: 2, text: "H", id: "h", children: [] }],
      summaryHtml: "<p>s</p>",
      wordCount: 600,
      readingTime: 3,
      anchors: ["h"],
    };
    const p = props("content/docs/intro.md", { rendered });
    expect([p.content, p.summary, p.wordCount, p.readingTime]).toEqual(["<p>x</p>", "<p>s</p>", 600, 3]);
    expect(p.toc[0]?.id).toBe("h");
    const empty = props("@generated/tags");
    expect([empty.content, empty.toc.length, empty.readingTime]).toEqual(["", 0, 0]);
  });
});
