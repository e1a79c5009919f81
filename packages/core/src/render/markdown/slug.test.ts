import { describe, expect, test } from "bun:test";
import { createSlugger, slugify } from "./slug.ts";

describe("slugify", () => {
  test("lowercases and turns spaces into dashes", () => {
    expect(slugify("Getting Started")).toBe("getting-started");
  });
  test("strips punctuation but keeps - and _", () => {
    expect(slugify("What's new? (v2.0) — snake_case & kebab-case!")).toBe(
      "whats-new-v20--snake_case--kebab-case",
    );
  });
  test("keeps unicode letters", () => {
    expect(slugify("Über Café 日本語")).toBe("über-café-日本語");
  });
});

describe("createSlugger", () => {
  test("makes duplicates unique like GitHub", () => {
    const s = createSlugger();
    expect([s.slug("Intro"), s.slug("Intro"), s.slug("Intro")]).toEqual(["intro", "intro-1", "intro-2"]);
  });
  test("avoids a suffix already taken by a real heading", () => {
    const s = createSlugger();
    expect([s.slug("a"), s.slug("a-1"), s.slug("a")]).toEqual(["a", "a-1", "a-2"]);
  });
  test("reserved ids push headings to a suffix", () => {
    const s = createSlugger();
    s.reserve("setup");
    expect(s.slug("Setup")).toBe("setup-1");
  });
  test("empty slugs fall back to section", () => {
    const s = createSlugger();
    expect([s.slug("!!!"), s.slug("?")]).toEqual(["section", "section-1"]);
  });
});
