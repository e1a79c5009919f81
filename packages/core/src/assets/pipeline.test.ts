import { describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import type { OutputFile } from "../model/output.ts";
import { type AssetOptions, processAssets } from "./pipeline.ts";
import { diskHost, makePng, type TempSite, tempSite } from "./testing.ts";

const OPTIONS: AssetOptions = {
  minify: true,
  fingerprint: true,
  optimize: false,
  parallel: true,
  maxWorkers: null,
  baseurl: "",
};

type Asset = { rel: string; source: string; origin: "theme" | "site" };

/** `count` assets: a third CSS (each pointing at an image), a third JS, a third PNG. */
function writeMixed(site: TempSite, count: number): Asset[] {
  const assets: Asset[] = [];
  const add = (rel: string, content: string | Uint8Array) =>
    assets.push({ rel, source: site.write(`assets/${rel}`, content), origin: "site" });
  for (let i = 0; i < count; i++) {
    if (i % 3 === 0)
      add(
        `css/s${i}.css`,
        `/* sheet ${i} */\n.c${i} {\n  background: url("../img/p${i + 2}.png");\n  margin: 0px;\n}\n`,
      );
    else if (i % 3 === 1)
      add(
        `js/m${i}.js`,
        `// module ${i}\nfunction f${i}(a, b) {\n  return a + b + ${i};\n}\nwindow.f${i} = f${i};\n`,
      );
    else add(`img/p${i}.png`, makePng(8, i));
  }
  return assets;
}

function run(site: TempSite, assets: Asset[], options: Partial<AssetOptions> = {}, statics: Asset[] = []) {
  return processAssets({
    host: diskHost(),
    siteRoot: site.root,
    assets,
    statics,
    options: { ...OPTIONS, ...options },
  });
}

function byPath(files: readonly OutputFile[], path: string): OutputFile {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no output ${path} among ${files.map((x) => x.path).join(", ")}`);
  return f;
}

const text = (f: OutputFile) =>
  typeof f.content === "string" ? f.content : new TextDecoder().decode(f.content);

describe("processAssets scheduling", () => {
  test("fewer than 5 assets run inline even with parallel on", async () => {
    using site = tempSite();
    const result = await run(site, writeMixed(site, 4));
    expect(result.workers).toBe(0);
    expect(Object.keys(result.manifest)).toHaveLength(4);
  });

  test("from 5 assets up a pool of min(8, ceil(n/4)) workers runs them", async () => {
    using site = tempSite();
    const assets = writeMixed(site, 12);
    const result = await run(site, assets);
    expect(result.workers).toBe(3);
    expect(Object.keys(result.manifest)).toHaveLength(12);
    expect(result.diagnostics).toEqual([]);
  });

  test("the pool is capped at 8 workers", async () => {
    using site = tempSite();
    expect((await run(site, writeMixed(site, 40))).workers).toBe(8);
  });

  test("max_workers is honoured, and parallel = false runs inline", async () => {
    using site = tempSite();
    const assets = writeMixed(site, 12);
    expect((await run(site, assets, { maxWorkers: 2 })).workers).toBe(2);
    expect((await run(site, assets, { maxWorkers: 5 })).workers).toBe(5);
    expect((await run(site, assets, { parallel: false })).workers).toBe(0);
  });

  test("pooled output equals inline output byte for byte", async () => {
    using site = tempSite();
    const assets = writeMixed(site, 30);
    assets.push({
      rel: "css/broken.css",
      source: site.write("assets/css/broken.css", "a {{ color: }"),
      origin: "site",
    });
    const inline = await run(site, assets, { parallel: false, optimize: true });
    const pooled = await run(site, assets, { optimize: true });
    expect(pooled.workers).toBeGreaterThan(0);
    expect(pooled.files.map((f) => f.path)).toEqual(inline.files.map((f) => f.path));
    const bytes = (c: string | Uint8Array) =>
      Buffer.from(typeof c === "string" ? new TextEncoder().encode(c) : c);
    for (const [i, f] of inline.files.entries()) {
      expect(bytes(pooled.files[i]!.content).equals(bytes(f.content))).toBe(true);
    }
    expect(pooled.manifest).toEqual(inline.manifest);
    expect(pooled.diagnostics).toEqual(inline.diagnostics);
  });
});

describe("processAssets failures", () => {
  for (const parallel of [false, true]) {
    test(`a broken CSS or JS asset is reported with its path and the rest finish (parallel=${parallel})`, async () => {
      using site = tempSite();
      const assets = writeMixed(site, 9);
      const bad = (rel: string, content: string | Uint8Array) =>
        assets.push({ rel, source: site.write(`assets/${rel}`, content), origin: "site" });
      bad("css/broken.css", ".ok { color: red }\n.bad {\n  color: red;\n  x y\n}\n");
      bad("js/broken.js", "const a = 1;\nconst b = ;\n");
      bad("img/broken.png", makePng(4, 1).slice(0, 40));
      const result = await run(site, assets, { parallel });
      expect(result.workers).toBe(parallel ? 3 : 0);
      expect(Object.keys(result.manifest)).toHaveLength(9);
      const failed = result.diagnostics.filter((d) => d.code === "asset.failed");
      expect(failed.map((d) => d.file).sort()).toEqual([
        "assets/css/broken.css",
        "assets/img/broken.png",
        "assets/js/broken.js",
      ]);
      const css = failed.find((d) => d.file === "assets/css/broken.css")!;
      expect(css.severity).toBe("error");
      expect(css.range.start).toEqual({ line: 3, character: 4 });
      const js = failed.find((d) => d.file === "assets/js/broken.js")!;
      expect(js.range.start).toEqual({ line: 1, character: 10 });
      expect(result.files.some((f) => f.path.includes("broken"))).toBe(false);
    });
  }

  test("an unreadable asset is reported, not thrown", async () => {
    using site = tempSite();
    const assets = writeMixed(site, 3);
    assets.push({ rel: "js/gone.js", source: `${site.root}/assets/js/gone.js`, origin: "site" });
    const result = await run(site, assets);
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([["asset.failed", "assets/js/gone.js"]]);
    expect(Object.keys(result.manifest)).toHaveLength(3);
  });
});

describe("processAssets fingerprints and URLs", () => {
  test("names carry the hash of the output bytes and CSS url()s point at hashed names", async () => {
    using site = tempSite();
    const png = site.write("assets/img/logo.png", makePng(8, 3));
    const css = site.write(
      "assets/css/style.css",
      'body {\n  background: url("../img/logo.png?v=1#x");\n}\n',
    );
    const result = await run(site, [
      { rel: "img/logo.png", source: png, origin: "theme" },
      { rel: "css/style.css", source: css, origin: "site" },
    ]);
    const cssOut = result.manifest["css/style.css"]!;
    expect(cssOut).toMatch(/^assets\/css\/style\.[0-9a-f]{8}\.css$/);
    const file = byPath(result.files, cssOut);
    const hash = createHash("sha256").update(text(file)).digest("hex").slice(0, 8);
    expect(cssOut).toBe(`assets/css/style.${hash}.css`);
    const pngOut = result.manifest["img/logo.png"]!;
    expect(pngOut).toMatch(/^assets\/img\/logo\.[0-9a-f]{8}\.png$/);
    const ref = /url\(([^)]*)\)/.exec(text(file))![1]!.replace(/["']/g, "");
    expect(ref).toBe(`../${pngOut.slice("assets/".length)}?v=1#x`);
    const resolved = new URL(ref, `https://x/${cssOut}`).pathname.slice(1);
    expect(result.files.some((f) => f.path === resolved)).toBe(true);
    expect(text(byPath(result.files, "asset-manifest.json"))).toBe(
      `${JSON.stringify({ "css/style.css": cssOut, "img/logo.png": pngOut }, null, 2)}\n`,
    );
  });

  test("urlFor honours the baseurl's path prefix and falls back to the unhashed URL", async () => {
    using site = tempSite();
    const css = site.write("assets/css/style.css", "a { color: red }\n");
    const assets: Asset[] = [{ rel: "css/style.css", source: css, origin: "site" }];
    for (const [baseurl, prefix] of [
      ["https://example.com/sub", "/sub"],
      ["/docs", "/docs"],
      ["", ""],
    ] as const) {
      const result = await run(site, assets, { baseurl });
      expect(result.urlFor("css/style.css")).toBe(`${prefix}/${result.manifest["css/style.css"]}`);
      expect(result.urlFor("css/style.css")).toMatch(
        new RegExp(`^${prefix}/assets/css/style\\.[0-9a-f]{8}\\.css$`),
      );
      expect(result.urlFor("js/unknown.js")).toBe(`${prefix}/assets/js/unknown.js`);
    }
  });

  test("without fingerprinting or minifying, names and text are kept", async () => {
    using site = tempSite();
    const css = site.write("assets/css/style.css", "/* keep */\na { color: red }\n");
    const js = site.write("assets/js/app.js", "// keep\nvar x = 1;\n");
    const robots = site.write("static/robots.txt", "User-agent: *\n");
    const result = await run(
      site,
      [
        { rel: "css/style.css", source: css, origin: "site" },
        { rel: "js/app.js", source: js, origin: "site" },
      ],
      { fingerprint: false, minify: false },
      [{ rel: "robots.txt", source: robots, origin: "site" }],
    );
    expect(result.manifest).toEqual({
      "css/style.css": "assets/css/style.css",
      "js/app.js": "assets/js/app.js",
    });
    expect(text(byPath(result.files, "assets/css/style.css"))).toBe("/* keep */\na { color: red }\n");
    expect(text(byPath(result.files, "assets/js/app.js"))).toBe("// keep\nvar x = 1;\n");
    expect(text(byPath(result.files, "robots.txt"))).toBe("User-agent: *\n");
    expect(result.urlFor("/css/style.css")).toBe("/assets/css/style.css");
  });
});

