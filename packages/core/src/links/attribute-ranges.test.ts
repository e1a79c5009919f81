import { describe, expect, test } from "bun:test";
import { attributeRanges, findAttribute } from "./link-report.ts";

const html = [
  "<header><a href=\"/a/\">A</a> <a href='/b/'>B</a></header>",
  '<main><a href="/q?x=1&amp;y=2">Q</a>',
  '<img src="/img.png" srcset="/img.png 1x, /img@2x.png 2x"><a href="/a/">A again</a></main>',
].join("\n");

describe("attributeRanges", () => {
  test("gives each href the range findAttribute gives it: the first attribute written with it", () => {
    const hrefs = ["/a/", "/b/", "/q?x=1&y=2", "/img.png", "/a/", "/nowhere/"];
    const ranges = attributeRanges(html, hrefs);
    for (const href of hrefs) expect(ranges[href] ?? null).toEqual(findAttribute(html, href, 0));
    expect(ranges["/a/"]).toEqual({ start: { line: 0, character: 17 }, end: { line: 0, character: 20 } });
    expect(ranges["/q?x=1&y=2"]?.start.line).toBe(1);
    expect("/nowhere/" in ranges).toBe(false);
  });
});
