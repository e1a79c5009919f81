import { describe, expect, test } from "bun:test";
import { buildSiteIndex } from "../content/index-builder.ts";
import { doc, testConfig } from "../content/test-support.ts";
import type { SiteConfig } from "../model/config.ts";
import { resolveLink, rewriteHref } from "./resolve.ts";

const existing = new Set([
  "content/post/img.png",
  "content/guide/diagram.svg",
  "static/images/x.png",
  "assets/css/site.css",
]);
const files = { exists: (p: string) => existing.has(p) };

function site(config: SiteConfig = testConfig()) {
  const posts = Array.from({ length: 12 }, (_, i) => doc(`content/blog/p${i}.md`, { title: `P${i}` }));
  return buildSiteIndex(
    [
      doc("content/_index.md"),
      doc("content/docs/_index.md"),
      doc("content/docs/intro.md", { title: "Intro", aliases: ["/old-intro/"] }),
      doc("content/docs/setup.md", { title: "Setup" }),
      doc("content/guide/intro.md", { title: "Guide", tags: ["go"] }),
      doc("content/post/index.md", { title: "Bundle", slug: "renamed" }),
      doc("content/secret.md", { title: "Secret", draft: true }),
      ...posts,
    ],
    config,
    { drafts: false },
  ).index;
}

const index = site();
const from = "content/docs/setup.md";
const r = (href: string, source = from, idx = index) => resolveLink(idx, source, href, files);

