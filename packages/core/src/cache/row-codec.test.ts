import { expect, test } from "bun:test";
import type { HtmlFacts } from "../links/html-links.ts";
import type { PageFacts } from "../render/page-render.ts";
import {
  decodeDiagnostics,
  decodeFacts,
  decodeHtmlFacts,
  encodeDiagnostics,
  encodeFacts,
  encodeHtmlFacts,
} from "./row-codec.ts";

const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };

test("link facts keep their set of ids and their ranges", () => {
  const facts: HtmlFacts = {
    links: [{ tag: "a", attr: "href", href: "/x/#y", rel: "" }],
    ids: new Set(["intro", "setup"]),
    ranges: { "/x/#y": range },
  };
  const back = decodeHtmlFacts(encodeHtmlFacts(facts));
  expect(back.ids).toBeInstanceOf(Set);
  expect([...back.ids]).toEqual(["intro", "setup"]);
  expect(back.links).toEqual(facts.links);
  expect(back.ranges).toEqual(facts.ranges);
});

test("no diagnostics is an empty column; some survive whole", () => {
  expect(encodeDiagnostics([])).toBe("");
  expect(decodeDiagnostics("")).toEqual([]);
  const d = [
    { code: "link.broken", severity: "error" as const, message: "m", hint: "h", file: "a.md", range },
  ];
  expect(decodeDiagnostics(encodeDiagnostics(d))).toEqual(d);
});

test("page facts leave the body HTML and dependencies to their own columns", () => {
  const facts: PageFacts = {
    rendered: {
      html: "<p>big body</p>",
      headings: [{ level: 2, text: "Setup", id: "setup" }],
      toc: [{ level: 2, text: "Setup", id: "setup", children: [] }],
      summaryHtml: "<p>big</p>",
      wordCount: 2,
      readingTime: 1,
      anchors: ["setup"],
    },
    links: [{ kind: "link", href: "../b.md", range }],
    diagnostics: [],
    deps: { "body:a.md": "1" },
  };
  const text = encodeFacts(facts);
  expect(text).not.toContain("big body");
  expect(text).not.toContain("body:a.md");
  const back = decodeFacts(text, { "body:a.md": "2" });
  expect(back.deps).toEqual({ "body:a.md": "2" });
  expect(back.rendered.headings).toEqual(facts.rendered.headings);
  expect(back.rendered.toc).toEqual(facts.rendered.toc);
  expect(back.links).toEqual(facts.links);
  expect("html" in back.rendered).toBe(false);
});
