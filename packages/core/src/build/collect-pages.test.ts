import { describe, expect, test } from "bun:test";
import type { PageFacts, PageGroupResult } from "../render/page-render.ts";
import { collectPages } from "./collect-pages.ts";

/** Cached facts that fail if anything but their (empty) diagnostics is read. */
function untouchable(): PageFacts {
  const boom = (): never => {
    throw new Error("decoded");
  };
  return {
    get rendered() {
      return boom();
    },
    get links() {
      return boom();
    },
    diagnostics: [],
    get deps() {
      return boom();
    },
  };
}

const reused = (pageId: string): PageGroupResult => ({
  pageId,
  facts: untouchable(),
  targets: [{ outputPath: `${pageId}/index.html`, html: null, htmlFacts: null, deps: {}, diagnostics: [] }],
});

describe("collectPages", () => {
  test("a reused page's cached facts are read only when a feed or a link check asks for them", () => {
    const pages = collectPages([], [reused("content/a.md"), reused("content/b.md")], (id) => id);
    expect([...pages.rendered.keys()]).toEqual(["content/a.md", "content/b.md"]);
    expect(pages.anchors.has("content/b.md")).toBe(true);
    expect(pages.links.map((l) => l.sourcePath)).toEqual(["content/a.md", "content/b.md"]);
    expect(pages.kept).toEqual(new Set(["content/a.md/index.html", "content/b.md/index.html"]));
    expect(() => pages.rendered.get("content/a.md")).toThrow("decoded");
    expect(() => pages.links[1]!.links).toThrow("decoded");
  });
});
