import { describe, expect, test } from "bun:test";
import { testConfig } from "./test-support.ts";
import { absoluteUrl, baseurlPath, joinBaseurl, outputPathFor, pagerUrl, pageUrl, termSlug } from "./urls.ts";

const pretty = testConfig();
const plain = testConfig({ build: { pretty_urls: false } });

describe("pageUrl", () => {
  test("pretty URLs for pages, bundles, sections and home", () => {
    expect(pageUrl("content/a/b.md", {}, pretty)).toBe("/a/b/");
    expect(pageUrl("content/a/b.markdown", {}, pretty)).toBe("/a/b/");
    expect(pageUrl("content/a/index.md", {}, pretty)).toBe("/a/");
    expect(pageUrl("content/a/_index.md", {}, pretty)).toBe("/a/");
    expect(pageUrl("content/docs/guides/_index.md", {}, pretty)).toBe("/docs/guides/");
    expect(pageUrl("content/_index.md", {}, pretty)).toBe("/");
    expect(pageUrl("content/index.md", {}, pretty)).toBe("/");
  });

  test("plain URLs: pages get .html, folders keep /a/", () => {
    expect(pageUrl("content/a/b.md", {}, plain)).toBe("/a/b.html");
    expect(pageUrl("content/a/_index.md", {}, plain)).toBe("/a/");
    expect(pageUrl("content/a/index.md", {}, plain)).toBe("/a/");
    expect(pageUrl("content/_index.md", {}, plain)).toBe("/");
  });

  test("slug replaces the last segment", () => {
    expect(pageUrl("content/a/b.md", { slug: "x" }, pretty)).toBe("/a/x/");
    expect(pageUrl("content/a/b.md", { slug: "x" }, plain)).toBe("/a/x.html");
    expect(pageUrl("content/a/index.md", { slug: "y" }, pretty)).toBe("/y/");
    expect(pageUrl("content/_index.md", { slug: "z" }, pretty)).toBe("/");
  });

  test("url overrides everything and is normalised", () => {
    expect(pageUrl("content/a/b.md", { url: "about", slug: "x" }, pretty)).toBe("/about/");
    expect(pageUrl("content/a/b.md", { url: "/about/" }, plain)).toBe("/about/");
    expect(pageUrl("content/a/b.md", { url: "/old/page.html" }, pretty)).toBe("/old/page.html");
  });
});

test("outputPathFor", () => {
  expect(outputPathFor("/a/b/")).toBe("a/b/index.html");
  expect(outputPathFor("/")).toBe("index.html");
  expect(outputPathFor("/a/b.html")).toBe("a/b.html");
});

test("pagerUrl", () => {
  expect(pagerUrl("/blog/", 1)).toBe("/blog/");
  expect(pagerUrl("/blog/", 2)).toBe("/blog/page/2/");
  expect(pagerUrl("/blog/", 3, false)).toBe("/blog/page/3.html");
  expect(pagerUrl("/", 2)).toBe("/page/2/");
});

describe("baseurl", () => {
  test("path prefix", () => {
    expect(baseurlPath("https://example.com/docs/")).toBe("/docs");
    expect(baseurlPath("https://example.com")).toBe("");
    expect(baseurlPath("/docs")).toBe("/docs");
    expect(baseurlPath("")).toBe("");
  });
  test("joinBaseurl uses only the path", () => {
    expect(joinBaseurl("https://example.com/docs", "/a/")).toBe("/docs/a/");
    expect(joinBaseurl("https://example.com", "/a/")).toBe("/a/");
    expect(joinBaseurl("", "/a/")).toBe("/a/");
  });
  test("absoluteUrl uses the full baseurl, or the path when there is no host", () => {
    expect(absoluteUrl("https://example.com/docs/", "/a/")).toBe("https://example.com/docs/a/");
    expect(absoluteUrl("https://example.com", "/")).toBe("https://example.com/");
    expect(absoluteUrl("/docs", "/a/")).toBe("/docs/a/");
    expect(absoluteUrl("", "/a/")).toBe("/a/");
  });
});

test("termSlug", () => {
  expect(termSlug("Web Dev")).toBe("web-dev");
  expect(termSlug("  C# & .NET ")).toBe("c-net");
  expect(termSlug("snake_case")).toBe("snake_case");
  expect(termSlug("Café")).toBe("café");
  expect(termSlug("JavaScript")).toBe(termSlug("javascript"));
});
