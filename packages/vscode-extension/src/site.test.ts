import { describe, expect, test } from "bun:test";
import { newPagePath, pickSiteRoot, sectionChoices, slugify } from "./site.ts";

describe("pickSiteRoot", () => {
  const configs = ["/w/bengal.toml", "/w/examples/docs/bengal.toml", "/w/other/bengal.yaml"];

  test("the deepest site holding the active file", () => {
    expect(pickSiteRoot(configs, "/w/examples/docs/content/a.md")).toBe("/w/examples/docs");
    expect(pickSiteRoot(configs, "/w/other/content/x.md")).toBe("/w/other");
  });

  test("without an active file inside a site: the shallowest site", () => {
    expect(pickSiteRoot(configs, "/elsewhere/x.md")).toBe("/w");
    expect(pickSiteRoot(["/w/b/bengal.toml", "/w/a/bengal.toml"], undefined)).toBe("/w/a");
    expect(pickSiteRoot([], undefined)).toBeNull();
  });

  test("a sibling folder sharing a prefix does not count as inside", () => {
    expect(pickSiteRoot(["/w/site/bengal.toml", "/w/bengal.toml"], "/w/site2/a.md")).toBe("/w");
  });
});

describe("new page", () => {
  test("slugs and paths", () => {
    expect(slugify("Hello, World!")).toBe("hello-world");
    expect(slugify("Crème brûlée")).toBe("creme-brulee");
    expect(slugify("???")).toBe("page");
    expect(newPagePath("blog", "My First Post")).toBe("blog/my-first-post");
    expect(newPagePath("", "About")).toBe("about");
  });

  test("sections: top level first, then sorted, deduplicated, POSIX", () => {
    expect(sectionChoices(["docs\\guides", "blog", "docs", "blog/"])).toEqual([
      "",
      "blog",
      "docs",
      "docs/guides",
    ]);
  });
});
