import { describe, expect, test } from "bun:test";
import { Marked } from "marked";
import type { LinkRef } from "../../model/render.ts";
import { bengalSyntax } from "./extensions.ts";
import { lexMarkdown } from "./lex.ts";
import { collectLinks, LineIndex } from "./offsets.ts";

const marked = new Marked(bengalSyntax);

/** Links of a whole file whose body starts at `bodyLine`, each with the text its range covers. */
function linksOf(file: string, bodyLine = 0): Array<LinkRef & { covered: string }> {
  const lines = file.split(/\r\n|\n/);
  const body = file
    .split(/(?<=\n)/)
    .slice(bodyLine)
    .join("");
  const lexed = lexMarkdown(marked, body);
  return collectLinks(lexed.tokens, lexed.source, bodyLine).map((l) => {
    expect(l.range.start.line).toBe(l.range.end.line);
    const covered = lines[l.range.start.line]!.slice(l.range.start.character, l.range.end.character);
    return { ...l, covered };
  });
}

function summary(file: string, bodyLine = 0) {
  return linksOf(file, bodyLine).map((l) => [
    l.kind,
    l.href,
    l.range.start.line,
    l.range.start.character,
    l.covered,
  ]);
}

describe("LineIndex", () => {
  test("maps offsets to whole-file lines and characters", () => {
    const index = new LineIndex("ab\ncd\n\nef", 10);
    expect(index.position(0)).toEqual({ line: 10, character: 0 });
    expect(index.position(4)).toEqual({ line: 11, character: 1 });
    expect(index.position(7)).toEqual({ line: 13, character: 0 });
    expect(index.range(3, 2)).toEqual({ start: { line: 11, character: 0 }, end: { line: 11, character: 2 } });
  });
});

