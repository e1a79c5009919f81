import { describe, expect, test } from "bun:test";
import { XMLParser } from "fast-xml-parser";
import type { SiteConfig } from "../model/config.ts";
import type { Page, Section } from "../model/page.ts";
import type { SiteIndex } from "../model/site.ts";
import { renderAtom, rfc3339 } from "./atom.ts";
import { renderFeeds } from "./feed-files.ts";
import { feedPages, sectionFeeds } from "./feeds.ts";
import { testConfig, testIndex, testPage } from "./fixture-index.ts";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (n) => n === "entry" || n === "item" || n === "link" || n === "category",
});

function section(key: string, url: string, pageIds: string[], subsectionKeys: string[] = []): Section {
  return {
    key,
    title: key
      .split("/")
      .pop()!
      .replace(/^./, (c) => c.toUpperCase()),
    url,
    indexPageId: `content/${key}/_index.md`,
    parent: key.includes("/") ? key.slice(0, key.lastIndexOf("/")) : "",
    pageIds,
    subsectionKeys,
    weight: 0,
  };
}

/** A blog section asking for a feed (with a 2024 subsection), a docs section not asking. */
function site(feeds: Partial<SiteConfig["feeds"]> = {}): SiteIndex {
  const base = testConfig({ author: "Ada" });
  const config = { ...base, feeds: { ...base.feeds, ...feeds } };
  const withParams = (page: Page, params: Record<string, unknown>): Page => ({ ...page, params });
  const pages = [
    testPage(config, { id: "@generated/home", kind: "home", url: "/" }),
    withParams(testPage(config, { id: "content/blog/_index.md", kind: "section", url: "/blog/" }), {
      feed: true,
    }),
    testPage(config, { id: "content/blog/2024/_index.md", kind: "section", url: "/blog/2024/" }),
    testPage(config, { id: "content/docs/_index.md", kind: "section", url: "/docs/" }),
    testPage(config, {
      id: "content/blog/b.md",
      url: "/blog/b/",
      title: "B & <b>",
      date: "2025-02-01T10:00:00Z",
      tags: ["Bun"],
    }),
    testPage(config, {
      id: "content/blog/2024/a.md",
      url: "/blog/2024/a/",
      title: "A",
      date: "2024-06-01",
      lastmod: "2025-03-01",
    }),
    testPage(config, { id: "content/docs/d.md", url: "/docs/d/", title: "D", date: "2025-05-05" }),
  ];
  const index = testIndex(config, pages);
  return {
    ...index,
    sections: new Map([
      ["", section("", "/", [], ["blog", "docs"])],
      ["blog", section("blog", "/blog/", ["content/blog/b.md"], ["blog/2024"])],
      ["blog/2024", section("blog/2024", "/blog/2024/", ["content/blog/2024/a.md"])],
      ["docs", section("docs", "/docs/", ["content/docs/d.md"])],
    ]),
    regularPageIds: ["content/docs/d.md", "content/blog/b.md", "content/blog/2024/a.md"],
  };
}

const rendered = new Map([
  [
    "content/blog/b.md",
    {
      summaryHtml: "<p>B summary</p>",
      html: '<p>B summary</p>\n<h2 id="more">More</h2><p>B body &amp; <code>x</code></p>',
    },
  ],
  ["content/blog/2024/a.md", { summaryHtml: "<p>A summary</p>", html: "<p>A summary</p><p>A body</p>" }],
  ["content/docs/d.md", { summaryHtml: "<p>D summary</p>", html: "<p>D full</p>" }],
]);

