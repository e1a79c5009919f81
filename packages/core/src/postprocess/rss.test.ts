import { describe, expect, test } from "bun:test";
import { XMLParser } from "fast-xml-parser";
import { testConfig, testIndex, testPage } from "./fixture-index.ts";
import { RSS_MAX_ITEMS, renderRss } from "./rss.ts";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (n) => n === "item" || n === "category",
});

function siteIndex(extra = 0) {
  const config = testConfig({ description: "News & notes" });
  const pages = [
    testPage(config, { id: "@generated/home", kind: "home", url: "/" }),
    testPage(config, { id: "content/old.md", url: "/old/", title: "Old", date: "2024-05-06T10:00:00Z" }),
    testPage(config, {
      id: "content/new.md",
      url: "/new/",
      title: "New <one>",
      date: "2025-10-01T09:30:00+02:00",
      tags: ["Bun", "Static Sites"],
    }),
    testPage(config, {
      id: "content/described.md",
      url: "/described/",
      title: "Described",
      date: "2025-01-01",
      description: "From front matter",
    }),
    testPage(config, { id: "content/undated.md", url: "/undated/" }),
    testPage(config, { id: "content/draft.md", url: "/draft/", draft: true, date: "2026-01-01" }),
    ...Array.from({ length: extra }, (_, i) =>
      testPage(config, {
        id: `content/p${i}.md`,
        url: `/p${i}/`,
        date: `2023-01-${String(i + 1).padStart(2, "0")}`,
      }),
    ),
  ];
  return testIndex(config, pages);
}

const summaries = new Map([
  ["content/new.md", "<p>Summary &amp; <em>more</em></p>"],
  ["content/described.md", "<p>not used</p>"],
]);

describe("renderRss", () => {
  test("channel carries site facts, a self link and the newest item's date", () => {
    const doc = parser.parse(renderRss(siteIndex(), summaries));
    expect(doc.rss["@_version"]).toBe("2.0");
    const channel = doc.rss.channel;
    expect(channel.title).toBe("Test Site");
    expect(channel.link).toBe("https://example.com/");
    expect(channel.description).toBe("News & notes");
    expect(channel.language).toBe("en");
    expect(channel.lastBuildDate).toBe("Wed, 01 Oct 2025 07:30:00 GMT");
    expect(channel["atom:link"]).toEqual({
      "@_href": "https://example.com/rss.xml",
      "@_rel": "self",
      "@_type": "application/rss+xml",
    });
  });

  test("items are dated published pages, newest first, with guid, UTC date, description and tags", () => {
    const items = parser.parse(renderRss(siteIndex(), summaries)).rss.channel.item;
    expect(items.map((i: { title: string }) => i.title)).toEqual(["New <one>", "Described", "Old"]);
    const [first, second] = items;
    expect(first.link).toBe("https://example.com/new/");
    expect(first.guid).toEqual({ "@_isPermaLink": "true", "#text": "https://example.com/new/" });
    expect(first.pubDate).toBe("Wed, 01 Oct 2025 07:30:00 GMT");
    expect(first.description).toBe("<p>Summary &amp; <em>more</em></p>");
    expect(first.category).toEqual(["Bun", "Static Sites"]);
    expect(second.description).toBe("From front matter");
    expect(second.category).toBeUndefined();
  });

  test("is well-formed XML", async () => {
    const xmllint = Bun.which("xmllint");
    if (!xmllint) {
      console.warn("skipped well-formedness check: xmllint is not installed (apt-get install libxml2-utils)");
      return;
    }
    const proc = Bun.spawn([xmllint, "--noout", "-"], {
      stdin: new TextEncoder().encode(renderRss(siteIndex(), summaries)),
      stderr: "pipe",
    });
    const stderr = await new Response(proc.stderr).text();
    expect({ code: await proc.exited, stderr }).toEqual({ code: 0, stderr: "" });
  });

  test(`keeps at most ${RSS_MAX_ITEMS} items`, () => {
    const items = parser.parse(renderRss(siteIndex(30), summaries)).rss.channel.item;
    expect(items).toHaveLength(RSS_MAX_ITEMS);
    expect(items[0].title).toBe("New <one>");
  });

  test("a path-only baseurl gives guids that do not claim to be permalinks", () => {
    const config = testConfig({ baseurl: "" });
    const index = testIndex(config, [
      testPage(config, { id: "content/a.md", url: "/a/", date: "2025-01-01" }),
    ]);
    const item = parser.parse(renderRss(index, new Map())).rss.channel.item[0];
    expect(item.guid).toEqual({ "@_isPermaLink": "false", "#text": "/a/" });
  });

  test("an empty site has a channel without items or lastBuildDate", () => {
    const config = testConfig({ description: "" });
    const doc = parser.parse(renderRss(testIndex(config, []), new Map()));
    expect(doc.rss.channel.item).toBeUndefined();
    expect(doc.rss.channel.lastBuildDate).toBeUndefined();
    expect(doc.rss.channel.description).toBe("Recent content on Test Site");
  });
});
