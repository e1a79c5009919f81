import { describe, expect, test } from "bun:test";
import { PRELOADED_LANGUAGES } from "./highlighter.ts";
import { buildRegexTable, loadRegexTable, toRegex, translate } from "./regex-table.ts";

describe("regex table", () => {
  test("the shipped table is current: every entry is what live translation gives (`bun run` regex-table.ts)", async () => {
    const shipped = await loadRegexTable();
    const fresh = await buildRegexTable(PRELOADED_LANGUAGES);
    expect(shipped.size).toBe(Object.keys(fresh.entries).length);
    for (const [pattern, entry] of Object.entries(fresh.entries)) {
      expect(JSON.stringify(shipped.get(pattern))).toBe(JSON.stringify(entry));
    }
  });

  test("an entry builds the regex translation would, subclass included", () => {
    const plain = translate("\\b(fn)\\s+([[:alpha:]_]\\w*)")!;
    expect(plain).toHaveLength(2);
    expect(toRegex(plain).exec("pub fn main")?.[2]).toBe("main");
    // A possessive quantifier needs oniguruma-to-es's RegExp subclass, which hides its helper group.
    const emulated = translate("\\s*+(//)")!;
    expect(emulated).toHaveLength(3);
    const m = toRegex(emulated).exec("  // c");
    expect([m?.index, m?.[1], m?.length]).toEqual([0, "//", 2]);
  });
});