describe("processAssets CSS bundling", () => {
  test("@imports are inlined recursively, relative to the importing file", async () => {
    using site = tempSite();
    const w = (rel: string, content: string | Uint8Array): Asset => ({
      rel,
      source: site.write(`assets/${rel}`, content),
      origin: "site",
    });
    const assets = [
      w(
        "css/main.css",
        '@import url("parts/base.css");\n@import "https://fonts.example.com/f.css";\n.main { color: blue }\n',
      ),
      w("css/parts/base.css", "@import 'type.css' screen;\n.base { background: url(../../img/bg.png) }\n"),
      w("css/parts/type.css", ".type { font-weight: 700 }\n"),
      w("img/bg.png", makePng(4, 9)),
    ];
    const result = await run(site, assets, { minify: false, fingerprint: false });
    expect(result.diagnostics).toEqual([]);
    const main = text(byPath(result.files, "assets/css/main.css"));
    expect(main).toBe(
      '@import "https://fonts.example.com/f.css";\n@media screen {\n.type { font-weight: 700 }\n}\n.base { background: url(../img/bg.png) }\n.main { color: blue }\n',
    );
    const minified = await run(site, assets, { minify: true, fingerprint: false });
    expect(text(byPath(minified.files, "assets/css/main.css"))).toBe(
      '@import "https://fonts.example.com/f.css";@media screen{.type{font-weight:700}}.base{background:url(../img/bg.png)}.main{color:#00f}\n',
    );
  });

  test("a missing import target is reported at the @import", async () => {
    using site = tempSite();
    const css = site.write("assets/css/main.css", "a { color: red }\n");
    const bad = site.write("assets/css/b.css", '\n@import "nope.css";\nb { color: red }\n');
    const result = await run(site, [
      { rel: "css/main.css", source: css, origin: "site" },
      { rel: "css/b.css", source: bad, origin: "site" },
    ]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: "asset.not-found", file: "assets/css/b.css" });
    expect(result.diagnostics[0]!.range.start).toEqual({ line: 1, character: 0 });
  });

  test("a parse error in an imported file is reported in that file, at its own position", async () => {
    using site = tempSite();
    const png = site.write("assets/img/a.png", makePng(4, 2));
    const main = site.write("assets/css/main.css", '@import "parts/x.css";\n.main { color: red }\n');
    const part = site.write("assets/css/parts/x.css", ".x {\n  background: url(../../img/a.png); y z\n}\n");
    const result = await run(site, [
      { rel: "img/a.png", source: png, origin: "site" },
      { rel: "css/main.css", source: main, origin: "site" },
      { rel: "css/parts/x.css", source: part, origin: "site" },
    ]);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.range.start])).toEqual([
      ["asset.failed", "assets/css/parts/x.css", { line: 1, character: 38 }],
    ]);
    expect(Object.keys(result.manifest)).toEqual(["img/a.png"]);
  });

  test("a circular @import is dropped with a warning", async () => {
    using site = tempSite();
    const a = site.write("assets/css/a.css", '@import "b.css";\n.a { color: red }\n');
    const b = site.write("assets/css/b.css", '@import "a.css";\n.b { color: blue }\n');
    const result = await run(
      site,
      [
        { rel: "css/a.css", source: a, origin: "site" },
        { rel: "css/b.css", source: b, origin: "site" },
      ],
      { minify: false, fingerprint: false },
    );
    expect(result.diagnostics.map((d) => [d.severity, d.file, d.range.start.line])).toEqual([
      ["warning", "assets/css/a.css", 0],
      ["warning", "assets/css/b.css", 0],
    ]);
    expect(text(byPath(result.files, "assets/css/a.css"))).toBe(".b { color: blue }\n.a { color: red }\n");
  });
});
