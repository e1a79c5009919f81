import { describe, expect, test } from "bun:test";
import { buildSiteIndex } from "../content/index-builder.ts";
import { doc, testConfig } from "../content/test-support.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { OutputFile } from "../model/output.ts";
import type { LinkRef } from "../model/render.ts";
import { createMarkdownRenderer } from "../render/markdown/renderer.ts";
import { checkLinks } from "./check.ts";
import { checkHtmlLinks } from "./html-check.ts";
import { rewriteHref } from "./resolve.ts";

// Lines are 0-based file lines: front matter `title` + `---` lines put the body at line 3.
const INTRO = [
  "Intro text with a [good link](setup.md#steps) and a [bad anchor](setup.md#nope).", // 3
  "", // 4
  "A [missing page](/docs/gone/) and a picture: ![shot](missing.png)", // 5
  "", // 6
  "Prefixed [ok](/site/docs/setup/), unprefixed [ok](/docs/setup/), alias [ok](/site/old-setup/).", // 7
  "", // 8
  'Raw <a href="/site/raw-gone/">html</a> and [ref][def] and [no slash](/site/docs/setup).', // 9
  "", // 10
  "[def]: /docs/also-gone/", // 11
  "[unused]: /docs/unused-gone/", // 12
  "", // 13
  "Out: [ext](https://example.org/x) and a [footnote-free anchor](#install).", // 14
  "", // 15
  "## Install", // 16
].join("\n");

const SETUP = ["## Steps", "", "Back to [intro](intro.md#instal) and [top](#steps)."].join("\n");

async function buildSite() {
  const config = testConfig({ site: { baseurl: "/site" } });
  const docs = [
    doc("content/docs/intro.md", { title: "Intro" }, { body: INTRO }),
    doc("content/docs/setup.md", { title: "Setup", aliases: ["/old-setup/"] }, { body: SETUP }),
  ];
  const { index } = buildSiteIndex(docs, config, { drafts: false });
  const files = { exists: (p: string) => p === "static/logo.png" };
  const md = createMarkdownRenderer({ highlighter: null, readingSpeed: 200, tocMinLevel: 2, tocMaxLevel: 4 });
  const markdown: Array<{ sourcePath: string; links: LinkRef[] }> = [];
  const anchors = new Map<string, ReadonlySet<string>>();
  const body = new Map<string, string>();
  for (const page of index.pages.values()) {
    if (!page.sourcePath) continue;
    const from = page.sourcePath;
    const out = await md.render({
      path: from,
      body: page.body,
      bodyLine: page.bodyLine,
      resolveLink: (href) => rewriteHref(index, from, href, files),
    });
    markdown.push({ sourcePath: from, links: out.links });
    anchors.set(page.id, new Set(out.result.anchors));
    body.set(page.id, out.result.html);
  }
  // A layout with a broken nav link on every page and a skip link to an id it defines.
  const layout = (content: string) =>
    `<!DOCTYPE html><html><head><link rel="stylesheet" href="/site/logo.png"><link rel="preconnect" href="https://fonts.example.net"></head><body><a href="#main">skip</a><nav><a href="/site/">Home</a><a href="/site/docs/nav-gone/">Broken nav</a></nav><main id="main">${content}</main></body></html>`;
  const outputs: OutputFile[] = [{ path: "logo.png", content: new Uint8Array([1]) }];
  for (const t of index.targets)
    outputs.push({ path: t.outputPath, content: layout(body.get(t.pageId) ?? "") });
  for (const a of index.aliases) outputs.push({ path: a.outputPath, content: "<p>redirect</p>" });
  return { index, outputs, markdown, anchors, files, body, layout };
}

const summary = (ds: readonly Diagnostic[]) =>
  ds.map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.character}`).sort();

const site = await buildSite();

describe("checkHtmlLinks", () => {
  const result = checkHtmlLinks({ ...site, collectExternal: true });

  // What the markdown checker finds too (it sees markdown, not raw HTML or layouts).
  const markdownFindings = [
    "link.no-such-anchor content/docs/intro.md:3:65", // setup.md#nope
    "link.no-such-anchor content/docs/setup.md:6:16", // intro.md#instal
    "link.no-such-file content/docs/intro.md:5:53", // ![shot](missing.png)
    "link.no-such-page content/docs/intro.md:11:7", // [def]: /docs/also-gone/
    "link.no-such-page content/docs/intro.md:12:10", // [unused]: never rendered, still checked
    "link.no-such-page content/docs/intro.md:5:17", // /docs/gone/
    "link.no-such-page content/docs/intro.md:9:49", // [ref][def], at the reference
  ];

  test("reports exactly the planted broken links, each once, at its source position", () => {
    expect(summary(result.diagnostics)).toEqual(
      [
        ...markdownFindings,
        "link.no-such-page content/docs/intro.md:9:13", // raw <a href> in the markdown body
        "link.no-such-page public/404.html:0:204", // the layout's nav link, at its place in the first page's HTML
      ].sort(),
    );
  });

  test("a layout link is reported once, naming how many pages it is on", () => {
    const nav = result.diagnostics.filter((d) => d.message.includes("nav-gone"));
    expect(nav).toHaveLength(1);
    expect(nav[0]!.message).toContain(`in the layout on ${site.index.targets.length} pages`);
  });

  test("agrees with the markdown-level checker on the markdown links", () => {
    const md = checkLinks({
      index: site.index,
      pages: site.markdown,
      anchors: site.anchors,
      files: site.files,
    });
    expect(summary(md)).toEqual([...markdownFindings].sort());
    const byPlace = new Map(
      result.diagnostics.map((d) => [`${d.file}:${d.range.start.line}:${d.range.start.character}`, d]),
    );
    for (const d of md)
      expect(byPlace.get(`${d.file}:${d.range.start.line}:${d.range.start.character}`)).toEqual(d);
  });

  test("another page's links shown on a list page (summaries) are not reported again", () => {
    const intro = site.body.get("content/docs/intro.md")!;
    const outputs = site.outputs.map((o) =>
      o.path === "docs/index.html" ? { ...o, content: site.layout(intro) } : o,
    );
    expect(summary(checkHtmlLinks({ ...site, outputs }).diagnostics)).toEqual(summary(result.diagnostics));
  });

  test("an output kept from the previous build counts as present; its fragments go unchecked", () => {
    const outputs = site.outputs.filter((o) => o.path !== "docs/setup/index.html");
    const kept = checkHtmlLinks({ ...site, outputs, kept: new Set(["docs/setup/index.html"]) });
    expect(summary(kept.diagnostics)).not.toContain("link.no-such-anchor content/docs/intro.md:3:65");
    const gone = checkHtmlLinks({ ...site, outputs });
    // `/site/docs/setup/` and `/docs/setup/` (written with the prefix by the renderer) on line 7.
    expect(summary(gone.diagnostics).filter((l) => l.includes("content/docs/intro.md:7:"))).toEqual([
      "link.no-such-page content/docs/intro.md:7:14",
      "link.no-such-page content/docs/intro.md:7:50",
    ]);
  });

  test("collects no external URLs unless asked (only --check-external needs them)", () => {
    expect(checkHtmlLinks(site).external.size).toBe(0);
  });

  test("collects external URLs with their source positions, skipping resource hints", () => {
    expect([...result.external.keys()]).toEqual(["https://example.org/x"]);
    expect(
      result.external.get("https://example.org/x")!.map((u) => `${u.file}:${u.range.start.line}`),
    ).toEqual(["content/docs/intro.md:14"]);
  });
});
