import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { testConfig, testIndex, testPage } from "./fixture-index.ts";
import {
  renderSitemap,
  renderSitemaps,
  type SitemapEntry,
  sitemapEntries,
  urlset,
  urlsetXml,
} from "./sitemap.ts";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  isArray: (n) => n === "url",
});

function siteIndex() {
  const config = testConfig();
  return testIndex(
    config,
    [
      testPage(config, { id: "@generated/home", kind: "home", url: "/" }),
      testPage(config, { id: "content/zeta.md", url: "/zeta/", date: "2025-10-01T09:30:00Z" }),
      testPage(config, { id: "content/alpha.md", url: "/alpha/", date: "2025-01-01", lastmod: "2025-03-04" }),
      testPage(config, { id: "content/draft.md", url: "/draft/", draft: true, date: "2025-01-01" }),
      testPage(config, { id: "@generated/404", kind: "404", url: "/404.html" }),
      testPage(config, { id: "content/blog/_index.md", kind: "section", url: "/blog/" }),
      testPage(config, { id: "content/q.md", url: "/a&b/" }),
    ],
    { id: "content/blog/_index.md", count: 3 },
  );
}

describe("renderSitemap", () => {
  test("lists published pages once, sorted, with absolute locations", () => {
    const xml = renderSitemap(siteIndex());
    const doc = parser.parse(xml);
    expect(doc.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs = doc.urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs).toEqual([
      "https://example.com/",
      "https://example.com/a&b/",
      "https://example.com/alpha/",
      "https://example.com/blog/",
      "https://example.com/zeta/",
    ]);
    expect(xml).toContain("a&amp;b");
  });

  test("lastmod prefers lastmod over date and is omitted without either", () => {
    const doc = parser.parse(renderSitemap(siteIndex()));
    const byLoc = new Map(doc.urlset.url.map((u: { loc: string; lastmod?: string }) => [u.loc, u.lastmod]));
    expect(byLoc.get("https://example.com/alpha/")).toBe("2025-03-04");
    expect(byLoc.get("https://example.com/zeta/")).toBe("2025-10-01");
    expect(byLoc.get("https://example.com/blog/")).toBeUndefined();
  });

  test("is valid against the sitemaps.org schema", async () => {
    const xmllint = Bun.which("xmllint");
    if (!xmllint) {
      console.warn("skipped schema check: xmllint is not installed (apt-get install libxml2-utils)");
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "bengal-sitemap-"));
    try {
      const file = join(dir, "sitemap.xml");
      writeFileSync(file, renderSitemap(siteIndex()));
      const xsd = join(import.meta.dir, "fixtures", "sitemap.xsd");
      const proc = Bun.spawn([xmllint, "--noout", "--schema", xsd, file], { stderr: "pipe" });
      const stderr = await new Response(proc.stderr).text();
      expect({ code: await proc.exited, stderr }).toEqual({ code: 0, stderr: `${file} validates\n` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function xmllintSchema(xml: string, xsdName: string): Promise<{ code: number; stderr: string } | null> {
  const xmllint = Bun.which("xmllint");
  if (!xmllint) {
    console.warn("skipped schema check: xmllint is not installed (apt-get install libxml2-utils)");
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), "bengal-sitemap-"));
  try {
    const file = join(dir, "sitemap.xml");
    writeFileSync(file, xml);
    const xsd = join(import.meta.dir, "fixtures", xsdName);
    const proc = Bun.spawn([xmllint, "--noout", "--schema", xsd, file], { stderr: "pipe" });
    const stderr = (await new Response(proc.stderr).text()).replaceAll(file, "FILE");
    return { code: await proc.exited, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function manyPages(count: number, extra: Array<Parameters<typeof testPage>[1]> = []) {
  const config = testConfig();
  const pages = Array.from({ length: count }, (_, i) =>
    testPage(config, {
      id: `content/p${String(i).padStart(2, "0")}.md`,
      url: `/p${String(i).padStart(2, "0")}/`,
      date: `2025-01-${String((i % 28) + 1).padStart(2, "0")}`,
    }),
  );
  return testIndex(config, [...pages, ...extra.map((init) => testPage(config, init))]);
}

describe("sitemap exclusions and index", () => {
  test("a page with `sitemap: false` in front matter is left out", () => {
    const config = testConfig();
    const hidden = {
      ...testPage(config, { id: "content/hidden.md", url: "/hidden/" }),
      params: { sitemap: false },
    };
    const shown = {
      ...testPage(config, { id: "content/shown.md", url: "/shown/" }),
      params: { sitemap: true },
    };
    const draft = testPage(config, { id: "content/draft.md", url: "/draft/", draft: true });
    const locs = sitemapEntries(testIndex(config, [hidden, shown, draft])).map((e) => e.loc);
    expect(locs).toEqual(["https://example.com/shown/"]);
  });

  test("stays a single urlset up to the limit", () => {
    const files = renderSitemaps(manyPages(5), 5);
    expect(files.map((f) => f.path)).toEqual(["sitemap.xml"]);
    expect(parser.parse(files[0]!.content as string).urlset.url).toHaveLength(5);
  });

  test("past the limit, sitemap.xml is an index of numbered urlsets holding every URL once", () => {
    const files = renderSitemaps(manyPages(12), 5);
    expect(files.map((f) => f.path)).toEqual([
      "sitemap.xml",
      "sitemap-1.xml",
      "sitemap-2.xml",
      "sitemap-3.xml",
    ]);
    const index = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      isArray: (n) => n === "sitemap",
    }).parse(files[0]!.content as string);
    expect(index.sitemapindex["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      "https://example.com/sitemap-1.xml",
      "https://example.com/sitemap-2.xml",
      "https://example.com/sitemap-3.xml",
    ]);
    expect(index.sitemapindex.sitemap[0].lastmod).toBe("2025-01-05");
    const locs = files
      .slice(1)
      .flatMap((f) => parser.parse(f.content as string).urlset.url.map((u: { loc: string }) => u.loc));
    expect(locs).toHaveLength(12);
    expect(new Set(locs).size).toBe(12);
    expect(files.slice(1).map((f) => parser.parse(f.content as string).urlset.url.length)).toEqual([5, 5, 2]);
  });

  test("the index validates against siteindex.xsd and each part against sitemap.xsd", async () => {
    const files = renderSitemaps(manyPages(12), 5);
    const index = await xmllintSchema(files[0]!.content as string, "siteindex.xsd");
    if (!index) return;
    expect(index).toEqual({ code: 0, stderr: "FILE validates\n" });
    for (const part of files.slice(1)) {
      expect(await xmllintSchema(part.content as string, "sitemap.xsd")).toEqual({
        code: 0,
        stderr: "FILE validates\n",
      });
    }
  });
});

describe("the direct urlset writer", () => {
  test("writes exactly what the XML builder writes, whatever the locations hold", () => {
    const odd = ["&", "<", ">", "'", '"', "é", "日本", " ", "\n", "&amp;", "%20", "]]>", "\u0001"];
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const entries: SitemapEntry[] = [];
    for (let i = 0; i < 300; i++) {
      let loc = `https://example.org/p${i}/`;
      for (let k = pick() % 4; k > 0; k--) loc += odd[pick() % odd.length];
      entries.push({ loc, lastmod: pick() % 3 === 0 ? null : `2025-0${1 + (pick() % 9)}-1${pick() % 10}` });
    }
    expect(urlset(entries)).toBe(urlsetXml(entries));
    expect(urlset(entries.slice(0, 1))).toBe(urlsetXml(entries.slice(0, 1)));
    expect(urlset([])).toBe(urlsetXml([]));
    expect(urlset([{ loc: "", lastmod: null }])).toBe(urlsetXml([{ loc: "", lastmod: null }]));
    expect(renderSitemap(siteIndex())).toBe(urlsetXml(sitemapEntries(siteIndex())));
  });
});

describe("sitemap entries of an index carried over (the dev server)", () => {
  test("a body swap keeps the entries; a changed date or draft flag makes new ones", () => {
    const index = siteIndex();
    const first = sitemapEntries(index);
    const alpha = index.pages.get("content/alpha.md")!;
    const swap = (page: typeof alpha) => ({ ...index, pages: new Map(index.pages).set(page.id, page) });

    expect(sitemapEntries(swap({ ...alpha, body: "Another body." }))).toBe(first);

    const redated = sitemapEntries(swap({ ...alpha, lastmod: new Date("2025-06-07") }));
    expect(redated).not.toBe(first);
    expect(redated.find((e) => e.loc.endsWith("/alpha/"))?.lastmod).toBe("2025-06-07");

    const drafted = sitemapEntries(swap({ ...alpha, draft: true }));
    expect(drafted.some((e) => e.loc.endsWith("/alpha/"))).toBe(false);
  });
});
