import { describe, expect, test } from "bun:test";
import type { ParsedDocument } from "../model/page.ts";
import { pointRange } from "../model/range.ts";
import { buildSiteIndex } from "./index-builder.ts";
import { doc, testConfig } from "./test-support.ts";

const d = (s: string) => new Date(s);

function build(docs: ParsedDocument[], config = testConfig(), drafts = false) {
  return buildSiteIndex(docs, config, { drafts });
}

describe("pages and sections", () => {
  const site = [
    doc("content/_index.md", { title: "Welcome" }),
    doc("content/docs/_index.md", { title: "Documentation", weight: 2 }),
    doc("content/docs/getting-started.md"),
    doc("content/docs/guides/deploy.md", { title: "Deploy" }),
    doc("content/blog/post/index.md", { title: "Bundle" }),
    doc("content/about.md", { title: "About" }),
  ];
  const { index, diagnostics } = build(site);

  test("urls, titles and kinds", () => {
    expect(diagnostics).toEqual([]);
    const p = (id: string) => index.pages.get(id)!;
    expect(p("content/_index.md").kind).toBe("home");
    expect(p("content/_index.md").url).toBe("/");
    expect(p("content/docs/getting-started.md").title).toBe("Getting Started");
    expect(p("content/docs/getting-started.md").url).toBe("/docs/getting-started/");
    expect(p("content/docs/getting-started.md").outputPath).toBe("docs/getting-started/index.html");
    expect(p("content/docs/guides/deploy.md").section).toBe("docs/guides");
    expect(p("content/blog/post/index.md").url).toBe("/blog/post/");
    expect(p("content/blog/post/index.md").section).toBe("blog");
    expect(p("content/blog/post/index.md").kind).toBe("page");
  });

  test("nested sections with parent chain and generated section pages", () => {
    expect([...index.sections.keys()]).toEqual(["", "blog", "docs", "docs/guides"]);
    const guides = index.sections.get("docs/guides")!;
    expect(guides.parent).toBe("docs");
    expect(guides.url).toBe("/docs/guides/");
    expect(guides.title).toBe("Guides");
    expect(guides.indexPageId).toBe("@generated/section/docs/guides");
    expect(index.pages.get(guides.indexPageId)!.kind).toBe("section");
    const docs = index.sections.get("docs")!;
    expect(docs.title).toBe("Documentation");
    expect(docs.indexPageId).toBe("content/docs/_index.md");
    expect(docs.parent).toBe("");
    expect(docs.subsectionKeys).toEqual(["docs/guides"]);
    expect(docs.pageIds).toEqual(["content/docs/getting-started.md"]);
    expect(index.sections.get("")!.parent).toBeNull();
    expect(index.sections.get("")!.indexPageId).toBe("content/_index.md");
    expect(index.sections.get("")!.subsectionKeys).toEqual(["blog", "docs"]);
    expect(index.sections.get("blog")!.pageIds).toEqual(["content/blog/post/index.md"]);
  });

  test("generated home when there is no content/_index.md", () => {
    const r = build([doc("content/a.md")]);
    expect(r.index.byUrl.get("/")).toBe("@generated/home");
    expect(r.index.pages.get("@generated/home")!.title).toBe("Home");
  });

  test("404 page, bySource, byUrl, permalinks", () => {
    const nf = index.pages.get("@generated/404")!;
    expect(nf.kind).toBe("404");
    expect(nf.url).toBe("/404.html");
    expect(nf.outputPath).toBe("404.html");
    expect(index.bySource.get("content/about.md")).toBe("content/about.md");
    expect(index.byUrl.get("/docs/guides/")).toBe("@generated/section/docs/guides");
    const withBase = build(site, testConfig({ site: { baseurl: "https://ex.org/sub" } })).index;
    expect(withBase.pages.get("content/about.md")!.permalink).toBe("https://ex.org/sub/about/");
    expect(withBase.pages.get("content/about.md")!.url).toBe("/about/");
  });

  test("plain URLs", () => {
    const r = build(site, testConfig({ build: { pretty_urls: false } })).index;
    expect(r.pages.get("content/about.md")!.url).toBe("/about.html");
    expect(r.pages.get("content/about.md")!.outputPath).toBe("about.html");
    expect(r.pages.get("content/docs/_index.md")!.outputPath).toBe("docs/index.html");
  });

  test("same result whatever the input order", () => {
    const again = build([...site].reverse()).index;
    expect([...again.pages.keys()]).toEqual([...index.pages.keys()]);
    expect(again.targets).toEqual(index.targets);
  });
});

