import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openCacheDb } from "../cache/db.ts";
import { LazyMap } from "../cache/lazy-map.ts";
import { hashText, openLinkCache } from "../cache/link-cache.ts";
import { buildSiteIndex } from "../content/index-builder.ts";
import { doc, testConfig } from "../content/test-support.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { extractHtmlLinks, type HtmlFacts } from "./html-links.ts";
import { checkLinksIncrementally } from "./incremental-check.ts";
import type { HtmlCheckInput } from "./link-context.ts";
import { type LinkPrints, linkPrints } from "./link-prints.ts";

const dir = mkdtempSync(join(tmpdir(), "bengal-incremental-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { index } = buildSiteIndex(
  [doc("content/a.md", { title: "A" }, { body: "A" }), doc("content/b.md", { title: "B" }, { body: "B" })],
  testConfig(),
  { drafts: false },
);
const page = (body: string) =>
  `<!DOCTYPE html><html><body><nav><a href="/a/">A</a></nav>${body}</body></html>`;
const html = new Map(
  index.targets.map((t) => [
    t.outputPath,
    t.url === "/a/"
      ? page('<a href="/b/#part">part</a> <a href="/nowhere/">gone</a>')
      : page('<h2 id="part">Part</h2>'),
  ]),
);
const facts = new Map([...html].map(([path, text]) => [path, extractHtmlLinks(text)]));
const printsOf = (f: ReadonlyMap<string, HtmlFacts>) =>
  new Map(
    index.targets.map((t) => {
      const source = index.pages.get(t.pageId)?.sourcePath ?? null;
      return [t.outputPath, linkPrints(t.url, source, f.get(t.outputPath)!, [], hashText)] as const;
    }),
  );

function input(
  htmlFacts: ReadonlyMap<string, HtmlFacts>,
  prints: ReadonlyMap<string, LinkPrints>,
): HtmlCheckInput {
  return {
    index,
    outputs: [],
    markdown: [],
    anchors: new Map(),
    files: { exists: () => false },
    htmlFacts,
    prints,
  };
}

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code} ${d.message}`);

describe("the incremental link check, given each rendered output's prints", () => {
  const { db } = openCacheDb(join(dir, "cache.db"));
  const store = openLinkCache(db!, { path: join(dir, "cache.db"), generation: null, keep: false });
  const rendered = new Set(index.targets.map((t) => t.outputPath));
  const first = checkLinksIncrementally(input(facts, printsOf(facts)), {
    rendered,
    memory: null,
    hash: hashText,
  });
  store.save(first.changes);

  /** The same outputs rendered again, their link facts left in the cache (loaded only when read). */
  const again = (prints: ReadonlyMap<string, LinkPrints>) => {
    const reads: string[] = [];
    const lazy = new LazyMap<string, HtmlFacts>();
    for (const [path, f] of facts)
      lazy.setLazy(path, () => {
        reads.push(path);
        return f;
      });
    const due: number[] = [];
    const result = checkLinksIncrementally(input(lazy, prints), {
      rendered,
      memory: store.load(),
      hash: hashText,
      prefetch: (n) => due.push(n),
    });
    return { result, reads, due };
  };

  test("finds the first check's problems", () => {
    expect(first.rechecked).toBe(index.targets.length);
    expect(codes(first.diagnostics).some((c) => c.startsWith("link.") && c.includes("/nowhere/"))).toBe(true);
  });

  test("with the same prints, keeps every recorded check and reads no output's link facts", () => {
    const { result, reads, due } = again(printsOf(facts));
    expect(result.rechecked).toBe(0);
    expect(reads).toEqual([]);
    expect(due).toEqual([0]);
    expect(codes(result.diagnostics)).toEqual(codes(first.diagnostics));
  });

  test("an output whose links print differently is checked again, from its link facts", () => {
    const prints = printsOf(facts);
    const a = index.targets.find((t) => t.url === "/a/")!.outputPath;
    prints.set(a, { ...prints.get(a)!, fp: "moved" });
    const { result, reads, due } = again(prints);
    expect(result.rechecked).toBe(1);
    expect(due).toEqual([1]);
    expect(reads).toContain(a);
    expect(codes(result.diagnostics)).toEqual(codes(first.diagnostics));
  });
});
