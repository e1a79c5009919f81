import { beforeAll, describe, expect, test } from "bun:test";
import { createHighlighter as createShiki } from "shiki";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { createHighlighter, EMBEDDED_NAMES, PRELOADED_LANGUAGES } from "./highlighter.ts";
import type { Highlighter } from "./types.ts";

const config = { light: "github-light", dark: "github-dark", enabled: true, line_numbers: false };
let h: Highlighter;
beforeAll(async () => {
  h = await createHighlighter(config);
});

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Per character of each line: `light|dark|lightFontStyle|darkFontStyle` from our HTML. */
function styledChars(html: string): string[][] {
  const code = html.slice(html.indexOf("<code>") + 6, html.lastIndexOf("</code>"));
  return code.split("\n").map((line) => {
    const chars: string[] = [];
    for (const m of line.matchAll(/<span style="([^"]*)">([^<]*)<\/span>/g)) {
      const vars = Object.fromEntries(m[1]!.split(";").map((d) => d.split(":") as [string, string]));
      const key = [
        vars["--shiki-light"]?.toUpperCase(),
        vars["--shiki-dark"]?.toUpperCase(),
        vars["--shiki-light-font-style"] ?? "",
        vars["--shiki-dark-font-style"] ?? "",
      ].join("|");
      for (const _ of unescapeHtml(m[2]!)) chars.push(key);
    }
    return chars;
  });
}

const samples: Record<string, string> = {
  ts: 'import { x } from "y";\n// comment\nexport async function f<T>(a: T[]): Promise<number> {\n  return a.length * 2; /* c */\n}\n',
  python: '@decorator\ndef f(x: int = 3) -> str:\n    """Doc."""\n    return f"{x!r} done"  # note\n',
  rust: "#[derive(Debug)]\nstruct P<'a> { s: &'a str }\nfn main() { let v = vec![1, 2]; println!(\"{v:?}\"); }\n",
  bash: 'for f in *.md; do\n  echo "$f" | grep -q x && exit 1\ndone\n',
  css: ":root { --x: 1px; }\na:hover > .b::after { color: #fff !important; }\n",
  markdown: "# T\n\n*em* **strong** [l](u) `c`\n\n```js\nlet a = 1;\n```\n",
};

describe("createHighlighter", () => {
  test("emits both theme colors as CSS variables, wrapped for light/dark switching", async () => {
    const { html, known } = await h.highlight("const x = 1;", "ts");
    expect(known).toBe(true);
    expect(html).toStartWith(
      '<pre class="shiki shiki-themes github-light github-dark" style="--shiki-light:#24292e;--shiki-dark:#e1e4e8;--shiki-light-bg:#fff;--shiki-dark-bg:#24292e"',
    );
    expect(html).toContain('<span style="--shiki-light:#D73A49;--shiki-dark:#F97583">const </span>');
  });

  test("one tokenization gives the same colors as shiki's two-theme output", async () => {
    const shiki = await createShiki({
      themes: [config.light, config.dark],
      langs: ["ts", "python", "rust", "bash", "css", "markdown", "javascript"],
      engine: createJavaScriptRegexEngine({ forgiving: true }),
    });
    for (const [lang, code] of Object.entries(samples)) {
      const ours = styledChars((await h.highlight(code, lang)).html);
      const theirs = shiki.codeToTokensWithThemes(code, {
        lang: lang as "ts",
        themes: { light: "github-light", dark: "github-dark" },
        // shiki's default 500 ms a line can cut a line short on a loaded machine (ours has none).
        tokenizeTimeLimit: 0,
      });
      expect(ours.length).toBe(theirs.length);
      theirs.forEach((line, i) => {
        const expected: string[] = [];
        for (const t of line) {
          const l = t.variants.light!;
          const d = t.variants.dark!;
          const style = (f: number | undefined) => ((f ?? 0) & 1 ? "italic" : "");
          const key = [
            l.color?.toUpperCase(),
            d.color?.toUpperCase(),
            style(l.fontStyle),
            style(d.fontStyle),
          ].join("|");
          for (const _ of t.content) expected.push(key);
        }
        const text = code.split("\n")[i]!;
        // Whitespace is glued to a neighbouring span, so only visible characters are compared.
        const visible = (keys: string[]) => keys.filter((_, c) => text[c]!.trim() !== "");
        expect(`${lang}:${i}:${visible(ours[i]!).join(",")}`).toBe(
          `${lang}:${i}:${visible(expected).join(",")}`,
        );
      });
    }
  });

  test("escapes code and keeps every line", async () => {
    const { html } = await h.highlight('a = "<b>"\n\nc & d', "python");
    expect(html).toContain("&quot;&lt;b&gt;&quot;");
    expect(html).toContain("&amp;");
    expect(html.match(/<span class="line">/g)).toHaveLength(3);
  });

  test("unknown languages are plain escaped text with known: false; plain aliases are known", async () => {
    const unknown = await h.highlight("<x> & y", "klingon");
    expect(unknown.known).toBe(false);
    expect(unknown.html).toContain('<span class="line">&lt;x&gt; &amp; y</span>');
    expect(unknown.html).not.toContain("<span style=");
    expect((await h.highlight("x", "text")).known).toBe(true);
    expect((await h.highlight("x", "")).known).toBe(true);
  });

  test("aliases of preloaded languages are known", async () => {
    for (const lang of ["js", "typescript", "sh", "shell", "bash", "py", "rs", "yml", "md", "c++", "JSON"]) {
      expect(`${lang}:${(await h.highlight("x", lang)).known}`).toBe(`${lang}:true`);
    }
  });

  test("any bundled language loads on its first block", async () => {
    const haskell = await h.highlight("main = print 1", "haskell");
    expect(haskell.known).toBe(true);
    expect(haskell.html).toContain("--shiki-dark:");
    expect((await h.highlight("main = print 1", "klingon")).known).toBe(false);
  });

  test("a cache hit returns the same html", async () => {
    const code = "let cached = 42;";
    const first = (await h.highlight(code, "js")).html;
    expect((await h.highlight(code, "js")).html).toBe(first);
    expect((await h.highlight(code, "javascript")).known).toBe(true);
  });

  test("line_numbers marks the block for CSS line counters", async () => {
    const numbered = await createHighlighter({ ...config, line_numbers: true });
    expect((await numbered.highlight("a\nb", "text")).html).toStartWith(
      '<pre class="shiki shiki-themes github-light github-dark line-numbers"',
    );
    expect((await h.highlight("a\nb", "text")).html).not.toContain("line-numbers");
  });

  test("unknown theme names are rejected", async () => {
    await expect(createHighlighter({ ...config, dark: "no-such-theme" })).rejects.toThrow("no-such-theme");
  });
});