describe("collectLinks", () => {
  test("inline link and image destinations", () => {
    expect(summary('See [guide](guide.md#setup "Guide") and ![logo](img/logo.png).')).toEqual([
      ["link", "guide.md#setup", 0, 12, "guide.md#setup"],
      ["image", "img/logo.png", 0, 48, "img/logo.png"],
    ]);
  });

  test("CRLF file with front matter: whole-file coordinates", () => {
    const file = "---\r\ntitle: X\r\n---\r\n\r\nIntro line\r\nand [a](a.md) here\r\n\r\n- [b](b.md)\r\n";
    expect(summary(file, 3)).toEqual([
      ["link", "a.md", 5, 8, "a.md"],
      ["link", "b.md", 7, 6, "b.md"],
    ]);
  });

  test("CRLF inside blockquotes, lists and tables", () => {
    const file = [
      "> quote line one",
      "> then [q](q.md)",
      "",
      "1. first",
      "   - nested *em [n](n.md)*",
      "2. second [s](s.md)",
      "",
      "| h | [th](th.md) |",
      "|---|---|",
      "| **[c](c.md)** | x [d](d.md) |",
    ].join("\r\n");
    expect(summary(file)).toEqual([
      ["link", "q.md", 1, 11, "q.md"],
      ["link", "n.md", 4, 20, "n.md"],
      ["link", "s.md", 5, 14, "s.md"],
      ["link", "th.md", 7, 11, "th.md"],
      ["link", "c.md", 9, 8, "c.md"],
      ["link", "d.md", 9, 24, "d.md"],
    ]);
  });

  test("nested blockquotes and lists inside quotes", () => {
    const file = "> > deep [x](x.md)\n>\n> - item [y](y.md)\n>   lazy [z](z.md)\n";
    expect(summary(file)).toEqual([
      ["link", "x.md", 0, 13, "x.md"],
      ["link", "y.md", 2, 13, "y.md"],
      ["link", "z.md", 3, 13, "z.md"],
    ]);
  });

  test("the same destination twice gets two distinct ranges", () => {
    expect(summary("[a](x.md) [a](x.md)\n\n[a](x.md)")).toEqual([
      ["link", "x.md", 0, 4, "x.md"],
      ["link", "x.md", 0, 14, "x.md"],
      ["link", "x.md", 2, 4, "x.md"],
    ]);
  });

  test("angle-bracket destinations, parentheses in URLs and titles", () => {
    expect(summary("[a](<with space.md>) [b](wiki/Foo_(bar).md 'T') [c](  spaced.md  )")).toEqual([
      ["link", "with space.md", 0, 5, "with space.md"],
      ["link", "wiki/Foo_(bar).md", 0, 25, "wiki/Foo_(bar).md"],
      ["link", "spaced.md", 0, 54, "spaced.md"],
    ]);
  });

  test("image inside a link, brackets and code spans in link text", () => {
    expect(summary("[![alt](img.png)](page.md) and [a `]` b](code.md) and [x [y] z](br.md)")).toEqual([
      ["link", "page.md", 0, 18, "page.md"],
      ["image", "img.png", 0, 8, "img.png"],
      ["link", "code.md", 0, 41, "code.md"],
      ["link", "br.md", 0, 64, "br.md"],
    ]);
  });

  test("reference links point at their label and carry the definition's href", () => {
    const file = "Full [text][Ref], collapsed [ref][], shortcut [ref].\n\n[ref]: <target.md#frag> 'Title'\n";
    expect(summary(file)).toEqual([
      ["link", "target.md#frag", 0, 12, "Ref"],
      ["link", "target.md#frag", 0, 29, "ref"],
      ["link", "target.md#frag", 0, 47, "ref"],
      ["definition", "target.md#frag", 2, 8, "target.md#frag"],
    ]);
  });

  test("indented definitions and definitions inside quotes", () => {
    expect(summary("   [a]: a.md\n\n> [b]: b.md\n")).toEqual([
      ["definition", "a.md", 0, 8, "a.md"],
      ["definition", "b.md", 2, 7, "b.md"],
    ]);
  });

  test("autolinks and bare URLs", () => {
    expect(summary("<https://a.example/x> and https://b.example/y.")).toEqual([
      ["link", "https://a.example/x", 0, 1, "https://a.example/x"],
      ["link", "https://b.example/y", 0, 26, "https://b.example/y"],
    ]);
  });

  test("links in headings, footnotes, admonitions and alerts", () => {
    const file = [
      "## See [h](h.md) {#custom}",
      "",
      "Text[^n].",
      "",
      "[^n]: Note with [f](f.md).",
      "",
      '!!! note "Title"',
      "    Inside [a](a.md).",
      "",
      "> [!TIP]",
      "> tip [t](t.md)",
    ].join("\n");
    expect(summary(file)).toEqual([
      ["link", "h.md", 0, 11, "h.md"],
      ["link", "f.md", 4, 20, "f.md"],
      ["link", "a.md", 7, 15, "a.md"],
      ["link", "t.md", 10, 10, "t.md"],
    ]);
  });

  test("links after code blocks and html are still placed", () => {
    const file = "```md\n[not](a link.md)\n```\n\n<div>\n[raw](inside.md)\n</div>\n\nAfter [ok](ok.md)";
    expect(summary(file)).toEqual([["link", "ok.md", 8, 11, "ok.md"]]);
  });

  test("multi-line paragraphs and emphasis spanning lines", () => {
    const file = "first line *emphasis\nspans* then [x](x.md)\nand **strong [y](y.md)\nend**";
    expect(summary(file)).toEqual([
      ["link", "x.md", 1, 16, "x.md"],
      ["link", "y.md", 2, 17, "y.md"],
    ]);
  });
});

describe("collectLinks on generated documents", () => {
  const pieces = [
    "# H {#x}",
    "[a](a.md)",
    "> [!NOTE]",
    "> q [b](b.md)",
    "!!! note",
    "    body [c](c.md)",
    "[^1]",
    "[^1]: fn [d](d.md)",
    "- item [e](e.md)",
    "  - sub",
    "```js",
    "```",
    "| a | b |",
    "|---|---|",
    "| [f](f.md) | g |",
    '<div id="z">',
    "</div>",
    "",
    "",
    "text *em [g](g.md)* more",
    "[r]: r.md",
    "[ref][r]",
    "\t[t](t.md)",
    "* [ ] task [h](h.md)",
    "Setext",
    "===",
    "[x `]` y](x.md)",
  ];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };

  test("every link token is placed, and its range covers its destination or label", () => {
    for (let n = 0; n < 500; n++) {
      const lines = Array.from(
        { length: 1 + Math.floor(rand() * 20) },
        () => pieces[Math.floor(rand() * pieces.length)]!,
      );
      const body = lines.join(rand() < 0.5 ? "\r\n" : "\n");
      const lexed = lexMarkdown(marked, body);
      let expected = 0;
      marked.walkTokens(lexed.tokens, (t) => {
        if (t.type === "link" || t.type === "image" || t.type === "def") expected++;
      });
      const links = linksOf(body);
      expect(links.length).toBe(expected);
      for (const l of links) expect(l.covered === l.href || l.covered === "r").toBe(true);
    }
  });
});
