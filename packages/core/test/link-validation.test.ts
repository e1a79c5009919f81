import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { build } from "../src/build/build.ts";
import { siteFileSet } from "../src/build/file-set.ts";
import { loadConfig } from "../src/config/load-config.ts";
import { buildSiteIndex } from "../src/content/index-builder.ts";
import { discoverSite } from "../src/discover/discover-site.ts";
import { createBunHost } from "../src/host/bun-host.ts";
import { checkLinks } from "../src/links/check.ts";
import { rewriteHref } from "../src/links/resolve.ts";
import type { Diagnostic } from "../src/model/diagnostic.ts";
import type { BuildResult } from "../src/model/output.ts";
import type { ParsedDocument } from "../src/model/page.ts";
import type { LinkRef } from "../src/model/render.ts";
import { parseDocument } from "../src/parse/parse-document.ts";
import { createMarkdownRenderer } from "../src/render/markdown/renderer.ts";
import { fixtureSite } from "./helpers.ts";

/** `code file:line:col`, 1-based like the CLI prints them. */
const place = (d: Diagnostic) =>
  `${d.code} ${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;

/** The broken links planted in markdown (test/fixtures/links): both checkers must find these. */
const IN_MARKDOWN = [
  "link.no-such-page content/docs/guide.md:17:24", // [missing page](/docs/nope/)
  "link.no-such-anchor content/docs/guide.md:17:54", // other.md#nowhere
  "link.no-such-anchor content/docs/guide.md:19:24", // #nope-here
  "link.no-such-file content/docs/guide.md:19:54", // ![missing image](missing.png)
  "link.draft-page content/docs/guide.md:19:79", // [draft](draft.md)
  "link.no-such-anchor content/docs/other.md:9:59", // guide.md#setpu
];
/** Only the final HTML shows these: raw HTML in markdown, and a layout's links. */
const IN_HTML_ONLY = [
  "link.no-such-page content/docs/guide.md:21:20", // raw <a href="/site/raw/missing/">
  "link.no-such-page content/docs/special.md:1:1", // the special layout's /site/missing-from-layout/
  "link.no-such-anchor content/docs/special.md:1:1", // the special layout's #layout-nope
];

/** What the language server computes: markdown links only, checked against the index. */
async function markdownCheck(root: string): Promise<Diagnostic[]> {
  const host = createBunHost();
  const { config } = await loadConfig(host, root);
  const { files } = await discoverSite(host, root, config);
  const docs: ParsedDocument[] = [];
  for (const path of files.content) docs.push(parseDocument(path, await host.readText(join(root, path))).doc);
  const { index } = buildSiteIndex(docs, config, { drafts: false });
  const exists = siteFileSet(files);
  const md = createMarkdownRenderer({ highlighter: null, readingSpeed: 200, tocMinLevel: 2, tocMaxLevel: 4 });
  const pages: Array<{ sourcePath: string; links: LinkRef[] }> = [];
  const anchors = new Map<string, ReadonlySet<string>>();
  for (const page of index.pages.values()) {
    if (!page.sourcePath) continue;
    const from = page.sourcePath;
    const out = await md.render({
      path: from,
      body: page.body,
      bodyLine: page.bodyLine,
      resolveLink: (href) => rewriteHref(index, from, href, exists),
    });
    pages.push({ sourcePath: from, links: out.links });
    anchors.set(page.id, new Set(out.result.anchors));
  }
  return checkLinks({ index, pages, anchors, files: exists });
}

describe("link validation over the final HTML", () => {
  let site: ReturnType<typeof fixtureSite>;
  let result: BuildResult;
  beforeAll(async () => {
    site = fixtureSite("links");
    result = await build({ root: site.root });
  });
  afterAll(() => site[Symbol.dispose]());

  test("finds exactly the planted broken links and anchors, each once, and nothing else", () => {
    const links = result.diagnostics.filter((d) => d.code.startsWith("link."));
    expect(links.map(place).sort()).toEqual([...IN_MARKDOWN, ...IN_HTML_ONLY].sort());
  });

  test("names the page a layout link is on", () => {
    const layout = result.diagnostics.find((d) => d.message.includes("missing-from-layout"));
    expect(layout?.message).toContain("in the layout on /docs/special/");
  });

  test("the markdown-level checker of the language server agrees on every markdown link", async () => {
    const md = await markdownCheck(site.root);
    expect(md.map(place).sort()).toEqual([...IN_MARKDOWN].sort());
    const built = new Map(result.diagnostics.map((d) => [place(d), d]));
    for (const d of md) expect(built.get(place(d))?.message).toBe(d.message);
  });
});
