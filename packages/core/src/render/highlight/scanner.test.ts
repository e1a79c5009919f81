import { describe, expect, test } from "bun:test";
import { createHighlighterCore, type RegexEngine } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { bundledLanguages } from "shiki/langs";
import { createRegexEngine, grammarRegex } from "./engine.ts";
import { PRELOADED_LANGUAGES } from "./highlighter.ts";
import { loadRegexTable } from "./regex-table.ts";
import { createScannerEngine } from "./scanner.ts";
import { SAMPLES } from "./test-samples.ts";

/** Every line's tokens (span and scopes) as one grammar run over all samples gives them. */
async function tokenizeAll(engine: RegexEngine): Promise<string[]> {
  const core = await createHighlighterCore({
    themes: [],
    langs: PRELOADED_LANGUAGES.map((l) => bundledLanguages[l]()),
    engine,
  });
  const out: string[] = [];
  // Twice over, so later passes run on searches remembered from other blocks.
  for (let pass = 0; pass < 2; pass++) {
    for (const lang of PRELOADED_LANGUAGES) {
      const grammar = core.getLanguage(lang);
      let stack = null as Parameters<typeof grammar.tokenizeLine>[1];
      SAMPLES[lang]!.split("\n").forEach((line, i) => {
        const r = grammar.tokenizeLine(line, stack, 0);
        stack = r.ruleStack;
        const tokens = r.tokens.map((t) => `${t.startIndex}-${t.endIndex}:${t.scopes.join(" ")}`);
        out.push(`${lang}:${i}: ${tokens.join(" | ")}`);
      });
    }
  }
  core.dispose();
  return out;
}

function match(engine: RegexEngine, patterns: Array<string | RegExp>, text: string, start = 0) {
  const m = engine.createScanner(patterns).findNextMatchSync(engine.createString(text), start, 0);
  return m && { index: m.index, captures: m.captureIndices.map((c) => [c.start, c.end, c.length]) };
}

const plain = () => createScannerEngine({ regexConstructor: (p) => new RegExp(p, "dgu") });

describe("createScannerEngine", () => {
  test("every preloaded grammar tokenizes every sample exactly as with shiki's JavaScriptScanner", async () => {
    const table = await loadRegexTable();
    const shiki = createJavaScriptRegexEngine({ forgiving: true, regexConstructor: grammarRegex(table) });
    const expected = await tokenizeAll(shiki);
    const actual = await tokenizeAll(createRegexEngine(table));
    expect(actual.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) expect(actual[i]).toBe(expected[i]!);
  });

  test("the earliest match wins; ties go to the lowest pattern index", () => {
    const engine = plain();
    expect(match(engine, ["c", "b", "ab"], "xabc")?.index).toBe(2);
    expect(match(engine, ["b", "a(b)"], "xab")?.index).toBe(1);
    expect(match(engine, ["a(b)", "ab"], "xab")).toEqual({
      index: 0,
      captures: [
        [1, 3, 2],
        [2, 3, 1],
      ],
    });
    expect(match(engine, ["z"], "xab")).toBeNull();
  });

  test("an unmatched group is reported at 0xFFFFFFFF with length 0", () => {
    expect(match(plain(), ["a(x)?(b)"], "ab")?.captures).toEqual([
      [0, 2, 2],
      [4294967295, 4294967295, 0],
      [1, 2, 1],
    ]);
  });

  test("a search remembered by one scanner answers another's, and only from where it holds", () => {
    const engine = plain();
    const s = engine.createString("a1 b2 a3");
    const one = engine.createScanner(["a\\d", "zz"]);
    const two = engine.createScanner(["q", "a\\d"]);
    expect(one.findNextMatchSync(s, 0, 0)?.captureIndices[0]?.start).toBe(0);
    // From 1 the remembered match at 0 is behind: searched again, it finds a3.
    expect(two.findNextMatchSync(s, 1, 0)?.captureIndices[0]?.start).toBe(6);
    expect(one.findNextMatchSync(s, 4, 0)?.captureIndices[0]?.start).toBe(6);
    expect(one.findNextMatchSync(s, 7, 0)).toBeNull();
    // A new string with the same scanners is searched afresh.
    expect(two.findNextMatchSync(engine.createString("xa9"), 0, 0)?.captureIndices[0]?.start).toBe(1);
  });

  test("sticky regexes are searched at each position, never remembered", () => {
    const engine = createScannerEngine({ regexConstructor: (p) => new RegExp(p, "dy") });
    const s = engine.createString("ab ab");
    const scanner = engine.createScanner(["ab"]);
    expect(scanner.findNextMatchSync(s, 0, 0)?.captureIndices[0]?.start).toBe(0);
    expect(scanner.findNextMatchSync(s, 1, 0)).toBeNull();
    expect(scanner.findNextMatchSync(s, 3, 0)?.captureIndices[0]?.start).toBe(3);
  });

  test("a string without a literal every match needs is not searched, and matches nothing", () => {
    const searched: string[] = [];
    class Counted extends RegExp {
      override exec(text: string) {
        searched.push(`${this.source}@${text}`);
        return super.exec(text);
      }
    }
    const engine = createScannerEngine({ regexConstructor: (p) => new Counted(p, "dgu") });
    const scanner = engine.createScanner(["(?=\\w+`)\\w+", "\\w+"]);
    expect(scanner.findNextMatchSync(engine.createString("ab cd"), 0, 0)?.index).toBe(1);
    expect(searched).toEqual(["\\w+@ab cd"]);
    expect(scanner.findNextMatchSync(engine.createString("ab c`"), 0, 0)?.index).toBe(1);
    expect(scanner.findNextMatchSync(engine.createString("ab cd`"), 3, 0)?.index).toBe(0);
    // The third search stops at the first pattern: it matches where the search starts.
    expect(searched).toHaveLength(4);
  });

  test("plain strings work, uncached", () => {
    const scanner = plain().createScanner(["b+"]);
    expect(scanner.findNextMatchSync("abb", 0, 0)?.captureIndices[0]).toEqual({
      start: 1,
      end: 3,
      length: 2,
    });
    expect(scanner.findNextMatchSync("bba", 2, 0)).toBeNull();
  });

  test("forgiving skips a pattern that cannot be built; otherwise it throws", () => {
    const build = (p: string) => {
      if (p === "bad") throw new Error("no translation");
      return new RegExp(p, "dgu");
    };
    const forgiving = createScannerEngine({ forgiving: true, regexConstructor: build });
    expect(match(forgiving, ["bad", "b"], "ab")?.index).toBe(1);
    const strict = createScannerEngine({ regexConstructor: build });
    expect(() => strict.createScanner(["bad"])).toThrow("no translation");
  });
});
