import { expect, test } from "bun:test";
import { decodeResults, encodeResults } from "./result-codec.ts";
import type { PooledResult } from "./worker-output.ts";

const range = { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } };

test("a worker's results come back whole, ids as a set, failed layouts as null", () => {
  const results: PooledResult[] = [
    {
      pageId: "content/a.md",
      facts: {
        rendered: {
          html: "",
          headings: [{ level: 2, text: "A", id: "a" }],
          toc: [],
          summaryHtml: "<p>a</p>",
          wordCount: 1,
          readingTime: 1,
          anchors: ["a"],
        },
        links: [{ kind: "link", href: "b.md", range }],
        diagnostics: [],
        deps: { "body:content/a.md": "x:3" },
      },
      targets: [
        {
          outputPath: "a/index.html",
          html: "",
          htmlFacts: {
            links: [{ tag: "a", attr: "href", href: "/b/", rel: "" }],
            ids: new Set(["a", "top"]),
          },
          deps: { "layout:page": "1" },
          diagnostics: [],
        },
        { outputPath: "a/broken.html", html: null, htmlFacts: null, deps: {}, diagnostics: [] },
      ],
      written: [{ path: "a/index.html", hash: "00ff", changed: true }],
      stored: true,
    },
  ];
  const back = decodeResults(encodeResults(results));
  expect(back).toEqual(results);
  expect(back[0]!.targets[0]!.htmlFacts!.ids).toBeInstanceOf(Set);
  expect(back[0]!.targets[0]!.htmlFacts!.ids.has("top")).toBe(true);
  expect(back[0]!.targets[1]!.htmlFacts).toBeNull();
});
