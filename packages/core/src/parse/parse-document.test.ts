import { describe, expect, test } from "bun:test";
import { parseDocument } from "./parse-document.ts";

const at = (line: number, character: number) => ({ line, character });
const FILE = "content/blog/post.md";

describe("parseDocument: YAML front matter", () => {
  test("types known fields, keeps the rest in params and records value ranges", () => {
    const text = [
      "---",
      "title: Hello",
      "date: 2025-10-01",
      "draft: true",
      "tags: [a, b]",
      "weight: 3",
      "hero: big.png",
      "---",
      "# Body",
      "",
    ].join("\n");
    const { doc, diagnostics } = parseDocument(FILE, text);
    expect(diagnostics).toEqual([]);
    expect(doc.format).toBe("yaml");
    expect(doc.frontMatter).toEqual({
      title: "Hello",
      date: new Date("2025-10-01T00:00:00Z"),
      draft: true,
      tags: ["a", "b"],
      weight: 3,
      params: { hero: "big.png" },
    });
    expect(doc.body).toBe("# Body\n");
    expect(doc.bodyLine).toBe(8);
    expect(doc.keyRanges.title).toEqual({ start: at(1, 7), end: at(1, 12) });
    expect(doc.keyRanges.tags).toEqual({ start: at(4, 6), end: at(4, 12) });
    expect(doc.keyRanges.hero!.start).toEqual(at(6, 6));
  });

  test("a YAML error points into the whole file and leaves the body", () => {
    const text = "---\ntitle: ok\ntags: [a, b]]\nx: 1\n---\nBody\n";
    const { doc, diagnostics } = parseDocument(FILE, text);
    expect(diagnostics.length).toBeGreaterThan(0);
    const d = diagnostics[0]!;
    expect(d.code).toBe("frontmatter.invalid-yaml");
    expect(d.severity).toBe("error");
    expect(d.file).toBe(FILE);
    // The stray `]` on the file's line 2, not line 1 of the front matter.
    expect(d.range).toEqual({ start: at(2, 12), end: at(2, 13) });
    expect(doc.frontMatter).toEqual({ params: {} });
    expect(doc.body).toBe("Body\n");
    expect(doc.bodyLine).toBe(5);
  });

  test("a scalar front matter is not a map", () => {
    const { doc, diagnostics } = parseDocument(FILE, "---\njust text\n---\nBody");
    expect(diagnostics.map((d) => d.code)).toEqual(["frontmatter.not-a-map"]);
    expect(diagnostics[0]!.range).toEqual({ start: at(1, 0), end: at(1, 9) });
    expect(doc.body).toBe("Body");
  });

  test("an unclosed fence is reported at the fence", () => {
    const { doc, diagnostics } = parseDocument(FILE, "---\ntitle: x\n\n# Heading\n");
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([
      ["frontmatter.unclosed", { start: at(0, 0), end: at(0, 3) }],
    ]);
    expect(doc.frontMatter).toEqual({ params: {} });
    expect(doc.body).toBe("title: x\n\n# Heading\n");
    expect(doc.bodyLine).toBe(1);
  });

  test("empty front matter is fine", () => {
    const { doc, diagnostics } = parseDocument(FILE, "---\n---\nText");
    expect(diagnostics).toEqual([]);
    expect(doc.body).toBe("Text");
    expect(doc.bodyLine).toBe(2);
  });
});

describe("parseDocument: TOML front matter", () => {
  test("parses +++ blocks with TOML dates", () => {
    const text =
      '+++\ntitle = "T"\ndate = 2025-10-01T10:00:00+02:00\nlastmod = 2025-10-02\ntags = "solo"\n+++\nBody';
    const { doc, diagnostics } = parseDocument(FILE, text);
    expect(diagnostics).toEqual([]);
    expect(doc.format).toBe("toml");
    expect(doc.frontMatter.title).toBe("T");
    expect(doc.frontMatter.date!.toISOString()).toBe("2025-10-01T08:00:00.000Z");
    expect(doc.frontMatter.lastmod!.toISOString()).toBe("2025-10-02T00:00:00.000Z");
    expect(doc.frontMatter.tags).toEqual(["solo"]);
    expect(doc.keyRanges.date).toEqual({ start: at(2, 7), end: at(2, 32) });
    expect(doc.body).toBe("Body");
  });

  test("a TOML error is reported at its line in the file", () => {
    const { doc, diagnostics } = parseDocument(FILE, '+++\ntitle = "ok"\ndraft = \n+++\nBody');
    expect(diagnostics.map((d) => d.code)).toEqual(["frontmatter.invalid-toml"]);
    expect(diagnostics[0]!.range.start.line).toBe(2);
    expect(doc.frontMatter).toEqual({ params: {} });
    expect(doc.body).toBe("Body");
  });

  test("a local datetime is read as UTC", () => {
    const { doc } = parseDocument(FILE, "+++\ndate = 2025-10-01T10:00:00\n+++\n");
    expect(doc.frontMatter.date!.toISOString()).toBe("2025-10-01T10:00:00.000Z");
  });
});

