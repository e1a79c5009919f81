import { describe, expect, test } from "bun:test";
import { Window } from "happy-dom";
import { createHighlighter } from "../highlight/highlighter.ts";
import type { Highlighter } from "../highlight/types.ts";
import { createMarkdownRenderer, type MarkdownRendererOptions } from "./renderer.ts";

const base: MarkdownRendererOptions = {
  highlighter: null,
  readingSpeed: 200,
  tocMinLevel: 2,
  tocMaxLevel: 4,
};

function render(
  body: string,
  options: Partial<MarkdownRendererOptions> = {},
  resolveLink = (_: string): string | null => null,
) {
  const renderer = createMarkdownRenderer({ ...base, ...options });
  return renderer.render({ path: "content/page.md", body, bodyLine: 2, resolveLink });
}

/** The theme's highlighting: github-light and github-dark. */
function shikiHighlighter(): Promise<Highlighter> {
  return createHighlighter({
    light: "github-light",
    dark: "github-dark",
    enabled: true,
    line_numbers: false,
  });
}

function dom(html: string) {
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document;
}

describe("headings", () => {
  test("GitHub slugs, unique per page, custom ids stripped from the text, hover anchor", async () => {
    const { result } = await render("## Hello World\n\n## Hello World\n\n### Setup & Run {#run}\n");
    const doc = dom(result.html);
    const hs = [...doc.querySelectorAll("h2, h3")];
    expect(hs.map((h) => h.id)).toEqual(["hello-world", "hello-world-1", "run"]);
    expect(hs[2]!.textContent).toBe("Setup & Run#");
    expect(hs[2]!.querySelector("a.heading-anchor")!.getAttribute("href")).toBe("#run");
    expect(result.headings.map((h) => h.text)).toEqual(["Hello World", "Hello World", "Setup & Run"]);
    expect(result.anchors).toEqual(["hello-world", "hello-world-1", "run"]);
  });

  test("ids are unique per page, not per renderer", async () => {
    const renderer = createMarkdownRenderer(base);
    const input = { path: "a.md", body: "## Intro\n", bodyLine: 0, resolveLink: () => null };
    expect((await renderer.render(input)).result.anchors).toEqual(["intro"]);
    expect((await renderer.render(input)).result.anchors).toEqual(["intro"]);
  });
});

describe("table of contents", () => {
  test("nests headings within the configured levels", async () => {
    const { result } = await render("# Title\n## A\n### A1\n#### A1a\n##### deep\n### A2\n## B\n");
    const shape = (entries: typeof result.toc): unknown =>
      entries.map((e) => (e.children.length ? [e.id, shape(e.children)] : e.id));
    expect(shape(result.toc)).toEqual([["a", [["a1", ["a1a"]], "a2"]], "b"]);
  });

  test("a deeper heading first still appears, at the top", async () => {
    const { result } = await render("### Early\n## Later\n", { tocMaxLevel: 3 });
    expect(result.toc.map((e) => e.id)).toEqual(["early", "later"]);
  });
});

describe("footnotes", () => {
  test("references, definitions and back links", async () => {
    const { result } = await render(
      "One[^a] two[^b] again[^a].\n\n[^b]: Bee.\n[^a]: Ay *em*.\n[^c]: unused\n\nNot a note [^zz].\n",
    );
    const doc = dom(result.html);
    const refs = [...doc.querySelectorAll("sup.footnote-ref a")];
    expect(refs.map((a) => [a.textContent, a.getAttribute("href"), a.id])).toEqual([
      ["1", "#fn-a", "fnref-a"],
      ["2", "#fn-b", "fnref-b"],
      ["1", "#fn-a", "fnref-a-2"],
    ]);
    const items = [...doc.querySelectorAll("section.footnotes li")];
    expect(items.map((li) => li.id)).toEqual(["fn-a", "fn-b"]);
    expect(items[0]!.querySelector("em")!.textContent).toBe("em");
    expect([...items[0]!.querySelectorAll("a.footnote-backref")].map((a) => a.getAttribute("href"))).toEqual([
      "#fnref-a",
      "#fnref-a-2",
    ]);
    expect(result.html).toContain("[^zz]");
    expect(result.html).not.toContain("unused");
    expect(result.anchors).toEqual(["fn-a", "fnref-a", "fnref-a-2", "fn-b", "fnref-b"]);
  });

  test("multi-paragraph footnotes keep their indented continuation", async () => {
    const { result } = await render(
      "X[^1]\n\n[^1]: First para\n    lazy? no, indented.\n\n    Second para.\n\nAfter.\n",
    );
    const li = dom(result.html).querySelector("#fn-1")!;
    expect(li.querySelectorAll("p").length).toBe(2);
    expect(dom(result.html).querySelector("body > p:last-of-type")!.textContent).toBe("After.");
  });
});

