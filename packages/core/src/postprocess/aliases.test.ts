import { describe, expect, test } from "bun:test";
import { Window } from "happy-dom";
import { renderAliasPage } from "./aliases.ts";

function parse(html: string) {
  const window = new Window();
  window.document.write(html);
  return window.document;
}

describe("renderAliasPage", () => {
  test("redirects, names the canonical URL and asks not to be indexed", () => {
    const doc = parse(renderAliasPage("https://example.com/blog/new/"));
    expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe(
      "0; url=https://example.com/blog/new/",
    );
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
      "https://example.com/blog/new/",
    );
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(doc.querySelector("body a")?.getAttribute("href")).toBe("https://example.com/blog/new/");
  });

  test("escapes the target so it cannot break out of attributes", () => {
    const target = '/a?x=1&y="2"<script>';
    const doc = parse(renderAliasPage(target));
    expect(doc.querySelector("script")).toBeNull();
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(target);
  });
});
