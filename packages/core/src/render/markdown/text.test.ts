import { describe, expect, test } from "bun:test";
import { escapeHtml } from "./text.ts";

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
});