describe("admonitions", () => {
  test("GitHub alerts", async () => {
    const doc = dom((await render("> [!WARNING]\n> Mind the **gap**.\n\n> plain quote\n")).result.html);
    const div = doc.querySelector("div.admonition.warning")!;
    expect(div.querySelector(".admonition-title")!.textContent).toBe("Warning");
    expect(div.querySelector("strong")!.textContent).toBe("gap");
    expect(doc.querySelector("blockquote")!.textContent!.trim()).toBe("plain quote");
  });

  test("!!! blocks with title, default title and no title", async () => {
    const body =
      '!!! tip "Pro tip"\n    Use *this*.\n\n    - a list\n\n!!! note\n    Plain.\n\n!!! danger ""\n    Untitled.\n\nOutside.\n';
    const doc = dom((await render(body)).result.html);
    const divs = [...doc.querySelectorAll("div.admonition")];
    expect(divs.map((d) => d.className)).toEqual(["admonition tip", "admonition note", "admonition danger"]);
    expect(divs.map((d) => d.querySelector(".admonition-title")?.textContent ?? null)).toEqual([
      "Pro tip",
      "Note",
      null,
    ]);
    expect(divs[0]!.querySelector("li")!.textContent).toBe("a list");
    expect(doc.querySelector("body > p")!.textContent).toBe("Outside.");
  });
});

describe("summary, words and reading time", () => {
  test("content before <!--more-->", async () => {
    const { result } = await render("First.\n\nSecond.\n\n<!--more-->\n\nThird.\n");
    expect(result.summaryHtml).toBe("<p>First.</p>\n<p>Second.</p>");
    expect(result.html).not.toContain("more");
    expect(result.html).toContain("<p>Third.</p>");
  });

  test("first paragraph without the marker", async () => {
    const { result } = await render("## Heading\n\nThe *first* one.\n\nThe second one.\n");
    expect(result.summaryHtml).toBe("<p>The <em>first</em> one.</p>");
  });

  test("words count prose, not code or markup", async () => {
    const body =
      '## Two words\n\nThree **bold** words [link text](x.md).\n\n```js\nconst not = counted;\n```\n\n<div class="x">raw</div>\n\n- one\n- two\n';
    const { result } = await render(body);
    expect(result.wordCount).toBe(2 + 5 + 2);
    expect(result.readingTime).toBe(1);
    expect((await render("word ".repeat(450), { readingSpeed: 200 })).result.readingTime).toBe(3);
  });
});

describe("links and images", () => {
  const resolve = (href: string) => {
    if (href.startsWith("other.md")) return `/docs/other/${href.slice("other.md".length)}`;
    if (href === "pic.png") return "/docs/page/pic.png";
    return null;
  };

  test("relative links are rewritten keeping the fragment; external and unresolved stay", async () => {
    const body =
      "[a](other.md#setup) [b](https://example.com/x.md) [c](missing.md) [d](#local) ![p](pic.png) [r][ref]\n\n[ref]: other.md";
    const doc = dom((await render(body, {}, resolve)).result.html);
    expect([...doc.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "/docs/other/#setup",
      "https://example.com/x.md",
      "missing.md",
      "#local",
      "/docs/other/",
    ]);
    expect(doc.querySelector("img")!.getAttribute("src")).toBe("/docs/page/pic.png");
  });

  test("links come back with source ranges in the whole file", async () => {
    const { links } = await render("\n[a](other.md#setup)\n", {}, resolve);
    expect(links).toEqual([
      {
        kind: "link",
        href: "other.md#setup",
        range: { start: { line: 3, character: 4 }, end: { line: 3, character: 18 } },
      },
    ]);
  });
});

