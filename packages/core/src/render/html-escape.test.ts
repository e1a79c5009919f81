import { describe, expect, test } from "bun:test";
import { escapeHtml } from "./html-escape.ts";

describe("escapeHtml", () => {
  test("escapes the five HTML-special characters wherever they are, and nothing else", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
    );
    expect(escapeHtml("&&")).toBe("&amp;&amp;");
    expect(escapeHtml("x<")).toBe("x&lt;");
    expect(escapeHtml(">x")).toBe("&gt;x");
    expect(escapeHtml("été 😀 \n")).toBe("été 😀 \n");
    expect(escapeHtml("")).toBe("");
  });

  test("long strings (searched first) escape the same as short ones (scanned)", () => {
    const piece = `a<b & "c" 'd'> `;
    const long = piece.repeat(8);
    expect(long.length).toBeGreaterThan(32);
    expect(escapeHtml(long)).toBe(escapeHtml(piece).repeat(8));
    const plain = "plain text without anything to escape, long enough to be searched";
    expect(escapeHtml(plain)).toBe(plain);
    expect(escapeHtml(`${plain}&`)).toBe(`${plain}&amp;`);
  });
});
