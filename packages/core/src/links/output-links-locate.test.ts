import { expect, test } from "bun:test";
import { baseurlPath } from "../content/urls.ts";
import { locateByUrl, locateOnPage } from "./output-links.ts";

/** mulberry32: seeded, so a failing case can be reproduced. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASEURLS = ["", "/docs", "https://example.org", "https://example.org/docs/", "//cdn.example.com/x"];
// Characters URL parsing keeps, escapes, strips or treats specially, in fragments and paths.
const CHARS = "abcXYZ019-_.~!$&'()*+,;=:@/?#% \t\"<>`{}|\\^éü😀[]";
const PAGES = [
  "/",
  "/a/",
  "/area-01/topic-3/page-09923/",
  "/a/b.html",
  "/x y/",
  "/é/",
  "/a/../b/",
  "/./",
  "/a%20b/",
];

test("a fragment-only href located on the page leads where URL parsing says it leads", () => {
  const random = rng(20261129);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  let fast = 0;
  for (let i = 0; i < 20_000; i++) {
    const baseurl = pick(BASEURLS);
    const pageUrl =
      random() < 0.8 ? pick(PAGES) : `/${Array.from({ length: 6 }, () => pick([...CHARS])).join("")}/`;
    const length = Math.floor(random() * 12);
    const raw = `#${Array.from({ length }, () => pick([...CHARS])).join("")}`.trim();
    const located = locateOnPage(baseurlPath(baseurl), pageUrl, raw);
    if (located === null) continue;
    fast++;
    expect({ baseurl, pageUrl, raw, located }).toEqual({
      baseurl,
      pageUrl,
      raw,
      located: locateByUrl(baseurl, pageUrl, raw),
    });
  }
  // Most plain table-of-contents links take the fast way.
  expect(fast).toBeGreaterThan(1_000);
  expect(locateOnPage("", "/a/", "#setup-and-usage")).toEqual({ path: "/a/", fragment: "setup-and-usage" });
  expect(locateOnPage("", "/a/", "#a b")).toBeNull();
  expect(locateOnPage("", "/é/", "#x")).toBeNull();
  expect(locateOnPage("", "/a/", "/a/#x")).toBeNull();
});
