import { describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSite } from "../../test/generate-site.ts";
import { build } from "../build/build.ts";
import { decodeEntities } from "./entities.ts";
import { extractHtmlLinks, type HtmlFacts, type HtmlLink, srcsetUrls } from "./html-links.ts";

/**
 * The extraction as it was written on Bun's HTMLRewriter (lol-html), kept as the reference the
 * hand-written scanner must agree with, link for link and id for id, in the same order.
 */
function referenceExtract(html: string): HtmlFacts {
  const links: HtmlLink[] = [];
  const ids = new Set<string>();
  const add = (tag: string, attr: HtmlLink["attr"], raw: string | null, rel = "") => {
    if (raw === null) return;
    if (attr === "srcset") {
      for (const url of srcsetUrls(decodeEntities(raw))) links.push({ tag, attr, href: url, rel });
    } else {
      links.push({ tag, attr, href: decodeEntities(raw).trim(), rel });
    }
  };
  new HTMLRewriter()
    .on("a[href], area[href]", { element: (e) => add(e.tagName, "href", e.getAttribute("href")) })
    .on("link[href]", {
      element: (e) =>
        add("link", "href", e.getAttribute("href"), (e.getAttribute("rel") ?? "").toLowerCase()),
    })
    .on("img, source", {
      element: (e) => {
        add(e.tagName, "src", e.getAttribute("src"));
        add(e.tagName, "srcset", e.getAttribute("srcset"));
      },
    })
    .on("script[src], iframe[src]", { element: (e) => add(e.tagName, "src", e.getAttribute("src")) })
    .on("[id]", {
      element: (e) => {
        const id = e.getAttribute("id");
        if (id) ids.add(decodeEntities(id));
      },
    })
    .on("a[name]", {
      element: (e) => {
        const name = e.getAttribute("name");
        if (name) ids.add(decodeEntities(name));
      },
    })
    .transform(html);
  return { links, ids };
}

const facts = (f: HtmlFacts) => ({ links: f.links.map((l) => ({ ...l })), ids: [...f.ids] });
const expectSame = (html: string) =>
  expect(facts(extractHtmlLinks(html))).toEqual(facts(referenceExtract(html)));

const NASTY = [
  `<A HREF="/x" ID=Up>`,
  `<a href="/1" href="/2"><div id="a" ID="b"><img src="/a" SRC="/b"><link href="/l" rel="A" rel="b">`,
  `<a href=/unquoted id=u><a href='/single'><a href="/double"id="glued"><a href = "/spaced" >`,
  `<a title='<a href="/no">' href=/yes><a title="x>y" href=/gt>`,
  `<!-- <a href="/commented"> --><a href=/c2><!--><a href=/abrupt><!---><a href=/abrupt2><!-- --!><a href=/bang>`,
  `<!--x<!--y--><a href=/nested><!-- -- --><a href=/dashes><!--x--!x--><a href=/c4><!-- never closed <a href=/lost>`,
  `<!DOCTYPE html PUBLIC "a>b"><a href=/dt><!doctype><a href=/d2><! bogus <a href=/x> > <a href=/bog><?php <a href="/pi"> ?>`,
  `<script>document.write('<a href=/dw>')</script><a href=/ok><SCRIPT><a href=/s></SCRIPT ><a href=/s2>`,
  `<script><!--<script></script><a href="/esc"></script><a href="/after">`,
  `<script><!--<SCRIPT>--></script><a href="/after-double"><script>x</scriptx><a href=/inside></script><a href=/outside>`,
  `<script type="text/x"><!--</script><a href=/after-open-comment><script><!-- a --><a href=/in></script><a href=/out>`,
  `<style><a href="/style"></style><a href=/s><style>a{}</STYLE><a href=/upperclose><style>x</style\r><a href=/cr>`,
  `<title><a href="/t"></title><textarea><a href="/ta"></textarea><xmp><a href="/xmp"></xmp><a href=/z>`,
  `<noscript><a href="/ns"></noscript><noembed><a href=/ne></noembed><noframes><a href=/nf></noframes><a href=/after>`,
  `<iframe src="/f"><a href="/in-iframe"></iframe><a href="/after"><textarea/><a href="/t2"></textarea><a href="/t3">`,
  `<svg><style><a href="/svgstyle"></style></svg><svg><![CDATA[<a href="/cdata">]]></svg><![CDATA[<a href="/c2">]]><a href=/a2>`,
  `<svg><p><style><a href="/breakout"></style><svg><foreignObject><style><a href="/fo"></style></foreignObject></svg>`,
  `<svg/><style><a href="/sc"></style><math><style><a href="/ms"></style></math><a href="/after">`,
  `<math><annotation-xml encoding="text/html"><style><a href="/ax"></style></annotation-xml></math><a href=/m>`,
  `<svg><font color=red><style><a href="/font"></style><svg><font><style><a href="/font2"></style>`,
  `<svg><title/><style><a href="/tsc"></style><svg><desc><p></desc><style><a href=/d3></style></svg>`,
  `<a/href=/slash><a href=/u/><img/src=/i><a href="a" / id="z"><a =x href=/eq><a "q"=1 href=/dq><a href=/x\fid=f>`,
  `<img src="/i.png" srcset="/i.png 1x, /i@2x.png 2x"><picture><source srcset="/b.webp 480w,/c.webp 960w"></picture>`,
  `<a name="legacy"></a><a>no href</a><a href><a href=""><a id="" name="n"><div name="nn" id="i&amp;d">`,
  `<a href="/caf&eacute;?a=1&amp;b=2&#x41;&#39;&lt;">x</a><a href="&amp;amp;"><a href=x&quot;y><img src=" /sp ">`,
  `<br/><hr /><input disabled><a href=/after-void><img src=/last`,
  `</a href="/end"></ a href=/bogusend></><a href=/e2><a\nhref="/nl"><a\rhref=/cr><a\u00a0href=/nbsp>`,
  `<LINK REL=Stylesheet HREF=/s.css><area href=/ar><script src=/js></script><script src=/js2 />x<a href=/gone>`,
  `<math></b><mi id=lost><mi id=kept></mi><x-y id=lost2><math><area><x-y id=kept2>`,
  `<svg></g><title id=lost><svg><g/><desc id=kept></desc></svg></a><foreignObject/ id=lost3><font color=red id=f>`,
  `<math></a><abcdefghijklm id=hashed><math></a><kbcdefghijklm id=unhashed><math></a><x0 id=digit><math></a><h6 id=h>`,
  `<math></b><mi><style><a href=/raw></style><math><annotation-xml encoding="TEXT/HTML"><style><a href="/ax2"></style>`,
  `<svg></p><style><a href=/x></style><svg></br><script><a href=/y></script><svg><svg></p><style><a href=/z></style>`,
  `<math><mi></annotation-xml><x-y id=h><math></p><x-y id=after-p><math><svg><p id=p><mi></annotation-xml><x-y id=h2>`,
  `<a href="/unterminated`,
];