describe("drafts", () => {
  const site = [doc("content/a.md", { title: "A" }), doc("content/b.md", { title: "B", draft: true })];
  test("excluded by default, remembered in drafts", () => {
    const { index } = build(site);
    expect(index.bySource.has("content/b.md")).toBe(false);
    expect(index.regularPageIds).toEqual(["content/a.md"]);
    expect(index.drafts.get("content/b.md")).toBe("/b/");
    expect(index.targets.some((t) => t.url === "/b/")).toBe(false);
  });
  test("included with the option or config", () => {
    expect(build(site, testConfig(), true).index.regularPageIds).toEqual(["content/a.md", "content/b.md"]);
    const viaConfig = build(site, testConfig({ build: { drafts: true } })).index;
    expect(viaConfig.pages.get("content/b.md")!.draft).toBe(true);
    expect(viaConfig.drafts.size).toBe(0);
  });
});

test("site order: date desc (undated last), then weight, then title", () => {
  const { index } = build([
    doc("content/old.md", { title: "Old", date: d("2024-01-01") }),
    doc("content/new.md", { title: "New", date: d("2025-01-01") }),
    doc("content/z.md", { title: "Zed" }),
    doc("content/a.md", { title: "Alpha" }),
    doc("content/heavy.md", { title: "Heavy", weight: -1 }),
    doc("content/same1.md", { title: "Same B", date: d("2024-06-01"), weight: 2 }),
    doc("content/same2.md", { title: "Same A", date: d("2024-06-01"), weight: 1 }),
  ]);
  expect(index.regularPageIds).toEqual([
    "content/new.md",
    "content/same2.md",
    "content/same1.md",
    "content/old.md",
    "content/heavy.md",
    "content/a.md",
    "content/z.md",
  ]);
  expect(index.sections.get("")!.pageIds).toEqual(index.regularPageIds);
});

test("pagination: 25 posts, 10 per page → 3 section pagers and 3 home pagers", () => {
  const posts = Array.from({ length: 25 }, (_, i) =>
    doc(`content/blog/p${String(i).padStart(2, "0")}.md`, {
      date: d(`2025-01-${String(i + 1).padStart(2, "0")}`),
    }),
  );
  const { index } = build([doc("content/blog/_index.md", { title: "Blog" }), ...posts]);
  const blog = index.targets.filter((t) => t.pageId === "content/blog/_index.md");
  expect(blog.map((t) => t.url)).toEqual(["/blog/", "/blog/page/2/", "/blog/page/3/"]);
  expect(blog.map((t) => t.outputPath)).toEqual([
    "blog/index.html",
    "blog/page/2/index.html",
    "blog/page/3/index.html",
  ]);
  expect(blog[0]!.pager!.itemIds[0]).toBe("content/blog/p24.md");
  expect(blog[2]!.pager!.itemIds).toHaveLength(5);
  const home = index.targets.filter((t) => t.pageId === "@generated/home");
  expect(home.map((t) => t.url)).toEqual(["/", "/page/2/", "/page/3/"]);
  expect(index.targets.filter((t) => t.pager === null && t.pageId.startsWith("content/blog/p"))).toHaveLength(
    25,
  );
  expect(index.byUrl.has("/blog/page/2/")).toBe(false);
});

test("taxonomies: terms, urls, pages, first spelling, newest first", () => {
  const { index } = build([
    doc("content/a.md", { title: "A", tags: ["Web Dev", "Go"], date: d("2024-01-01") }),
    doc("content/b.md", { title: "B", tags: ["web dev"], categories: ["News"], date: d("2025-01-01") }),
  ]);
  const tags = index.taxonomies.find((t) => t.name === "tags")!;
  expect(tags.url).toBe("/tags/");
  expect(tags.terms.map((t) => [t.name, t.slug, t.url, t.pageIds])).toEqual([
    ["Web Dev", "web-dev", "/tags/web-dev/", ["content/b.md", "content/a.md"]],
    ["Go", "go", "/tags/go/", ["content/a.md"]],
  ]);
  expect(index.pages.get("content/b.md")!.tags).toEqual([
    { name: "Web Dev", slug: "web-dev", url: "/tags/web-dev/" },
  ]);
  const term = index.pages.get(index.byUrl.get("/tags/web-dev/")!)!;
  expect(term.kind).toBe("term");
  expect(term.params).toEqual({ taxonomy: "tags", term: "web-dev" });
  const tax = index.pages.get(index.byUrl.get("/categories/")!)!;
  expect(tax.kind).toBe("taxonomy");
  expect(tax.params).toEqual({ taxonomy: "categories" });
  const termTargets = index.targets.filter((t) => t.pageId === term.id);
  expect(termTargets).toHaveLength(1);
  expect(termTargets[0]!.pager!.itemIds).toEqual(["content/b.md", "content/a.md"]);
});

