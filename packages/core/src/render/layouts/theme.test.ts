import { beforeAll, describe, expect, test } from "bun:test";
import { Window } from "happy-dom";
import { builtinThemeDir } from "../../discover/theme-dir.ts";
import { createBunHost } from "../../host/bun-host.ts";
import type { Page } from "../../model/page.ts";
import type { RenderedMarkdown } from "../../model/render.ts";
import type { SiteIndex } from "../../model/site.ts";
import { createLayoutEngine, type LayoutEngine } from "./engine.ts";
import { buildLayoutProps } from "./page-props.ts";
import { createSiteView, splitBaseurl } from "./site-view.ts";
import { docsPager, testIndex } from "./test-index.ts";

const BUILTIN_THEME_DIR = builtinThemeDir();

const RENDERED: RenderedMarkdown = {
  html: '<p>Body <em>text</em></p><h2 id="usage">Usage</h2>',
  headings: [{ level: 2, text: "Usage", id: "usage" }],
  toc: [{ level: 2, text: "Usage", id: "usage", children: [] }],
  summaryHtml: "<p>Body</p>",
  wordCount: 420,
  readingTime: 3,
  anchors: ["usage"],
};

let engine: LayoutEngine;
beforeAll(async () => {
  engine = await createLayoutEngine({
    host: createBunHost(),
    siteRoot: "/nonexistent-bengal-site",
    themeDirs: [BUILTIN_THEME_DIR],
  });
});

function render(id: string, options: { index?: SiteIndex; page?: number } = {}): Document {
  const index = options.index ?? testIndex();
  const site = createSiteView(index, {
    assetUrl: (p) => `${splitBaseurl(index.config.site.baseurl).prefix}/assets/${p}`,
    buildDate: new Date("2025-11-01T00:00:00Z"),
    generator: "Bengal 0.1.0",
  });
  const page = index.pages.get(id)!;
  const pager = options.page ? docsPager(options.page) : null;
  const url = pager ? pager.urls[pager.number - 1]! : page.url;
  const target = { pageId: id, url, outputPath: page.outputPath, pager };
  const { html } = engine.render(engine.choose(page).name, buildLayoutProps(target, index, site, RENDERED));
  expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
  const window = new Window({ url: "https://example.com/" });
  return new window.DOMParser().parseFromString(html, "text/html") as unknown as Document;
}

const attr = (doc: Document, selector: string, name: string) =>
  doc.querySelector(selector)?.getAttribute(name);

