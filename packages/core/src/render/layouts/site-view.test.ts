import { describe, expect, test } from "bun:test";
import { createSiteView, splitBaseurl } from "./site-view.ts";
import { testIndex, testPage } from "./test-index.ts";

const view = (baseurl: string, rss = true) => {
  const index = testIndex(baseurl);
  const config = { ...index.config, build: { ...index.config.build, generate_rss: rss } };
  return createSiteView(
    { ...index, config },
    {
      assetUrl: (p) => `${splitBaseurl(baseurl).prefix}/assets/${p.replace(".css", ".abc123.css")}`,
      buildDate: new Date(0),
      generator: "Bengal",
    },
  );
};

describe("createSiteView", () => {
  test("the regular-page list is built on first use, once, through `untracked`", () => {
    const index = testIndex("");
    let calls = 0;
    const site = createSiteView(index, {
      assetUrl: (p) => p,
      buildDate: new Date(0),
      generator: "Bengal",
      untracked: (fn) => {
        calls++;
        return fn();
      },
    });
    expect(calls).toBe(0);
    const first = site.regularPages();
    expect(first.map((p) => p.id)).toEqual(index.regularPageIds.filter((id) => index.pages.has(id)));
    expect(first.length).toBeGreaterThan(0);
    expect(site.regularPages()).toBe(first);
    expect(calls).toBe(1);
  });

  test("splits absolute and path-only baseurls", () => {
    expect(splitBaseurl("https://example.com/docs/")).toEqual({
      origin: "https://example.com",
      prefix: "/docs",
    });
    expect(splitBaseurl("https://example.com")).toEqual({ origin: "https://example.com", prefix: "" });
    expect(splitBaseurl("/docs")).toEqual({ origin: "", prefix: "/docs" });
    expect(splitBaseurl("docs/")).toEqual({ origin: "", prefix: "/docs" });
    expect(splitBaseurl("")).toEqual({ origin: "", prefix: "" });
  });

  test("url() adds the path prefix, absUrl() the origin too; external links pass through", () => {
    const site = view("https://example.com/docs");
    expect(site.url("/a/b/")).toBe("/docs/a/b/");
    expect(site.url("a/")).toBe("/docs/a/");
    expect(site.absUrl("/a/")).toBe("https://example.com/docs/a/");
    expect(site.url("https://other.org/x")).toBe("https://other.org/x");
    expect(site.url("#top")).toBe("#top");
    expect(site.url("mailto:a@b.c")).toBe("mailto:a@b.c");
    expect(site.baseurl).toBe("https://example.com/docs");
  });

  test("asset() strips a leading slash and returns the pipeline's href", () => {
    expect(view("/sub").asset("css/style.css")).toBe("/sub/assets/css/style.abc123.css");
    expect(view("").asset("/css/style.css")).toBe("/assets/css/style.abc123.css");
  });

  test("feedUrl follows generate_rss", () => {
    expect(view("https://example.com").feedUrl).toBe("https://example.com/rss.xml");
    expect(view("https://example.com", false).feedUrl).toBeNull();
  });

  test("dates are formatted in UTC in the site language", () => {
    const site = view("");
    expect(site.formatDate(new Date("2025-10-01T23:30:00-05:00"))).toBe("October 2, 2025");
    expect(site.isoDate(new Date("2025-10-01T00:00:00Z"))).toBe("2025-10-01T00:00:00.000Z");
  });

  test("summary prefers front matter, then description, then a plain excerpt", () => {
    const site = view("");
    const base = { id: "content/a.md", kind: "page" as const, title: "A", url: "/a/" };
    expect(site.summary(testPage({ ...base, summary: "S", description: "D" }))).toBe("S");
    expect(site.summary(testPage({ ...base, description: "D" }))).toBe("D");
    const body = "# Title\n\nSome **bold** and [a link](/x/).\n\n```js\ncode();\n```\n\nMore text.";
    expect(site.summary(testPage({ ...base, body }))).toBe("Title Some bold and a link. More text.");
    // One view is one build: a page's excerpt is made once and served again by its id.
    const long = testPage({ ...base, id: "content/long.md", body: "word ".repeat(100) });
    expect(site.summary(long).length).toBeLessThanOrEqual(201);
    expect(site.summary(long).endsWith("…")).toBe(true);
  });

  test("regularPages() follows the index order", () => {
    expect(
      view("")
        .regularPages()
        .map((p) => p.title),
    ).toEqual(["Intro <script>alert(1)</script>", "Setup", "Zeta", "Deploy"]);
  });
});