describe("lazy shiki", () => {
  /** A store that records what was asked and can be pre-filled. */
  function memoryStore(entries: Record<string, string> = {}) {
    const map = new Map(Object.entries(entries));
    return { map, get: (k: string) => map.get(k), set: (k: string, v: string) => void map.set(k, v) };
  }

  test("blocks found in the store never create shiki; a miss does, and is stored", async () => {
    const key = "github-light\u0000github-dark\u0000\u0000ts\u0000const a = 1;";
    const store = memoryStore({ [key]: "<pre>stored</pre>" });
    const lazy = await createHighlighter(config, store);
    // Neither a stored block nor a plain one needs the grammars.
    expect(await lazy.highlight("const a = 1;", "ts")).toEqual({ html: "<pre>stored</pre>", known: true });
    expect((await lazy.highlight("x", "text")).known).toBe(true);
    expect((await lazy.highlight("x", "klingon")).known).toBe(false);
    expect(store.map.size).toBe(1);
    expect(lazy.started).toBe(false);
    const fresh = await lazy.highlight("const b = 2;", "ts");
    expect(fresh.html).toBe((await h.highlight("const b = 2;", "ts")).html);
    expect(store.map.get(key.replace("a = 1", "b = 2"))).toBe(fresh.html);
    expect(lazy.started).toBe(true);
  });

  test("plain blocks open the same <pre> before and after shiki exists", async () => {
    const lazy = await createHighlighter({ ...config, light: "min-light", dark: "nord" });
    const before = (await lazy.highlight("a < b", "text")).html;
    await lazy.highlight("let x = 1;", "js");
    expect((await lazy.highlight("a < b", "text")).html).toBe(before);
    const shiki = await createShiki({ themes: ["min-light", "nord"], langs: [] });
    const light = shiki.getTheme("min-light");
    const dark = shiki.getTheme("nord");
    expect(before).toStartWith(
      `<pre class="shiki shiki-themes min-light nord" style="--shiki-light:${light.fg};--shiki-dark:${dark.fg};--shiki-light-bg:${light.bg};--shiki-dark-bg:${dark.bg}" tabindex="0"><code>`,
    );
  });

  test("the only non-bundled names the preloaded grammars register are EMBEDDED_NAMES", async () => {
    const shiki = await createShiki({ themes: [], langs: [...PRELOADED_LANGUAGES] });
    const { bundledLanguages } = await import("shiki/langs");
    const extra = shiki.getLoadedLanguages().filter((l) => !Object.hasOwn(bundledLanguages, l));
    expect(extra.sort()).toEqual([...EMBEDDED_NAMES]);
  });
});

describe("determinism", () => {
  test("the first block a cold process highlights is coloured exactly like later ones", async () => {
    const script = `
      import { createHighlighter } from ${JSON.stringify(new URL("./highlighter.ts", import.meta.url).pathname)};
      const h = await createHighlighter({ light: "github-light", dark: "github-dark", enabled: true, line_numbers: false });
      const code = "const x0: number = 0;\\nfunction f(a: string) { return a.length; }";
      const cold = h.highlight(code, "ts").html;
      const h2 = await createHighlighter({ light: "github-light", dark: "github-dark", enabled: true, line_numbers: false });
      console.log(JSON.stringify(cold === h2.highlight(code, "ts").html));`;
    const proc = Bun.spawnSync([process.execPath, "-e", script]);
    expect(proc.stdout.toString().trim()).toBe("true");
  });
});
