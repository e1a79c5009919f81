import { describe, expect, test } from "bun:test";
import { decodeEntities } from "./entities.ts";
import { extractHtmlLinks, srcsetUrls } from "./html-links.ts";

describe("extractHtmlLinks", () => {
  const html = `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/assets/style.css?v=1&amp;x=2">
<link rel="preconnect" href="https://fonts.example.com">
<script src="/assets/app.js"></script>
</head><body id="top">
<a href="/docs/#intro&amp;more" id="caf&eacute;">docs</a>
<a name="legacy"></a><a>no href</a>
<img src="/img/a.png" srcset="/img/a.png 1x, /img/a@2x.png 2x" alt="">
<picture><source srcset="/img/b.webp 480w, /img/b-big.webp 960w"><img src="b.png"></picture>
<h2 id="intro&amp;more">Intro</h2>
<pre><code>&lt;a href="/not-a-link/"&gt;</code></pre>
<!-- <a href="/commented/"> -->
</body></html>`;
  const facts = extractHtmlLinks(html);

  test("finds every link kind, with character references decoded", () => {
    expect(facts.links.map((l) => `${l.tag}[${l.attr}] ${l.href}`)).toEqual([
      "link[href] /assets/style.css?v=1&x=2",
      "link[href] https://fonts.example.com",
      "script[src] /assets/app.js",
      "a[href] /docs/#intro&more",
      "img[src] /img/a.png",
      "img[srcset] /img/a.png",
      "img[srcset] /img/a@2x.png",
      "source[srcset] /img/b.webp",
      "source[srcset] /img/b-big.webp",
      "img[src] b.png",
    ]);
    expect(facts.links[1]!.rel).toBe("preconnect");
  });

  test("collects ids and anchor names, not text that only looks like markup", () => {
    expect([...facts.ids].sort()).toEqual(["caf&eacute;", "intro&more", "legacy", "top"]);
  });

  test("facts left as slices of the HTML (a worker's, encoded at once) are the same facts", () => {
    const slices = extractHtmlLinks(html, { detach: false });
    expect(slices.links).toEqual(facts.links);
    expect([...slices.ids]).toEqual([...facts.ids]);
  });
});

describe("extractHtmlLinks with highlighted code blocks", () => {
  const block =
    '<pre class="shiki shiki-themes a b" style="--x:1" tabindex="0"><code><span class="line">' +
    '<span style="color:red">&lt;a href="/in-code/"&gt;</span></span>\n<span class="line"></span></code></pre>';
  const page = (inner: string) =>
    `<html><body><a href="/before/" id="b">x</a>${inner}<h2 id="after">A</h2><a href="/after/">y</a></body></html>`;
  const rangesOf = (html: string) => {
    const out: number[] = [];
    for (let at = html.indexOf(block); at >= 0; at = html.indexOf(block, at + block.length))
      out.push(at, at + block.length);
    return out;
  };

  test.each([
    ["in the body", page(block)],
    ["twice, in a list", page(`<ul><li>${block}</li><li>${block}</li></ul>`)],
    [
      "inside SVG content, where <pre> breaks out",
      page(`<svg><g>${block}<a href="/svg-after/">z</a></g></svg>`),
    ],
    ["after a <math> integration point", page(`<math><mi>${block}</mi><mo>x</mo></math>`)],
    ["inside a comment and a textarea", page(`<!-- ${block} --><textarea>${block}</textarea>`)],
  ])("passing over them finds what a full scan finds (%s)", (_, html) => {
    const ranges = rangesOf(html);
    expect(ranges.length).toBeGreaterThan(0);
    const full = extractHtmlLinks(html);
    const skipped = extractHtmlLinks(html, { codeBlocks: ranges });
    expect(skipped.links).toEqual(full.links);
    expect([...skipped.ids]).toEqual([...full.ids]);
  });

  test("the inside of a block is not read, its <pre> and what follows are", () => {
    // Not something a block holds: it shows that the scan jumps to the block's </pre>.
    const inner = '<pre id="p"><code><a href="/hidden/" id="hidden">h</a></code></pre>';
    const html = page(inner);
    const at = html.indexOf(inner);
    const facts = extractHtmlLinks(html, { codeBlocks: [at, at + inner.length] });
    expect(facts.links.map((l) => l.href)).toEqual(["/before/", "/after/"]);
    expect([...facts.ids]).toEqual(["b", "p", "after"]);
    expect(extractHtmlLinks(html).links.map((l) => l.href)).toContain("/hidden/");
  });
});

describe("helpers", () => {
  test("srcset candidates keep URLs with commas inside", () => {
    expect(srcsetUrls("a.png 1x,b.png 2x")).toEqual(["a.png", "b.png"]);
    expect(srcsetUrls("img.php?x=1,2 1x, c.png 2x")).toEqual(["img.php?x=1,2", "c.png"]);
  });

  test("decodes numeric and basic named references only", () => {
    expect(decodeEntities("a&amp;b&#39;c&#x2F;d&copy;")).toBe("a&b'c/d&copy;");
  });
});
