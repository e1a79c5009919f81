import { describe, expect, test } from "bun:test";
import { EmulatedRegExp } from "oniguruma-to-es";
import { PRELOADED_LANGUAGES } from "./highlighter.ts";
import { literalsOf, requiredLiterals } from "./literals.ts";
import {
  anchorVariants,
  buildRegexTable,
  loadRegexTable,
  tableRegex,
  toRegex,
  translate,
} from "./regex-table.ts";
import { TableRegExp } from "./table-regexp.ts";
import { SAMPLES } from "./test-samples.ts";

const table = await loadRegexTable();

describe("regex table", () => {
  test("the shipped table is current: every entry and its literals are what live translation gives (`bun run` regex-table.ts)", async () => {
    const fresh = await buildRegexTable(PRELOADED_LANGUAGES, SAMPLES);
    expect(table.size).toBe(Object.keys(fresh.entries).length);
    for (const [pattern, entry] of Object.entries(fresh.entries)) {
      expect(JSON.stringify(table.get(pattern))).toBe(JSON.stringify(entry));
      expect(literalsOf(tableRegex(pattern, entry)!)).toEqual(fresh.literals[pattern] ?? []);
    }
  });

  test("a table regex carries the literals its own source and flags give", () => {
    let withClauses = 0;
    for (const [pattern, entry] of table) {
      const regex = tableRegex(pattern, entry)!;
      const live = requiredLiterals(regex.source, regex.flags);
      expect(literalsOf(regex)).toEqual(live);
      if (live.length > 0) withClauses++;
    }
    expect(withClauses).toBeGreaterThan(100);
  });

  test("an entry builds the regex translation would, subclass included", () => {
    const plain = translate("\\b(fn)\\s+([[:alpha:]_]\\w*)")!;
    expect(plain).toHaveLength(2);
    expect(toRegex(plain).exec("pub fn main")?.[2]).toBe("main");
    // A possessive quantifier needs a RegExp subclass that hides its helper group.
    const emulated = translate("\\s*+(//)")!;
    expect(emulated).toHaveLength(3);
    const m = toRegex(emulated).exec("  // c");
    expect([m?.index, m?.[1], m?.length]).toEqual([0, "//", 2]);
  });

  test("the table's RegExp subclass matches as oniguruma-to-es's does, entry by entry", () => {
    const lines = [...Object.values(SAMPLES).flatMap((code) => code.split("\n")), "", "  // c", "a\uFFFFb"];
    let compared = 0;
    for (const [, entry] of table) {
      if (entry.length !== 3) continue;
      const ours = toRegex(entry);
      expect(ours).toBeInstanceOf(TableRegExp);
      const theirs = new EmulatedRegExp(entry[0], entry[1], entry[2]);
      expect(ours.source).toBe(theirs.source);
      for (const line of lines) {
        for (const start of [0, 1, Math.floor(line.length / 2)]) {
          ours.lastIndex = start;
          theirs.lastIndex = start;
          const a = ours.exec(line);
          const b = theirs.exec(line);
          expect(a === null ? null : { m: [...a], i: a.index, d: a.indices && [...a.indices] }).toEqual(
            b === null ? null : { m: [...b], i: b.index, d: b.indices && [...b.indices] },
          );
          expect(ours.lastIndex).toBe(theirs.lastIndex);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  test("patterns with \\A or \\G come with the variants vscode-textmate compiles", () => {
    expect(anchorVariants("\\G(a)\\\\A|\\A")).toEqual([
      "\\\uFFFF(a)\\\\A|\\\uFFFF",
      "\\G(a)\\\\A|\\\uFFFF",
      "\\\uFFFF(a)\\\\A|\\A",
      "\\G(a)\\\\A|\\A",
    ]);
    expect(anchorVariants("^ab")).toEqual([]);
    // An escaped backslash before G is no anchor.
    expect(new Set(anchorVariants("^a\\\\G"))).toEqual(new Set(["^a\\\\G"]));
    const anchored = [...table.keys()].filter((p) => /\\[AG]/.test(p));
    expect(anchored.length).toBeGreaterThan(50);
    for (const pattern of anchored)
      for (const variant of anchorVariants(pattern))
        expect(table.has(variant) || translate(variant) === null).toBe(true);
  });

  test("highlighting every preloaded language's sample never loads the translator", async () => {
    const script = `
      const { createHighlighter } = await import(${JSON.stringify(new URL("./highlighter.ts", import.meta.url).pathname)});
      const { SAMPLES } = await import(${JSON.stringify(new URL("./test-samples.ts", import.meta.url).pathname)});
      const h = await createHighlighter({ enabled: true, light: "github-light", dark: "github-dark", line_numbers: false });
      for (const [lang, code] of Object.entries(SAMPLES)) await h.highlight(code, lang);
      console.log(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes("oniguruma-to-es/dist"))));
    `;
    const proc = Bun.spawn([process.execPath, "-e", script], { stdout: "pipe", stderr: "inherit" });
    const out = await new Response(proc.stdout).text();
    expect(await proc.exited).toBe(0);
    expect(JSON.parse(out.trim().split("\n").at(-1)!)).toEqual([]);
  });
});
