import { describe, expect, test } from "bun:test";
import { join, normalize, normalizeSegments, relative } from "./path.ts";

describe("normalize", () => {
  test("the shortcut for normal paths agrees with the segment rule on every combination of awkward pieces", () => {
    const pieces = [
      "",
      "/",
      "//",
      ".",
      "..",
      "a",
      "b.md",
      ".hidden",
      "..x",
      "x..",
      "\\",
      "a\\b",
      "./",
      "../",
      "/.",
    ];
    let checked = 0;
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const path = a + b + c;
          expect(normalize(path)).toBe(normalizeSegments(path));
          checked++;
        }
    expect(checked).toBe(pieces.length ** 3);
  });

  test("returns normal paths unchanged and fixes the rest", () => {
    expect(normalize("/site/content/a/b.md")).toBe("/site/content/a/b.md");
    expect(normalize("content/a.md")).toBe("content/a.md");
    expect(normalize("/")).toBe("/");
    expect(normalize("")).toBe(".");
    expect(normalize("a/")).toBe("a");
    expect(normalize("/a/./b/../c")).toBe("/a/c");
    expect(normalize("../a")).toBe("../a");
    expect(normalize("a\\b")).toBe("a/b");
    expect(join("/site", "public", "a/index.html")).toBe("/site/public/a/index.html");
    expect(relative("/site", "/site/content/a.md")).toBe("content/a.md");
  });
});
