import { describe, expect, test } from "bun:test";
import { Window } from "happy-dom";
import { analyzeMarkdown } from "./analyze.ts";
import { createMarkdownRenderer } from "./renderer.ts";

const doc = [
  "# Guide {#top}",
  "",
  "## Install",
  "## Install",
  "### Über `code` & more!",
  "",
  'Text[^a] with <span id="inline-id">x</span> and [ref link][r].',
  "",
  '<a name="old-anchor"></a>',
  "",
  '<div id="box" data-id="not-this"><!-- <p id="commented"> --></div>',
  "",
  "[r]: other.md#part",
  "",
  "[^a]: Footnote.",
  "[^unused]: Never referenced.",
].join("\n");

describe("analyzeMarkdown", () => {
  const a = analyzeMarkdown("content/guide.md", doc, 0);

  test("heading ids: custom, duplicates, slugged text", () => {
    expect(a.headings).toEqual([
      { level: 1, text: "Guide", id: "top" },
      { level: 2, text: "Install", id: "install" },
      { level: 2, text: "Install", id: "install-1" },
      { level: 3, text: "Über code & more!", id: "über-code--more" },
    ]);
  });

  test("anchors include raw HTML ids, <a name>, and footnote ids of referenced notes", () => {
    expect(a.anchors).toEqual([
      "top",
      "install",
      "install-1",
      "über-code--more",
      "inline-id",
      "old-anchor",
      "box",
      "fn-a",
      "fnref-a",
    ]);
  });

  test("reference links resolve to their definition; definitions are listed", () => {
    expect(a.links.map((l) => [l.kind, l.href, l.range.start.line])).toEqual([
      ["link", "other.md#part", 6],
      ["definition", "other.md#part", 12],
    ]);
  });

  test("ids, headings and links match the renderer's exactly", async () => {
    const renderer = createMarkdownRenderer({
      highlighter: null,
      readingSpeed: 200,
      tocMinLevel: 2,
      tocMaxLevel: 3,
    });
    const r = await renderer.render({
      path: "content/guide.md",
      body: doc,
      bodyLine: 0,
      resolveLink: () => null,
    });
    expect(r.result.headings).toEqual(a.headings);
    expect(r.result.anchors).toEqual(a.anchors);
    expect(r.links).toEqual(a.links);
    const dom = new Window();
    dom.document.body.innerHTML = r.result.html;
    const inHtml = [...dom.document.querySelectorAll("[id], a[name]")].map(
      (e) => e.id || e.getAttribute("name"),
    );
    expect(new Set(inHtml)).toEqual(new Set(a.anchors));
  });

  test("a custom id claims its slug before generated ones", () => {
    const b = analyzeMarkdown("x.md", "## Setup\n\n## Other {#setup}\n", 0);
    expect(b.headings.map((h) => h.id)).toEqual(["setup-1", "setup"]);
  });
});

describe("heading ranges", () => {
  test("the line and the text alone, for ATX, setext, custom ids and CRLF", () => {
    const body = "intro\r\n\r\n## Install it ##\r\n\r\nSetup\r\n=====\r\n\r\n> ### Quoted {#q}\r\n";
    const a = analyzeMarkdown("content/x.md", body, 3);
    const at = (line: number, start: number, end: number) => ({
      start: { line, character: start },
      end: { line, character: end },
    });
    expect(a.headings.map((h) => h.id)).toEqual(["install-it", "setup", "q"]);
    expect(a.headingRanges).toEqual([
      { range: at(5, 0, 16), textRange: at(5, 3, 13) },
      { range: at(7, 0, 5), textRange: at(7, 0, 5) },
      { range: at(10, 2, 17), textRange: at(10, 6, 12) },
    ]);
  });
});