describe("scanner vs HTMLRewriter", () => {
  test.each(NASTY)("%p", (html) => expectSame(html));

  test("spot checks of what the reference decides", () => {
    const f = extractHtmlLinks(
      `<A HREF=/1 href=/2 ID=top><script>"<a href=/no>"</script><!-- <a href=/no> -->`,
    );
    expect(f.links.map((l) => `${l.tag} ${l.href}`)).toEqual(["a /1"]);
    expect([...f.ids]).toEqual(["top"]);
  });

  test("3,000 random documents made of tricky fragments", () => {
    const pieces = [
      `<a href="/x">`,
      `<A HREF=/y>`,
      `<a href='/z' id=q>`,
      `<img src=a srcset="b 1x, c 2x">`,
      `<link rel=Preload href=/l>`,
      `<script src=/s>`,
      `<script>`,
      `</script>`,
      `</SCRIPT >`,
      `<style>`,
      `</style>`,
      `<title>`,
      `</title>`,
      `<textarea>`,
      `</textarea>`,
      `<svg>`,
      `</svg>`,
      `<math>`,
      `</math>`,
      `<mi>`,
      `</mi>`,
      `<foreignObject>`,
      `</foreignObject>`,
      `<desc/>`,
      `<p>`,
      `<font color=red>`,
      `<annotation-xml encoding="text/html">`,
      `</annotation-xml>`,
      `<![CDATA[`,
      `]]>`,
      `<!--`,
      `-->`,
      `--!>`,
      `<!-->`,
      `<!DOCTYPE html>`,
      `<?x ?>`,
      `</>`,
      `</ x>`,
      `<iframe src=/f>`,
      `</iframe>`,
      `<noscript>`,
      `</noscript>`,
      `<div id="d&amp;1">`,
      `<a name=n>`,
      `<a href="x" href="y">`,
      `"`,
      `'`,
      `>`,
      `<`,
      `=`,
      ` `,
      `\n`,
      `text`,
      `&amp;`,
      `<a href="/q`,
      `-`,
      `--`,
      `<!`,
      `/`,
      `<a title='>' href=/gt>`,
      `<source src=/so>`,
      `<area href=/ar>`,
      `<a/href=/sl>`,
      `<a href=/u/>`,
      `<script><!--`,
      `<script`,
      `<a`,
      ` href=`,
      ` id=`,
      `x`,
      `<span class="k">`,
      `</span>`,
    ];
    let seed = 8;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let doc = 0; doc < 3000; doc++) {
      let html = "";
      const count = 1 + Math.floor(random() * 30);
      for (let k = 0; k < count; k++) html += pieces[Math.floor(random() * pieces.length)];
      const got = facts(extractHtmlLinks(html));
      const want = facts(referenceExtract(html));
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({ html, ...got }).toEqual({ html, ...want });
    }
  });

  test("every page of the example docs site and of a generated site", async () => {
    const root = mkdtempSync(join(tmpdir(), "bengal-scan-"));
    try {
      cpSync(join(import.meta.dir, "../../../../examples/docs"), join(root, "docs"), {
        recursive: true,
        filter: (src) => !/\/(public|\.bengal)(\/|$)/.test(src),
      });
      generateSite(join(root, "gen"), 40);
      let pages = 0;
      for (const site of ["docs", "gen"]) {
        const result = await build({ root: join(root, site), parallel: false });
        expect(result.failed).toBe(false);
        for (const file of htmlFiles(join(root, site, "public"))) {
          expectSame(readFileSync(file, "utf8"));
          pages++;
        }
      }
      expect(pages).toBeGreaterThan(100);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith(".html")) out.push(path);
  }
  return out;
}
