import { describe, expect, test } from "bun:test";
import { scanCss } from "./css-scan.ts";

describe("scanCss", () => {
  test("finds both @import forms with their conditions", () => {
    const css =
      "@import url(\"a.css\");\n@import 'b.css' screen and (min-width: 40em);\n@import url(c.css) layer(base);\n";
    const refs = scanCss(css);
    expect(refs.map((r) => (r.kind === "import" ? [r.url, r.conditions] : null))).toEqual([
      ["a.css", ""],
      ["b.css", "screen and (min-width: 40em)"],
      ["c.css", "layer(base)"],
    ]);
    expect(css.slice(refs[1]!.start, refs[1]!.end)).toBe("@import 'b.css' screen and (min-width: 40em);");
  });

  test("finds url() tokens in every quoting style and keeps the quote", () => {
    const css = "a { background: url( x.png ), url('y z.png'), URL(\"w.png\") }";
    const urls = scanCss(css).map((r) =>
      r.kind === "url" ? [r.url, r.quote, css.slice(r.start, r.end)] : null,
    );
    expect(urls).toEqual([
      ["x.png", "", "url( x.png )"],
      ["y z.png", "'", "url('y z.png')"],
      ["w.png", '"', 'URL("w.png")'],
    ]);
  });

  test("ignores comments, strings, identifiers ending in url, and nested @import text", () => {
    const css = [
      '/* @import "no.css"; url(no.png) */',
      "a::after { content: \"url(no.png) @import 'no.css';\" }",
      "b { --myurl(x): 1; background: my-url(no.png) }",
      "@media print { @import 'no.css'; }",
      "c { background: url(yes.png) }",
    ].join("\n");
    expect(scanCss(css).map((r) => r.url)).toEqual(["yes.png"]);
  });
});
