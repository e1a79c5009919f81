import { describe, expect, test } from "bun:test";
import { Marked } from "marked";
import { bengalSyntax } from "./extensions.ts";
import { setextPrefilter } from "./lex.ts";

/** Lines that make or break setext headings, alone and inside containers. */
const LINES = [
  "Some text",
  "Title",
  "a [link](x.md) here",
  "===",
  "---",
  "-",
  "=",
  "   ===",
  "    ===",
  "  ---  ",
  "\t---",
  "- - -",
  "***",
  "___",
  "= =",
  "text ==",
  "\\---",
  "- item",
  "-item",
  "1. item",
  "1) item",
  "> quote",
  "> ---",
  ">",
  "```",
  "~~~",
  "# heading",
  "#nospace",
  "######",
  "    code",
  "",
  "  ",
  "\t",
  "<div>",
  "</div>",
  "<!-- c -->",
  "| a | b |",
  "|---|---|",
  "!!! note",
  "> [!NOTE]",
  "[ref]: target.md",
  "[^1]: note",
  "Term{#id}",
  "\u00a0",
];

/** Deterministic so a failure names a reproducible document. */
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

function randomDoc(next: () => number): string {
  const prefixes = ["", "", "", "> ", "- ", "  ", "1. "];
  const out: string[] = [];
  const n = 1 + Math.floor(next() * 12);
  for (let i = 0; i < n; i++) {
    const prefix = prefixes[Math.floor(next() * prefixes.length)]!;
    out.push(prefix + LINES[Math.floor(next() * LINES.length)]!);
  }
  return out.join("\n") + (next() < 0.5 ? "\n" : "");
}

describe("setextPrefilter", () => {
  const plain = new Marked(bengalSyntax);
  const filtered = new Marked(bengalSyntax, setextPrefilter);
  const same = (doc: string) =>
    expect(JSON.stringify(filtered.lexer(doc))).toBe(JSON.stringify(plain.lexer(doc)));

  test("setext headings are still headings, and only where marked finds them", () => {
    const tokens = filtered.lexer("Title\n===\n\nSub\ntitle\n---\n\ntext\n\n---\n");
    expect(
      tokens.filter((t) => t.type === "heading").map((t) => [t.raw, (t as { depth: number }).depth]),
    ).toEqual([
      ["Title\n===", 1],
      ["Sub\ntitle\n---", 2],
    ]);
    expect(tokens.some((t) => t.type === "hr")).toBe(true);
  });

  test("lexes 4,000 random documents exactly as marked does without it", () => {
    const next = rng(7);
    let setext = 0;
    for (let i = 0; i < 4000; i++) {
      const doc = randomDoc(next);
      same(doc);
      if (
        /\n {0,3}(=+|-+)[ \t]*(\n|$)/.test(doc) &&
        plain.lexer(doc).some((t) => t.type === "heading" && !t.raw.startsWith("#"))
      )
        setext++;
    }
    // The documents must exercise the case the filter decides on.
    expect(setext).toBeGreaterThan(200);
  });

  test("long paragraphs with and without an underline", () => {
    const long = "Lorem ipsum dolor sit amet. ".repeat(200);
    same(`${long}\n`);
    same(`${long}\n${long}\n===\n`);
    same(`${long}\n- list\n---\n`);
    same(`> ${long}\n> ---\n`);
  });
});