describe("parseDocument: encodings and line endings", () => {
  test("CRLF files keep exact positions and body", () => {
    const text = "---\r\ntitle: Win\r\ndate: nope\r\n---\r\nLine 1\r\nLine 2\r\n";
    const { doc, diagnostics } = parseDocument(FILE, text);
    expect(doc.frontMatter.title).toBe("Win");
    expect(doc.body).toBe("Line 1\r\nLine 2\r\n");
    expect(doc.bodyLine).toBe(4);
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([
      ["frontmatter.invalid-date", { start: at(2, 6), end: at(2, 10) }],
    ]);
  });

  test("a BOM is ignored", () => {
    const { doc, diagnostics } = parseDocument(FILE, "\uFEFF---\ntitle: Bom\n---\nText");
    expect(diagnostics).toEqual([]);
    expect(doc.format).toBe("yaml");
    expect(doc.frontMatter.title).toBe("Bom");
    expect(doc.keyRanges.title!.start).toEqual(at(1, 7));
  });

  test("no front matter: the whole text is the body", () => {
    const { doc, diagnostics } = parseDocument(FILE, "# Just markdown\n---\n");
    expect(diagnostics).toEqual([]);
    expect(doc.format).toBe("none");
    expect(doc.body).toBe("# Just markdown\n---\n");
    expect(doc.bodyLine).toBe(0);
  });
});

describe("parseDocument: field types", () => {
  test("date-only and zoned datetimes", () => {
    const { doc } = parseDocument(FILE, "---\ndate: 2025-10-01\nlastmod: 2025-10-01T10:00:00+02:00\n---\n");
    expect(doc.frontMatter.date!.toISOString()).toBe("2025-10-01T00:00:00.000Z");
    expect(doc.frontMatter.lastmod!.toISOString()).toBe("2025-10-01T08:00:00.000Z");
  });

  test("an unreadable date points at the value", () => {
    const { doc, diagnostics } = parseDocument(FILE, "---\ntitle: x\ndate: 2025-13-45\n---\n");
    expect(diagnostics.map((d) => [d.code, d.severity, d.range])).toEqual([
      ["frontmatter.invalid-date", "error", { start: at(2, 6), end: at(2, 16) }],
    ]);
    expect(doc.frontMatter.date).toBeUndefined();
  });

  test("tags must be a list of strings; a single string is wrapped", () => {
    const wrapped = parseDocument(FILE, "---\ntags: solo\ncategories: [1, two]\n---\n");
    expect(wrapped.diagnostics).toEqual([]);
    expect(wrapped.doc.frontMatter.tags).toEqual(["solo"]);
    expect(wrapped.doc.frontMatter.categories).toEqual(["1", "two"]);

    const number = parseDocument(FILE, "---\ntags: 5\n---\n");
    expect(number.diagnostics.map((d) => [d.code, d.message, d.range])).toEqual([
      [
        "frontmatter.invalid-type",
        "tags must be a list of strings, got number 5",
        { start: at(1, 6), end: at(1, 7) },
      ],
    ]);
    expect(number.doc.frontMatter.tags).toBeUndefined();

    const map = parseDocument(FILE, "---\ntags:\n  - ok\n  - {a: 1}\n---\n");
    expect(map.diagnostics.map((d) => [d.code, d.range.start])).toEqual([
      ["frontmatter.invalid-type", at(3, 4)],
    ]);
    expect(map.doc.frontMatter.tags).toEqual(["ok"]);
  });

  test("booleans and numbers are checked; numeric titles become strings", () => {
    const { doc, diagnostics } = parseDocument(FILE, "---\ntitle: 404\ndraft: maybe\nweight: heavy\n---\n");
    expect(doc.frontMatter.title).toBe("404");
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ["frontmatter.invalid-type", 2],
      ["frontmatter.invalid-type", 3],
    ]);
  });

  test("typos of known keys get an info; other unknown keys are silent params", () => {
    const { doc, diagnostics } = parseDocument(
      FILE,
      "---\ntitel: A\ntag: [x]\ndates: 2025-01-01\nname: free\nauthor: me\n---\n",
    );
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.start.line])).toEqual([
      ["frontmatter.unknown-key", "info", 1],
      ["frontmatter.unknown-key", "info", 2],
      ["frontmatter.unknown-key", "info", 3],
    ]);
    expect(diagnostics[0]!.message).toContain("did you mean `title`?");
    expect(diagnostics[1]!.message).toContain("did you mean `tags`?");
    expect(diagnostics[2]!.message).toContain("did you mean `date`?");
    expect(doc.frontMatter.params).toEqual({
      titel: "A",
      tag: ["x"],
      dates: "2025-01-01",
      name: "free",
      author: "me",
    });
  });

  test("requireTitle reports a missing title", () => {
    const missing = parseDocument(FILE, "---\ndraft: false\n---\n", { requireTitle: true });
    expect(missing.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["frontmatter.missing-title", "warning"],
    ]);
    expect(parseDocument(FILE, "no front matter", { requireTitle: true }).diagnostics).toHaveLength(1);
    expect(parseDocument(FILE, "---\ntitle: T\n---\n", { requireTitle: true }).diagnostics).toEqual([]);
    expect(parseDocument(FILE, "---\ndraft: false\n---\n").diagnostics).toEqual([]);
  });
});