const text = (files: ReturnType<typeof renderFeeds>, path: string) => {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} among ${files.map((f) => f.path).join(", ")}`);
  return file.content as string;
};

describe("feeds", () => {
  test("the site gets rss.xml and atom.xml; only sections with `feed: true` get their own", () => {
    expect(sectionFeeds(site()).map((f) => f.dir)).toEqual(["blog/"]);
    expect(renderFeeds(site(), rendered).map((f) => f.path)).toEqual([
      "rss.xml",
      "atom.xml",
      "blog/rss.xml",
      "blog/atom.xml",
    ]);
  });

  test("a section feed holds the pages of the section and its subsections, newest first", () => {
    const files = renderFeeds(site(), rendered);
    const rss = parser.parse(text(files, "blog/rss.xml")).rss.channel;
    expect(rss.item.map((i: { title: string }) => i.title)).toEqual(["B & <b>", "A"]);
    expect(rss["atom:link"]["@_href"]).toBe("https://example.com/blog/rss.xml");
    expect(rss.link).toEqual(["https://example.com/blog/"]);
    const atom = parser.parse(text(files, "blog/atom.xml")).feed;
    expect(atom.entry.map((e: { title: string }) => e.title)).toEqual(["B & <b>", "A"]);
    expect(atom.link.map((l: Record<string, string>) => l["@_href"])).toEqual([
      "https://example.com/blog/atom.xml",
      "https://example.com/blog/",
    ]);
  });

  test("atom uses RFC 3339 dates, the newest update as the feed's, ids and alternate links", () => {
    const atom = parser.parse(text(renderFeeds(site(), rendered), "atom.xml")).feed;
    expect(atom["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(atom.updated).toBe("2025-05-05T00:00:00Z");
    expect(atom.author.name).toBe("Ada");
    const [d, b, a] = atom.entry;
    expect(d.id).toBe("https://example.com/docs/d/");
    expect(b.published).toBe("2025-02-01T10:00:00Z");
    expect(b.category).toEqual([{ "@_term": "Bun" }]);
    expect(a.published).toBe("2024-06-01T00:00:00Z");
    expect(a.updated).toBe("2025-03-01T00:00:00Z");
    expect(b.link[0]).toEqual({
      "@_rel": "alternate",
      "@_type": "text/html",
      "@_href": "https://example.com/blog/b/",
    });
    expect(b.summary).toEqual({ "@_type": "html", "#text": "<p>B summary</p>" });
    expect(b.content).toBeUndefined();
  });

  test("summaries by default; full escaped HTML with `full_content`", () => {
    const summary = text(renderFeeds(site(), rendered), "rss.xml");
    expect(summary).toContain("&lt;p&gt;B summary&lt;/p&gt;");
    expect(summary).not.toContain("B body");
    const files = renderFeeds(site({ full_content: true }), rendered);
    const rss = parser.parse(text(files, "rss.xml")).rss;
    expect(rss["@_xmlns:content"]).toBe("http://purl.org/rss/1.0/modules/content/");
    expect(rss.channel.item[1]["content:encoded"]).toBe(rendered.get("content/blog/b.md")!.html);
    expect(text(files, "rss.xml")).toContain("B body &amp;amp; &lt;code&gt;");
    const atom = parser.parse(text(files, "atom.xml")).feed;
    expect(atom.entry[1].content).toEqual({
      "@_type": "html",
      "#text": rendered.get("content/blog/b.md")!.html,
    });
  });

  test("`limit` caps every feed", () => {
    const files = renderFeeds(site({ limit: 1 }), rendered);
    expect(
      parser.parse(text(files, "rss.xml")).rss.channel.item.map((i: { title: string }) => i.title),
    ).toEqual(["D"]);
    expect(parser.parse(text(files, "blog/atom.xml")).feed.entry).toHaveLength(1);
  });

  test("an empty site still has a valid atom `updated` that does not come from the clock", () => {
    const config = testConfig();
    const atom = parser.parse(renderAtom(testIndex(config, []), new Map())).feed;
    expect(atom.updated).toBe("1970-01-01T00:00:00Z");
    expect(atom.entry).toBeUndefined();
    expect(rfc3339(new Date("2025-10-01T09:30:00.250+02:00"))).toBe("2025-10-01T07:30:00.250Z");
  });

  test("control characters that XML forbids are dropped", () => {
    const config = testConfig();
    const page = testPage(config, {
      id: "content/x.md",
      url: "/x/",
      title: "bad\u0007title",
      date: "2025-01-01",
    });
    const xml = renderAtom(testIndex(config, [page]), new Map([["content/x.md", "<p>a\u0001b</p>"]]));
    expect(xml).toContain("<title>badtitle</title>");
    expect(xml).toContain("&lt;p&gt;ab&lt;/p&gt;");
  });
});

interface Parsed {
  readonly bozo: number;
  readonly error: string;
  readonly version: string;
  readonly titles: string[];
  readonly links: string[];
  readonly content: string[];
}

const FEEDPARSER_SCRIPT = `
import json, sys, feedparser
out = []
for text in json.load(sys.stdin):
    d = feedparser.parse(text)
    out.append({"bozo": int(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
                "titles": [e.title for e in d.entries], "links": [e.link for e in d.entries],
                "content": [(e.get("content") or [{"value": e.get("summary", "")}])[0]["value"] for e in d.entries]})
print(json.dumps(out))
`;

/** Runs Python's feedparser (Debian python3-feedparser) on each feed text. */
async function feedparser(feeds: readonly string[]): Promise<Parsed[] | null> {
  // Debian's python3-feedparser lives under the system Python, which a pyenv or venv on PATH may hide.
  const candidates = [...new Set([Bun.which("python3"), "/usr/bin/python3"].filter((p): p is string => !!p))];
  const python = candidates.find((p) => Bun.spawnSync([p, "-c", "import feedparser"]).exitCode === 0);
  if (python) {
    const proc = Bun.spawn([python, "-c", FEEDPARSER_SCRIPT], {
      stdin: new TextEncoder().encode(JSON.stringify(feeds)),
      stdout: "pipe",
      stderr: "pipe",
    });
    const [out, err, code] = await Promise.all([
      new Response(proc.stdout).text(),
      new Response(proc.stderr).text(),
      proc.exited,
    ]);
    if (code !== 0) throw new Error(err);
    return JSON.parse(out);
  }
  console.warn(
    "skipped feed parser check: python3-feedparser is not installed (apt-get install python3-feedparser)",
  );
  return null;
}

describe("a real feed parser reads the feeds", () => {
  test("RSS and Atom, summaries and full content, site and section feeds: no errors, every entry", async () => {
    const summary = renderFeeds(site(), rendered);
    const full = renderFeeds(site({ full_content: true }), rendered);
    const all = [...summary, ...full].map((f) => f.content as string);
    const parsed = await feedparser(all);
    if (!parsed) return;
    expect(parsed.map((p) => [p.bozo, p.error])).toEqual(all.map(() => [0, ""]));
    expect(parsed.map((p) => p.version)).toEqual([
      "rss20",
      "atom10",
      "rss20",
      "atom10",
      "rss20",
      "atom10",
      "rss20",
      "atom10",
    ]);
    expect(parsed.map((p) => p.titles.length)).toEqual([3, 3, 2, 2, 3, 3, 2, 2]);
    expect(parsed[0]!.titles).toEqual(["D", "B & <b>", "A"]);
    expect(parsed[1]!.links).toEqual([
      "https://example.com/docs/d/",
      "https://example.com/blog/b/",
      "https://example.com/blog/2024/a/",
    ]);
    expect(parsed[1]!.content[1]).toBe("<p>B summary</p>");
    expect(parsed[5]!.content[1]).toContain("B body &amp; <code>x</code>");
    expect(parsed[4]!.content[1]).toContain("B body &amp; <code>x</code>");
  });
});

describe("[feeds] config", () => {
  test("limit and full_content are read and validated, with defaults 20 and false", async () => {
    const { parseConfig } = await import("../config/parse-config.ts");
    expect(parseConfig("bengal.toml", "").config.feeds).toEqual({ limit: 20, full_content: false });
    const set = parseConfig("bengal.toml", "[feeds]\nlimit = 5\nfull_content = true\n");
    expect([set.config.feeds, set.diagnostics]).toEqual([{ limit: 5, full_content: true }, []]);
    const bad = parseConfig("bengal.toml", "[feeds]\nlimit = 0\n");
    expect([bad.config.feeds.limit, bad.diagnostics.map((d) => d.code)]).toEqual([
      20,
      ["config.invalid-value"],
    ]);
  });
});

describe("feedPages", () => {
  test("the newest few are the first of the whole list sorted (date desc, then URL), for any limit", () => {
    const config = testConfig();
    const pages: Page[] = [];
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 400; i++) {
      // Few distinct dates, so ties (broken by URL) are common.
      const day = 1 + (next() % 12);
      pages.push(
        testPage(config, {
          id: `content/p${i}.md`,
          url: `/p${next() % 1000}-${i}/`,
          date: `2025-01-${String(day).padStart(2, "0")}`,
          draft: next() % 10 === 0,
          ...(next() % 15 === 0 ? { kind: "section" as const } : {}),
        }),
      );
    }
    pages.push(testPage(config, { id: "content/undated.md", url: "/undated/" }));
    const index = testIndex(config, pages);
    const sorted = pages
      .filter((p) => p.kind === "page" && !p.draft && p.date)
      .sort((a, b) => b.date!.getTime() - a.date!.getTime() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const ids = pages.map((p) => p.id);
    for (const limit of [1, 2, 20, 64, 65, 1000]) {
      expect(feedPages(index, ids, limit).map((p) => p.id)).toEqual(sorted.slice(0, limit).map((p) => p.id));
    }
  });
});
