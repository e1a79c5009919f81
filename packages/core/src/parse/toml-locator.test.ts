import { describe, expect, test } from "bun:test";
import { locateToml } from "./toml-locator.ts";

const at = (line: number, character: number) => ({ line, character });

describe("locateToml", () => {
  const text = [
    'title = "Top" # comment',
    "[site]",
    "  author = 'Me'",
    "[markdown.highlight]",
    "enabled = true",
    "[[menu.main]]",
    'name = "A"',
    "[[menu.main]]",
    'name = "B"',
    "[menu.main.extra]",
    "deep = 1",
    'tags = ["x", { k = 2 }]',
    'multi = """',
    "a",
    '"""',
    "after = 2025-10-01 # date",
    'site.dotted = "d"',
  ].join("\n");
  const loc = locateToml(text);

  test("top-level values exclude comments", () => {
    expect(loc.value(["title"])).toEqual({ start: at(0, 8), end: at(0, 13) });
    expect(loc.key(["title"])).toEqual({ start: at(0, 0), end: at(0, 5) });
  });

  test("tables, nested headers and indentation", () => {
    expect(loc.value(["site", "author"])!.start).toEqual(at(2, 11));
    expect(loc.value(["markdown", "highlight", "enabled"])!.start).toEqual(at(4, 10));
    expect(loc.key(["markdown", "highlight"])).toEqual({ start: at(3, 1), end: at(3, 19) });
  });

  test("arrays of tables are indexed per occurrence", () => {
    expect(loc.value(["menu", "main", 0, "name"])!.start).toEqual(at(6, 7));
    expect(loc.value(["menu", "main", 1, "name"])!.start).toEqual(at(8, 7));
    expect(loc.value(["menu", "main", 1])!.start).toEqual(at(7, 0));
    expect(loc.value(["menu", "main", 1, "extra", "deep"])!.start).toEqual(at(10, 7));
  });

  test("array items, inline tables, multi-line strings and dates", () => {
    expect(loc.value(["menu", "main", 1, "extra", "tags", 1, "k"])!.start).toEqual(at(11, 19));
    expect(loc.value(["menu", "main", 1, "extra", "multi"])).toEqual({ start: at(12, 8), end: at(14, 3) });
    expect(loc.value(["menu", "main", 1, "extra", "after"])).toEqual({ start: at(15, 8), end: at(15, 18) });
    expect(loc.value(["menu", "main", 1, "extra", "site", "dotted"])!.start).toEqual(at(16, 14));
  });

  test("unknown paths are null", () => {
    expect(loc.value(["nope"])).toBeNull();
  });
});
