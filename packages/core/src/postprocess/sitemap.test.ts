import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { testConfig, testIndex, testPage } from "./fixture-index.ts";
import { renderSitemap } from "./sitemap.ts";

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
