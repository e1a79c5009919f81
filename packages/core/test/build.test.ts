import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "../src/build/build.ts";
import type { BuildResult } from "../src/model/output.ts";
import { dom, fixtureSite, readOutput } from "./helpers.ts";

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe("building the basic fixture site", () => {
  let site: ReturnType<typeof fixtureSite>;
  let result: BuildResult;
  beforeAll(async () => {
    site = fixtureSite("basic");
    result = await build({ root: site.root });
  });
  afterAll(() => site[Symbol.dispose]());
  const html = (path: string) => dom(readOutput(site.root, path));

  test("finishes without errors", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.failed).toBe(false);
  });

  test("writes pretty URLs for pages, nested sections and the home page", () => {
    for (const path of [
      "index.html",
      "about/index.html",
      "blog/index.html",
      "blog/post-1/index.html",
      "docs/index.html",
      "docs/intro/index.html",
      "docs/guides/set-up/index.html",
      "notes/getting-started/index.html",
      "404.html",
    ]) {
      expect(existsSync(join(site.root, "public", path))).toBe(true);
    }
  });

  test("leaves drafts out", () => {
    expect(existsSync(join(site.root, "public/blog/draft/index.html"))).toBe(false);
  });

  test("titles pages from front matter or the file name", () => {
    expect(html("about/index.html").querySelector("h1")?.textContent).toContain("About Us");
    expect(html("notes/getting-started/index.html").querySelector("h1")?.textContent).toContain(
      "Getting Started",
    );
  });

  test("paginates section lists newest first", () => {
    const first = html("blog/index.html");
    const titles = [...first.querySelectorAll("main a")].map((a) => a.textContent ?? "");
    expect(titles.some((t) => t.includes("Post number 5"))).toBe(true);
    expect(titles.some((t) => t.includes("Post number 1"))).toBe(false);
    expect(existsSync(join(site.root, "public/blog/page/2/index.html"))).toBe(true);
    expect(existsSync(join(site.root, "public/blog/page/3/index.html"))).toBe(true);
  });

  test("generates tag pages with slugs", () => {
    expect(existsSync(join(site.root, "public/tags/index.html"))).toBe(true);
    const term = html("tags/release-notes/index.html");
    const text = term.body.textContent ?? "";
    expect(text).toContain("Introduction");
  });

  test("rewrites relative .md links to page URLs with the baseurl prefix and keeps fragments", () => {
    const doc = html("docs/intro/index.html");
    const hrefs = [...doc.querySelectorAll("article a, main a")].map((a) => a.getAttribute("href"));
    expect(hrefs).toContain("/sub/docs/guides/set-up/#step-one");
  });

  test("honours custom heading ids and highlights code", () => {
    const doc = html("docs/intro/index.html");
    expect(doc.getElementById("install")).not.toBeNull();
    expect(doc.getElementById("configure")).not.toBeNull();
    expect(doc.querySelector("pre.shiki")).not.toBeNull();
  });

  test("builds canonical and Open Graph URLs from the real page URL and baseurl", () => {
    const doc = html("docs/intro/index.html");
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
      "https://example.com/sub/docs/intro/",
    );
    expect(doc.querySelector('meta[property="og:url"]')?.getAttribute("content")).toBe(
      "https://example.com/sub/docs/intro/",
    );
    expect(doc.querySelector('link[rel="stylesheet"]')?.getAttribute("href")).toStartWith("/sub/assets/");
  });

  test("builds the menu from [[menu.main]]", () => {
    const nav = [...html("index.html").querySelectorAll("nav a")].map((a) => a.textContent?.trim());
    expect(nav).toContain("Blog");
    expect(nav).toContain("Docs");
  });

  test("writes alias redirects, sitemap, feed, static files and assets", () => {
    expect(readOutput(site.root, "old-about/index.html")).toContain("https://example.com/sub/about/");
    expect(readOutput(site.root, "sitemap.xml")).toContain("<loc>https://example.com/sub/docs/intro/</loc>");
    expect(readOutput(site.root, "rss.xml")).toContain("Post number 5");
    expect(existsSync(join(site.root, "public/images/logo.svg"))).toBe(true);
    const manifest = JSON.parse(readOutput(site.root, "asset-manifest.json")) as Record<string, string>;
    expect(manifest["css/custom.css"]).toMatch(/^assets\/css\/custom\.[0-9a-f]{8}\.css$/);
    expect(existsSync(join(site.root, "public", manifest["css/custom.css"]!))).toBe(true);
    expect(existsSync(join(site.root, "public", manifest["css/style.css"]!))).toBe(true);
    const links = [...html("index.html").querySelectorAll('link[rel="stylesheet"]')].map((l) =>
      l.getAttribute("href"),
    );
    expect(links).toContain(`/sub/${manifest["css/style.css"]}`);
    expect(links).toContain(`/sub/${manifest["css/custom.css"]}`);
  });

  test("a second build of the same input is byte-identical and rewrites nothing", async () => {
    const snapshot = () =>
      listFiles(join(site.root, "public")).map((f) => [
        f,
        readFileSync(join(site.root, "public", f)).toString("base64"),
      ]);
    const before = snapshot();
    const again = await build({ root: site.root });
    expect(again.written).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  test("removes outputs it no longer produces but never a file it did not write", async () => {
    writeFileSync(join(site.root, "public/user-note.txt"), "mine");
    writeFileSync(
      join(site.root, "content/about.md"),
      "---\ntitle: About Us\ndate: 2025-01-15\n---\nNo alias now.\n",
    );
    const again = await build({ root: site.root });
    expect(again.failed).toBe(false);
    expect(again.removed).toBeGreaterThan(0);
    expect(existsSync(join(site.root, "public/old-about/index.html"))).toBe(false);
    expect(existsSync(join(site.root, "public/old-about"))).toBe(false);
    expect(readFileSync(join(site.root, "public/user-note.txt"), "utf8")).toBe("mine");
  });
});