describe("default theme", () => {
  test("the built-in theme provides every layout and partial", () => {
    for (const name of ["base", "page", "section", "home", "taxonomy", "term", "404"])
      expect(engine.has(name)).toBe(true);
    expect(engine.partials).toEqual([
      "partials/breadcrumbs",
      "partials/footer",
      "partials/header",
      "partials/page-card",
      "partials/pagination",
      "partials/tags",
      "partials/toc",
    ]);
    expect(engine.diagnostics).toEqual([]);
  });

  test("head metadata uses the baseurl for canonical, og:url, assets and feed", () => {
    const doc = render("content/docs/intro.md");
    expect(attr(doc, 'link[rel="canonical"]', "href")).toBe("https://example.com/docs/docs/intro/");
    expect(attr(doc, 'meta[property="og:url"]', "content")).toBe("https://example.com/docs/docs/intro/");
    expect(attr(doc, 'meta[property="og:type"]', "content")).toBe("article");
    expect(attr(doc, 'meta[property="og:site_name"]', "content")).toBe("Bengal Test");
    expect(attr(doc, 'meta[name="twitter:card"]', "content")).toBe("summary");
    expect(attr(doc, 'link[rel="stylesheet"]', "href")).toBe("/docs/assets/css/style.css");
    expect(attr(doc, 'link[rel="alternate"][type="application/rss+xml"]', "href")).toBe(
      "https://example.com/docs/rss.xml",
    );
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
    expect(doc.title).toBe("Intro <script>alert(1)</script> · Bengal Test");
  });

  test("a path-only baseurl prefixes every internal href", () => {
    const doc = render("content/docs/intro.md", { index: testIndex("/sub") });
    expect(attr(doc, 'link[rel="canonical"]', "href")).toBe("/sub/docs/intro/");
    const hrefs = [...doc.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!);
    const internal = hrefs.filter((h) => !h.startsWith("#") && !h.startsWith("http"));
    expect(internal.length).toBeGreaterThan(3);
    for (const href of internal) expect(href.startsWith("/sub/")).toBe(true);
  });

  test("front matter text with <script> is escaped, the body is not", () => {
    const doc = render("content/docs/intro.md");
    expect(doc.querySelectorAll("script:not([src])").length).toBe(1); // only the theme init script
    expect(doc.querySelector("h1")?.textContent).toBe("Intro <script>alert(1)</script>");
    expect(attr(doc, 'meta[name="description"]', "content")).toBe('Say "hi" <script>x()</script>');
    expect(doc.querySelector(".prose em")?.textContent).toBe("text");
  });

  test("the nav marks the section of the current page", () => {
    const doc = render("content/docs/intro.md");
    expect(doc.querySelector('.site-nav a[href="/docs/docs/"]')?.getAttribute("aria-current")).toBe("true");
    expect(doc.querySelector('.site-nav a[href="/docs/tags/"]')?.hasAttribute("aria-current")).toBe(false);
    const tags = render("@generated/tags");
    expect(tags.querySelector('.site-nav a[href="/docs/tags/"]')?.getAttribute("aria-current")).toBe("page");
  });

  test("page: breadcrumbs, meta, tags, TOC and neighbours", () => {
    const doc = render("content/docs/intro.md");
    const crumbs = [...doc.querySelectorAll(".breadcrumbs li")].map((li) => li.textContent);
    expect(crumbs).toEqual(["Home", "Docs", "Intro <script>alert(1)</script>"]);
    expect(doc.querySelector(".meta time")?.getAttribute("datetime")).toBe("2025-10-02T00:00:00.000Z");
    expect(doc.querySelector(".reading-time")?.textContent).toBe("3 min read");
    expect(attr(doc, ".tags a", "href")).toBe("/docs/tags/rust/");
    expect(attr(doc, ".toc a", "href")).toBe("#usage");
    expect(doc.querySelector(".page-nav-prev")).toBeNull();
    expect(attr(doc, ".page-nav-next", "href")).toBe("/docs/docs/setup/");
  });

  test("page: no TOC when the page turns it off", () => {
    const index = testIndex();
    const pages = index.pages as Map<string, Page>;
    pages.set("content/docs/intro.md", { ...pages.get("content/docs/intro.md")!, toc: false });
    expect(render("content/docs/intro.md", { index }).querySelector(".toc")).toBeNull();
  });

  test("section: body, subsections, items and pagination", () => {
    const first = render("content/docs/_index.md", { page: 1 });
    expect(first.querySelector("h1")?.textContent).toBe("Docs");
    expect(attr(first, ".subsections a", "href")).toBe("/docs/docs/guides/");
    expect([...first.querySelectorAll(".card-list .card-title")].map((h) => h.textContent)).toEqual([
      "Intro <script>alert(1)</script>",
      "Setup",
    ]);
    expect(attr(first, ".pagination a[rel=next]", "href")).toBe("/docs/docs/page/2/");
    expect(first.querySelector('.pagination [aria-current="page"]')?.textContent).toBe("1");

    const second = render("content/docs/_index.md", { page: 2 });
    expect(attr(second, 'link[rel="canonical"]', "href")).toBe("https://example.com/docs/docs/page/2/");
    expect([...second.querySelectorAll(".card-title")].map((h) => h.textContent)).toEqual(["Zeta"]);
    expect(attr(second, ".pagination a[rel=prev]", "href")).toBe("/docs/docs/");
    expect(second.querySelector(".subsections")).toBeNull();
  });

  test("home: intro body and recent pages", () => {
    const doc = render("content/_index.md");
    expect(attr(doc, 'meta[property="og:type"]', "content")).toBe("website");
    expect(doc.title).toBe("Bengal Test");
    expect(doc.querySelector(".hero .prose p")?.textContent).toBe("Body text");
    expect(doc.querySelectorAll(".recent .card").length).toBe(2); // per_page = 2
    expect(doc.querySelector(".breadcrumbs")).toBeNull();
  });

  test("taxonomy and term pages", () => {
    const tags = render("@generated/tags");
    expect(attr(tags, ".term-list a", "href")).toBe("/docs/tags/rust/");
    expect(tags.querySelector(".term-list .count")?.textContent).toBe("2");

    const rust = render("@generated/tags/rust");
    expect([...rust.querySelectorAll(".breadcrumbs li")].map((li) => li.textContent)).toEqual([
      "Home",
      "Tags",
      "Rust",
    ]);
    expect(rust.querySelectorAll(".card").length).toBe(2);
  });

  test("404 page links home", () => {
    const doc = render("@generated/404");
    expect(doc.querySelector("h1")?.textContent).toBe("Page not found");
    expect(attr(doc, ".layout-404 a.button", "href")).toBe("/docs/");
  });
});