test("no taxonomy pages without terms", () => {
  const { index } = build([doc("content/a.md")]);
  expect(index.taxonomies).toEqual([]);
  expect(index.byUrl.has("/tags/")).toBe(false);
  expect(index.byUrl.has("/categories/")).toBe(false);
});

test("duplicate URL: error on both files, first kept", () => {
  const { index, diagnostics } = build([
    doc("content/same.md", { title: "Same" }),
    doc("content/b.md", { title: "B", url: "/same/" }),
  ]);
  expect(diagnostics.map((x) => [x.code, x.file])).toEqual([
    ["content.duplicate-url", "content/b.md"],
    ["content.duplicate-url", "content/same.md"],
  ]);
  expect(diagnostics[0]!.message).toContain("content/same.md");
  expect(diagnostics[1]!.message).toContain("content/b.md");
  expect(diagnostics[0]!.range).toEqual(pointRange(2, 5, 5));
  expect(diagnostics[1]!.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  expect(index.byUrl.get("/same/")).toBe("content/b.md");
  expect(index.targets.filter((t) => t.url === "/same/").map((t) => t.pageId)).toEqual(["content/b.md"]);
  expect(index.pages.has("content/same.md")).toBe(true);
});

test("content page on a generated section URL is reported", () => {
  const { diagnostics } = build([doc("content/docs.md"), doc("content/docs/intro.md")]);
  expect(diagnostics).toHaveLength(1);
  expect(diagnostics[0]!.file).toBe("content/docs.md");
  expect(diagnostics[0]!.hint).toContain("content/docs/_index.md");
});

test("aliases: redirects and collisions", () => {
  const { index, diagnostics } = build([
    doc(
      "content/a.md",
      { title: "A", aliases: ["old-a", "/b/"] },
      { keyRanges: { "aliases.1": pointRange(4, 4, 3) } },
    ),
    doc("content/b.md", { title: "B" }),
  ]);
  expect(index.aliases).toEqual([
    { url: "/old-a/", outputPath: "old-a/index.html", targetId: "content/a.md", sourcePath: "content/a.md" },
  ]);
  expect(diagnostics).toHaveLength(1);
  expect(diagnostics[0]!.code).toBe("content.alias-collision");
  expect(diagnostics[0]!.file).toBe("content/a.md");
  expect(diagnostics[0]!.range).toEqual(pointRange(4, 4, 3));
  expect(diagnostics[0]!.message).toContain("content/b.md");
});

describe("menu", () => {
  const site = [
    doc("content/docs/_index.md", { title: "Docs", weight: 2 }),
    doc("content/blog/_index.md", { title: "Blog", weight: 1 }),
    doc("content/api/x.md"),
    doc("content/docs/deep/y.md"),
    doc("content/top.md"),
  ];
  test("from top-level sections by weight then title", () => {
    const { index } = build(site);
    expect(index.menu.map((m) => [m.name, m.url])).toEqual([
      ["Api", "/api/"],
      ["Blog", "/blog/"],
      ["Docs", "/docs/"],
    ]);
  });
  test("from config, sorted and nested", () => {
    const config = testConfig({
      menu: [
        { name: "Docs", url: "/docs/", weight: 2, identifier: "docs" },
        { name: "Home", url: "/", weight: 1 },
        { name: "Intro", url: "/docs/intro/", weight: 5, parent: "docs" },
        { name: "API", url: "/docs/api/", weight: 1, parent: "docs" },
      ],
    });
    const { index } = build(site, config);
    expect(index.menu.map((m) => m.name)).toEqual(["Home", "Docs"]);
    expect(index.menu[1]!.children.map((m) => m.name)).toEqual(["API", "Intro"]);
  });
});
