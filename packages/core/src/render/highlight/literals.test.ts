import { describe, expect, test } from "bun:test";
import { grammarRegex } from "./engine.ts";
import { PRELOADED_LANGUAGES } from "./highlighter.ts";
import { mayMatch, requiredLiterals, TextProbe } from "./literals.ts";
import { grammarPatterns, loadRegexTable } from "./regex-table.ts";
import { SAMPLES } from "./test-samples.ts";

const req = (source: string, flags = "dgu") => requiredLiterals(source, flags);

describe("requiredLiterals", () => {
  test("adjacent literals form one string; anything optional or unknown requires nothing", () => {
    expect(req("\\b(lambda)\\b")).toEqual([["lambda"]]);
    expect(req("ab*c")).toEqual([["a"], ["c"]]);
    expect(req("(?:abc)?x")).toEqual([["x"]]);
    expect(req("a{0,2}")).toEqual([]);
    expect(req("(?:ab){2,}")).toEqual([["ab"]]);
    expect(req("\\w+\\s*\\d")).toEqual([]);
    expect(req("(a)\\1")).toEqual([["a"]]);
    expect(req("\\p{L}+\\.\\u{1F600}\\n")).toEqual([[".😀\n"]]);
  });

  test("an alternation requires one string of each alternative; an empty alternative nothing", () => {
    expect(req("(?:foo|bar)\\(")).toEqual([["foo", "bar"], ["("]]);
    expect(req("foo|")).toEqual([]);
    expect(req("x(?:a|b)?")).toEqual([["x"]]);
  });

  test("positive lookarounds require their literals, negative ones nothing", () => {
    expect(req("(?=[\\w.]*`)")).toEqual([["`"]]);
    expect(req("(?<=return)\\s")).toEqual([["return"]]);
    expect(req("(?!abc)x")).toEqual([["x"]]);
    expect(req("(?<!abc)")).toEqual([]);
  });

  test("a short class of single characters is a clause; negated, ranged or set classes are not", () => {
    expect(req("[&*]+")).toEqual([["&", "*"]]);
    expect(req("[\\]\\[]")).toEqual([["]", "["]]);
    expect(req("[^&*]")).toEqual([]);
    expect(req("[a-c]")).toEqual([]);
    expect(req("[\\d.]")).toEqual([]);
    expect(req("[abcde]")).toEqual([]);
    expect(req("[[ab]--[b]]", "dgv")).toEqual([]);
  });

  test("case-insensitive regexes, modifier groups and legacy syntax require nothing", () => {
    expect(req("select", "dgiu")).toEqual([]);
    expect(req("(?i:select)x", "dgv")).toEqual([["x"]]);
    expect(req("select", "dg")).toEqual([]);
  });
});

describe("TextProbe", () => {
  test("finds what String#includes finds, ASCII or not", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: code to probe, not a template
    const text = "let é = `x${1}` // 😀 done\n";
    const probe = new TextProbe(text);
    for (const s of ["`", "${", "é", "😀", "done\n", "x", "\n", "q", "don e", "é =", "😁", "ab"]) {
      expect(`${s}:${probe.includes(s)}`).toBe(`${s}:${text.includes(s)}`);
    }
    expect(mayMatch([["a", "`"], ["done"]], probe)).toBe(true);
    expect(mayMatch([["`"], ["zz", "yy"]], probe)).toBe(false);
  });
});

describe("soundness over the grammars", () => {
  test("no regex of a preloaded grammar matches a sample line its required literals rule out", async () => {
    const lines = [
      ...new Set(
        Object.values(SAMPLES)
          .flatMap((code) => code.split("\n"))
          .map((line) => `${line}\n`),
      ),
    ];
    let ruledOut = 0;
    const build = grammarRegex(await loadRegexTable());
    for (const pattern of await grammarPatterns(PRELOADED_LANGUAGES)) {
      let regex: RegExp;
      try {
        regex = build(pattern);
      } catch {
        continue;
      }
      const clauses = requiredLiterals(regex.source, regex.flags);
      if (clauses.length === 0) continue;
      for (const line of lines) {
        if (mayMatch(clauses, new TextProbe(line))) continue;
        ruledOut++;
        regex.lastIndex = 0;
        const m = regex.exec(line);
        if (m)
          throw new Error(`/${regex.source}/${regex.flags} matched ${JSON.stringify(line)} at ${m.index}`);
      }
    }
    expect(ruledOut).toBeGreaterThan(10_000);
  });
});
