import { describe, expect, test } from "bun:test";
import { parseDocument as parseYaml } from "yaml";
import type { KeyPath } from "./locator.ts";
import { readSimpleYaml } from "./simple-yaml.ts";
import { locateYaml } from "./yaml-locator.ts";

const KEYS = [
  "title",
  "date",
  "tags",
  "draft",
  "weight",
  "x",
  "a_b",
  "k-1",
  "true",
  "null",
  "Title",
  "_x",
  "1x",
  "__proto__",
  "key ",
  "é",
];
const SCALARS = [
  "Hello",
  "Hello world",
  "Page 3-1",
  "2024-01-05",
  "2024-01-05T10:00:00+02:00",
  "true",
  "False",
  "TRUE",
  "yes",
  "null",
  "~",
  "Null",
  "1",
  "-0",
  "+12",
  "012",
  "0o17",
  "0x1F",
  "0x",
  "1_000",
  "1.5",
  "1.50",
  ".5",
  "1.",
  "1e3",
  "-2.5E-3",
  ".inf",
  "-.Inf",
  ".NaN",
  ".nan",
  "1e400",
  "99999999999999999999",
  "-",
  "-5",
  "- a",
  "a: b",
  "a:b",
  "a:",
  "'quoted'",
  "'it''s'",
  '"double"',
  '"esc \\" q"',
  '"a # b"',
  "a # comment",
  "a#b",
  "It's",
  'say "hi"',
  "[a, b]",
  "[]",
  "[ ]",
  "[a, b,]",
  "[a,b]",
  "[ 'x' , \"y\" ]",
  "[1, 2.5, true, null]",
  "[a: b]",
  "[a, [b]]",
  "{a: 1}",
  "&anchor x",
  "*alias",
  "!tag x",
  "|",
  ">",
  "@at",
  "`tick`",
  "%pct",
  "? q",
  ", comma",
  "a, b",
  "Über Straße",
  "日本語",
  "emoji 🎉",
  "🎉 first",
  "a  b",
  "a ]",
  "(paren)",
  "/path/x.png",
  "..",
  "...",
  "---x",
  "a\u00a0b",
  "\ufeffbom",
  "x\u0085y",
  "a\u2028b",
  "trailing  ",
  "\u00a0x",
  "\u2028x",
  "x\u00a0",
  "\u3000wide",
  "a\u3000",
  "\ud83c",
  "x\udc00",
  "-x",
  "~x",
  "+",
  "(a: b)",
  "a ,b",
  "",
];

/** Deterministic so a failure names a reproducible input. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomRaw(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const lines: string[] = [];
  const n = 1 + Math.floor(next() * 6);
  for (let i = 0; i < n; i++) {
    const r = next();
    const key = next() < 0.85 ? pick(KEYS.slice(0, 8)) : pick(KEYS);
    const gap = next() < 0.9 ? " " : pick(["", "  ", "\t"]);
    if (r < 0.6) lines.push(`${key}:${gap}${pick(SCALARS)}${next() < 0.1 ? "  " : ""}`);
    else if (r < 0.8) {
      lines.push(`${key}:${next() < 0.1 ? " " : ""}`);
      const indent = pick(["", "  ", "  ", "    "]);
      const items = Math.floor(next() * 4);
      for (let j = 0; j < items; j++) {
        lines.push(`${next() < 0.95 ? indent : " "}-${next() < 0.9 ? " " : "  "}${pick(SCALARS)}`);
        if (next() < 0.1) lines.push("");
      }
    } else if (r < 0.9) lines.push("");
    else
      lines.push(
        pick([
          "# comment",
          "  nested: x",
          "plain line",
          "---",
          "key: a\r",
          "? x",
          "- stray",
          "  continuation",
          "- 0",
          "...",
          "%YAML 1.2",
        ]),
      );
  }
  return `${lines.join("\n")}\n`;
}

/** Every path the front matter typing can ask about: keys, list items, and misses. */
function pathsOf(data: Record<string, unknown>): KeyPath[] {
  const paths: KeyPath[] = [[], ["missing"], ["title", 0], ["title", "x"]];
  for (const [key, value] of Object.entries(data)) {
    paths.push([key], [key, 0], [key, -1], [key, 1, 0], [key, "0"]);
    if (Array.isArray(value)) for (let i = 0; i <= value.length; i++) paths.push([key, i]);
  }
  return paths;
}

describe("readSimpleYaml", () => {
  test("reads typical front matter", () => {
    const raw =
      "title: Hello\ndate: 2024-01-05\ntags: [a, 'b']\ndraft: false\nweight: 3\naliases:\n  - /old/\n";
    expect(readSimpleYaml(raw)?.data).toEqual({
      title: "Hello",
      date: "2024-01-05",
      tags: ["a", "b"],
      draft: false,
      weight: 3,
      aliases: ["/old/"],
    });
    expect(readSimpleYaml(raw)?.locator.value(["tags", 1])).toEqual({
      start: { line: 2, character: 10 },
      end: { line: 2, character: 13 },
    });
  });

  test("declines what it does not read exactly", () => {
    for (const raw of [
      "a: 1 # c\n",
      "a:\n  b: 1\n",
      "a: &x 1\n",
      "a:\n",
      "a: 1\na: 2\n",
      'a: "\\n"\n',
      "a:\tb\n",
    ]) {
      expect(readSimpleYaml(raw)).toBeNull();
    }
  });

  test("agrees with the yaml package on 40,000 random front matters: values and every range", () => {
    const next = rng(Number(process.env.SIMPLE_YAML_SEED ?? 11));
    let accepted = 0;
    for (let i = 0; i < 40000; i++) {
      const raw = randomRaw(next);
      const fast = readSimpleYaml(raw);
      if (!fast) continue;
      accepted++;
      const doc = parseYaml(raw, { prettyErrors: false });
      expect({ raw, errors: doc.errors.length }).toEqual({ raw, errors: 0 });
      expect({ raw, data: fast.data }).toEqual({ raw, data: doc.toJS({ maxAliasCount: 1000 }) });
      const slow = locateYaml(doc, raw);
      for (const path of pathsOf(fast.data)) {
        expect({ raw, path, value: fast.locator.value(path), key: fast.locator.key(path) }).toEqual({
          raw,
          path,
          value: slow.value(path),
          key: slow.key(path),
        });
      }
    }
    // Enough inputs must take the fast path for the comparison to mean something.
    expect(accepted).toBeGreaterThan(4000);
  });
});
