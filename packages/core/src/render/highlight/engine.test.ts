import { describe, expect, test } from "bun:test";
import { defaultJavaScriptRegexConstructor } from "shiki/engine/javascript";
import { createRegexEngine } from "./engine.ts";

/** The first match of `pattern` in `text` as the engine's scanner reports it: [index, start, end] per capture. */
function scan(pattern: string, text: string): number[][] | null {
  const scanner = createRegexEngine().createScanner([pattern]);
  const m = scanner.findNextMatchSync(text, 0, 0);
  return m ? m.captureIndices.map((c) => [c.start, c.end]) : null;
}

function shikiDefault(pattern: string, text: string): number[][] | null {
  const re = defaultJavaScriptRegexConstructor(pattern, { target: "auto" });
  re.lastIndex = 0;
  const m = re.exec(text);
  return m?.indices ? m.indices.map((i) => (i ? [i[0], i[1]] : [4294967295, 4294967295])) : null;
}

describe("createRegexEngine", () => {
  test("patterns exact under the u flag match what shiki's default translation matches", () => {
    const cases: Array<[string, string]> = [
      ["(?<![\\w$])(async)\\s+([[:alpha:]_$][[:alnum:]_$]*)", "x = async fooBar()"],
      ["\\b(pub)\\b\\s*(fn)", "  pub fn main"],
      ["(?i)select\\s+(\\*)", "SeLeCt * from t"],
      ["\\p{Lu}\\p{Ll}+", "été Ünïcode"],
      ["(['\"])(?:\\\\.|(?!\\1).)*\\1", `say "he said \\"hi\\"" now`],
    ];
    for (const [pattern, text] of cases) expect(scan(pattern, text)).toEqual(shikiDefault(pattern, text));
  });

  test("a pattern the u flag cannot express exactly keeps shiki's own translation", () => {
    // Class intersection needs the v flag; strict ES2018 refuses it, so the fallback must handle it.
    expect(() =>
      defaultJavaScriptRegexConstructor("[a-z&&[^aeiou]]+", { target: "ES2018", accuracy: "strict" }),
    ).toThrow();
    expect(scan("[a-z&&[^aeiou]]+", "aeibcdo")).toEqual([[3, 6]]);
  });
});
