import { describe, expect, test } from "bun:test";
import { createHighlighterCore } from "shiki/core";
import { bundledLanguages } from "shiki/langs";
import { createRegexEngine } from "./engine.ts";
import { createHighlighter } from "./highlighter.ts";
import { LineCache } from "./line-cache.ts";
import { SAMPLES } from "./test-samples.ts";

const config = { light: "github-light", dark: "github-dark", enabled: true, line_numbers: false };

describe("LineCache", () => {
  test("states of equal structure share a key; a different state or grammar does not", async () => {
    const core = await createHighlighterCore({
      themes: [],
      langs: [bundledLanguages.typescript(), bundledLanguages.javascript()],
      engine: createRegexEngine(),
    });
    const ts = core.getLanguage("typescript");
    const js = core.getLanguage("javascript");
    const end = (lines: string[]) => {
      let stack = null as Parameters<typeof ts.tokenizeLine>[1];
      for (const line of lines) stack = ts.tokenizeLine(line, stack, 0).ruleStack;
      return stack;
    };
    const cache = new LineCache();
    const open = end(["const a = 1;", "/* open"]);
    const openAgain = end(["let b = `x`;", "/* open too"]);
    const closed = end(["/* shut */"]);
    expect(open).not.toBe(openAgain);
    expect(cache.key(ts, open, "x")).toBe(cache.key(ts, openAgain, "x"));
    expect(cache.key(ts, open, "x")).not.toBe(cache.key(ts, closed, "x"));
    expect(cache.key(ts, open, "x")).not.toBe(cache.key(ts, open, "y"));
    expect(cache.key(ts, null, "x")).not.toBe(cache.key(js, null, "x"));
    core.dispose();
  });
});

describe("highlighting with remembered lines", () => {
  test("blocks sharing lines in other states come out as a fresh highlighter gives them", async () => {
    // The same lines open, inside and outside comments, strings, raw strings, fences and heredocs.
    const tricky: Array<[string, string]> = [
      ["ts", "const a = 1;\n/*\nconst a = 1;\n*/\nconst a = 1;"],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: code to highlight, not a template
      ["ts", "let s = `\nconst a = 1;\n${a}`;\nconst a = 1;\n*/"],
      ["python", 'x = 1\n"""\nx = 1\n"""\nx = 1\ndef f():\n    x = 1'],
      ["rust", 'let s = r#"\nlet s = 1;\n"#;\nlet s = 1;'],
      ["cpp", 'auto s = R"d(\nint x;\n)d";\nint x;'],
      ["markdown", "```ts\nconst a = 1;\n```\nconst a = 1;\n> const a = 1;"],
      ["shellscript", "cat <<EOF\necho hi\nEOF\necho hi"],
      // States that differ only in the end pattern a back-reference resolved.
      ["shellscript", "cat <<EOF\nEND\nEOF\necho hi"],
      ["shellscript", "cat <<END\nEND\necho hi"],
      ["markdown", "````js\n```\nlet a;\n````"],
      ["markdown", "```js\n```\nlet a;\n````"],
    ];
    const shared = await createHighlighter(config);
    const ours: string[] = [];
    for (const [lang, code] of tricky) ours.push((await shared.highlight(code, lang)).html);
    for (const [i, [lang, code]] of tricky.entries()) {
      const fresh = await createHighlighter(config);
      expect((await fresh.highlight(code, lang)).html).toBe(ours[i]!);
      fresh.dispose();
    }
    shared.dispose();
  });

  test("each block comes out the same whichever blocks were highlighted before it", async () => {
    // A trailing comment line keeps equal samples from being answered by the block cache.
    const blocks = [...Object.entries(SAMPLES), ...Object.entries(SAMPLES)].map(
      ([lang, code], i) => [lang, `${code}\n${i}`] as const,
    );
    const forward = await createHighlighter(config);
    const backward = await createHighlighter(config);
    const a: string[] = [];
    for (const [lang, code] of blocks) a.push((await forward.highlight(code, lang)).html);
    const b: string[] = [];
    for (const [lang, code] of [...blocks].reverse()) b.unshift((await backward.highlight(code, lang)).html);
    for (let i = 0; i < blocks.length; i++) expect(b[i]).toBe(a[i]!);
    forward.dispose();
    backward.dispose();
  });
});