describe("building the broken fixture site", () => {
  let site: ReturnType<typeof fixtureSite>;
  let result: BuildResult;
  beforeAll(async () => {
    site = fixtureSite("broken");
    result = await build({ root: site.root });
  });
  afterAll(() => site[Symbol.dispose]());
  const codes = (file: string) => result.diagnostics.filter((d) => d.file === file).map((d) => d.code);

  test("fails with every problem reported, each with its file", () => {
    expect(result.failed).toBe(true);
    expect(codes("content/bad-yaml.md")).toContain("frontmatter.invalid-yaml");
    expect(codes("content/unknown-layout.md")).toContain("layout.not-found");
    expect(result.diagnostics.some((d) => d.code === "layout.failed" && d.message.includes("kaboom"))).toBe(
      true,
    );
    expect(codes("content/dup-a.md").concat(codes("content/dup-b.md"))).toContain("content.duplicate-url");
    expect(codes("content/latin1.md")).toContain("content.not-utf8");
    expect(codes("content/good.md")).toContain("link.no-such-page");
  });

  test("points the YAML error at the right line", () => {
    const d = result.diagnostics.find((x) => x.code === "frontmatter.invalid-yaml");
    expect(d?.range.start.line).toBeGreaterThanOrEqual(2);
  });

  test("still builds the other pages", () => {
    expect(readOutput(site.root, "good/index.html")).toContain("This page is fine");
    expect(readOutput(site.root, "unknown-layout/index.html")).toContain("Uses a layout that does not exist");
    expect(readOutput(site.root, "bad-yaml/index.html")).toContain("Body survives");
  });

  test("--strict turns warnings into errors", async () => {
    const strict = await build({ root: site.root, strict: true });
    expect(strict.diagnostics.some((d) => d.severity === "warning")).toBe(false);
  });
});