describe("resolveLink", () => {
  test("external schemes and protocol-relative", () => {
    for (const href of [
      "https://x.org",
      "http://x.org/a",
      "mailto:a@b.c",
      "tel:+1",
      "data:image/png;base64,AA",
      "//cdn.x/y.js",
    ]) {
      expect(r(href)).toEqual({ kind: "external" });
    }
  });

  test("anchor-only", () => {
    expect(r("#setup-steps")).toEqual({ kind: "anchor-only", fragment: "setup-steps" });
    expect(r("#caf%C3%A9")).toEqual({ kind: "anchor-only", fragment: "café" });
  });

  test("relative .md links resolve against the source folder and keep the fragment", () => {
    expect(r("../guide/intro.md#setup")).toEqual({
      kind: "page",
      pageId: "content/guide/intro.md",
      fragment: "setup",
      url: "/guide/intro/",
    });
    expect(r("intro.md")).toEqual({
      kind: "page",
      pageId: "content/docs/intro.md",
      fragment: null,
      url: "/docs/intro/",
    });
    expect(r("_index.md")).toMatchObject({ kind: "page", pageId: "content/docs/_index.md", url: "/docs/" });
    expect(r("../post/index.md")).toMatchObject({ kind: "page", url: "/renamed/" });
    expect(r("/docs/intro.md")).toMatchObject({ kind: "page", pageId: "content/docs/intro.md" });
    expect(r("nope.md")).toEqual({ kind: "missing-page", path: "content/docs/nope.md" });
    expect(r("../secret.md")).toEqual({
      kind: "missing-page",
      path: "content/secret.md",
      draftSource: "content/secret.md",
    });
  });

  test("site-root links in every spelling", () => {
    const intro = {
      kind: "page",
      pageId: "content/docs/intro.md",
      fragment: null,
      url: "/docs/intro/",
    } as const;
    expect(r("/docs/intro/")).toEqual(intro);
    expect(r("/docs/intro")).toEqual(intro);
    expect(r("/docs/intro/index.html")).toEqual(intro);
    expect(r("/docs/intro.html")).toEqual(intro);
    expect(r("/docs/intro/?x=1#a")).toEqual({ ...intro, fragment: "a" });
    expect(r("/docs/nothing/")).toEqual({ kind: "missing-page", path: "/docs/nothing/" });
    expect(r("/secret/")).toEqual({
      kind: "missing-page",
      path: "/secret/",
      draftSource: "content/secret.md",
    });
  });

  test("generated pages, pagers and aliases are valid targets", () => {
    expect(r("/tags/go/")).toMatchObject({ kind: "page", pageId: "@generated/term/tags/go" });
    expect(r("/tags/")).toMatchObject({ kind: "page", pageId: "@generated/taxonomy/tags" });
    expect(r("/blog/")).toMatchObject({ kind: "page", pageId: "@generated/section/blog" });
    expect(r("/blog/page/2/")).toEqual({
      kind: "page",
      pageId: "@generated/section/blog",
      fragment: null,
      url: "/blog/page/2/",
    });
    expect(r("/blog/page/3/")).toMatchObject({ kind: "missing-page" });
    expect(r("/old-intro/")).toEqual({
      kind: "page",
      pageId: "content/docs/intro.md",
      fragment: null,
      url: "/docs/intro/",
    });
    expect(r("/404.html")).toMatchObject({ kind: "page", pageId: "@generated/404" });
  });

  test("relative URL-style links resolve against the page URL", () => {
    // setup.md is at /docs/setup/, so ../intro/ is /docs/intro/.
    expect(r("../intro/")).toMatchObject({ kind: "page", pageId: "content/docs/intro.md" });
    expect(r("../../guide/intro/")).toMatchObject({ kind: "page", pageId: "content/guide/intro.md" });
    expect(r("../missing/")).toEqual({ kind: "missing-page", path: "/docs/missing/" });
  });

  test("files: bundle resources, root static and assets", () => {
    expect(r("img.png", "content/post/index.md")).toEqual({
      kind: "file",
      url: "/renamed/img.png",
      sitePath: "content/post/img.png",
    });
    expect(r("../guide/diagram.svg")).toEqual({
      kind: "file",
      url: "/guide/diagram.svg",
      sitePath: "content/guide/diagram.svg",
    });
    expect(r("/images/x.png")).toEqual({
      kind: "file",
      url: "/images/x.png",
      sitePath: "static/images/x.png",
    });
    expect(r("/css/site.css")).toEqual({
      kind: "file",
      url: "/css/site.css",
      sitePath: "assets/css/site.css",
    });
    expect(r("/assets/css/site.css")).toEqual({
      kind: "file",
      url: "/assets/css/site.css",
      sitePath: "assets/css/site.css",
    });
    expect(r("/sitemap.xml")).toEqual({ kind: "file", url: "/sitemap.xml", sitePath: null });
    expect(r("nope.png", "content/post/index.md")).toEqual({
      kind: "missing-file",
      path: "content/post/nope.png",
    });
    expect(r("/images/nope.png")).toEqual({ kind: "missing-file", path: "/images/nope.png" });
  });

  test("baseurl path prefix present or not", () => {
    const based = site(testConfig({ site: { baseurl: "https://ex.org/site" } }));
    const intro = {
      kind: "page",
      pageId: "content/docs/intro.md",
      fragment: null,
      url: "/docs/intro/",
    } as const;
    expect(r("/site/docs/intro/", from, based)).toEqual(intro);
    expect(r("/site/docs/intro", from, based)).toEqual(intro);
    expect(r("/docs/intro/", from, based)).toEqual(intro);
    expect(r("/site/", from, based)).toMatchObject({ kind: "page", pageId: "content/_index.md" });
    expect(r("/site/images/x.png", from, based)).toEqual({
      kind: "file",
      url: "/images/x.png",
      sitePath: "static/images/x.png",
    });
    expect(r("/site/nothing/", from, based)).toEqual({ kind: "missing-page", path: "/nothing/" });
  });
});

describe("rewriteHref", () => {
  const based = site(testConfig({ site: { baseurl: "https://ex.org/site" } }));
  test(".md links become page URLs with the baseurl path and fragment", () => {
    expect(rewriteHref(index, from, "../guide/intro.md#setup", files)).toBe("/guide/intro/#setup");
    expect(rewriteHref(based, from, "../guide/intro.md#setup", files)).toBe("/site/guide/intro/#setup");
    expect(rewriteHref(based, from, "intro.md", files)).toBe("/site/docs/intro/");
  });
  test("relative resources become their output URL", () => {
    expect(rewriteHref(based, "content/post/index.md", "img.png", files)).toBe("/site/renamed/img.png");
    expect(rewriteHref(index, from, "../guide/diagram.svg", files)).toBe("/guide/diagram.svg");
  });
  test("root links get the missing prefix; others stay", () => {
    expect(rewriteHref(based, from, "/docs/intro/#a", files)).toBe("/site/docs/intro/#a");
    expect(rewriteHref(based, from, "/site/docs/intro/", files)).toBeNull();
    expect(rewriteHref(index, from, "/docs/intro/", files)).toBeNull();
    expect(rewriteHref(index, from, "https://x.org", files)).toBeNull();
    expect(rewriteHref(index, from, "#a", files)).toBeNull();
    expect(rewriteHref(index, from, "missing.md", files)).toBeNull();
  });
});