describe("prepare and finish", () => {
  test("prepare lexes and highlights without resolving a link; finish resolves them", async () => {
    const renderer = createMarkdownRenderer(base);
    const asked: string[] = [];
    const input = {
      path: "content/page.md",
      body: "See [b](b.md).\n\n```\nx\n```\n",
      bodyLine: 0,
      resolveLink: (href: string) => {
        asked.push(href);
        return "/b/";
      },
    };
    const prepared = await renderer.prepare(input);
    expect(asked).toEqual([]);
    expect(prepared.links.map((l) => l.href)).toEqual(["b.md"]);
    const out = renderer.finish(prepared);
    expect(asked).toEqual(["b.md"]);
    expect(out.result.html).toContain('<a href="/b/">b</a>');
  });
});

describe("GFM and raw HTML", () => {
  test("tables, task lists, strikethrough, autolinks, raw HTML", async () => {
    const body =
      '| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo ~~old~~ www.example.com\n\n<aside id="note">raw <b>html</b></aside>\n';
    const { result } = await render(body);
    const doc = dom(result.html);
    expect(doc.querySelectorAll("table td").length).toBe(2);
    expect([...doc.querySelectorAll("input[type=checkbox]")].map((i) => i.hasAttribute("checked"))).toEqual([
      true,
      false,
    ]);
    expect(doc.querySelector("del")!.textContent).toBe("old");
    expect(doc.querySelector("li a")!.getAttribute("href")).toBe("http://www.example.com");
    expect(doc.querySelector("aside#note b")!.textContent).toBe("html");
    expect(result.anchors).toEqual(["note"]);
  });
});

describe("code blocks", () => {
  test("without a highlighter: escaped <pre><code class=language-x>", async () => {
    const { result, diagnostics } = await render("```rust\nfn main() { a < b }\n```\n");
    expect(result.html).toBe('<pre><code class="language-rust">fn main() { a &lt; b }</code></pre>\n');
    expect(diagnostics).toEqual([]);
  });

  test("an unknown language warns with the fence's line and renders plain text", async () => {
    const seen: string[] = [];
    const fake: Highlighter = {
      async highlight(code, lang) {
        seen.push(lang);
        const known = lang !== "nosuchlang";
        return { html: `<pre data-lang="${lang}">${code}</pre>`, known };
      },
      started: true,
      dispose: () => {},
    };
    const body =
      "Intro\r\n\r\n- item\r\n\r\n  ```nosuchlang {.x}\r\n  code\r\n  ```\r\n\r\n```\r\nplain\r\n```\r\n";
    const { diagnostics } = await render(body, { highlighter: fake });
    expect(seen).toEqual(["nosuchlang", "text"]);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.code).toBe("markdown.unknown-language");
    expect(d.severity).toBe("warning");
    expect(d.file).toBe("content/page.md");
    expect(d.message).toContain("nosuchlang");
    expect(d.message).toContain("content/page.md");
    expect(d.range.start).toEqual({ line: 6, character: 2 });
  });

  test("with the shiki highlighter", async () => {
    const highlighter = await shikiHighlighter();
    const { result, diagnostics } = await render("```ts\nconst x = 1;\n```\n\n```klingon\nqapla'\n```\n", {
      highlighter,
    });
    expect(result.html).toContain("--shiki-light:#D73A49;--shiki-dark:#F97583");
    expect(result.html).toContain("qapla&#39;");
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["markdown.unknown-language", 6]]);
  });

  test("says where each highlighted block sits in the HTML, nested ones and repeats included", async () => {
    const highlighter = await shikiHighlighter();
    const block = "```ts\nconst x = 1;\n```";
    const body = `Intro.\n\n${block}\n\n- item\n\n  ${block.replace(/\n/g, "\n  ")}\n\n${block}\n`;
    const { result } = await render(body, { highlighter });
    const ranges = result.codeBlocks!;
    expect(ranges).toHaveLength(6);
    for (let i = 0; i < ranges.length; i += 2) {
      const html = result.html.slice(ranges[i], ranges[i + 1]);
      expect(html.startsWith('<pre class="shiki')).toBe(true);
      expect(html.endsWith("</code></pre>")).toBe(true);
      expect(html).toContain("const");
      if (i > 0) expect(ranges[i]!).toBeGreaterThan(ranges[i - 1]!);
    }
    expect((await render("No code here.\n", { highlighter })).result.codeBlocks).toBeUndefined();
  });
});
