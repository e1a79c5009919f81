import { describe, expect, test } from "bun:test";
import { type OutputSite, resolveOutputLink } from "./output-links.ts";

const site: OutputSite = {
  files: new Set([
    "index.html",
    "docs/index.html",
    "docs/intro/index.html",
    "old/index.html",
    "plain.html",
    "assets/style.1234.css",
    "images/logo.png",
    "rss.xml",
  ]),
  idsOf: (path) =>
    ({
      "docs/intro/index.html": new Set(["install", "caf\u00e9"]),
      "index.html": new Set(["main"]),
      "plain.html": new Set<string>(),
    })[path],
  redirects: new Map([["old/index.html", "docs/intro/index.html"]]),
};

const at = (href: string, page = "/docs/", baseurl = "") => resolveOutputLink(site, baseurl, page, href);

describe("resolveOutputLink", () => {
  test("pretty URLs with and without a trailing slash, index.html, relative paths and files", () => {
    for (const href of [
      "/docs/intro/",
      "/docs/intro",
      "/docs/intro/index.html",
      "intro/",
      "../docs/intro/",
      "./",
    ]) {
      expect([href, at(href).kind]).toEqual([href, "ok"]);
    }
    expect(at("/plain").kind).toBe("ok");
    expect(at("/assets/style.1234.css?v=2").kind).toBe("ok");
    expect(at("../images/logo.png").kind).toBe("ok");
    expect(at("")).toEqual({ kind: "ok", path: "" });
  });

  test("missing pages and files give the site URL that was looked for", () => {
    expect(at("/docs/nope/")).toEqual({ kind: "missing", url: "/docs/nope/", unprefixed: false });
    expect(at("logo.png")).toEqual({ kind: "missing", url: "/docs/logo.png", unprefixed: false });
    expect(at("/assets/style.css")).toEqual({ kind: "missing", url: "/assets/style.css", unprefixed: false });
  });

  test("fragments are checked against the target's ids, through alias redirects too", () => {
    expect(at("/docs/intro/#install").kind).toBe("ok");
    expect(at("intro/#caf%C3%A9").kind).toBe("ok");
    expect(at("/old/#install").kind).toBe("ok");
    expect(at("/docs/intro/#nope")).toMatchObject({
      kind: "no-anchor",
      url: "/docs/intro/",
      fragment: "nope",
    });
    expect(at("#main", "/").kind).toBe("ok");
    expect(at("#gone", "/")).toMatchObject({ kind: "no-anchor", url: "/", fragment: "gone" });
    expect(at("/rss.xml#x").kind).toBe("ok");
    expect(at("/docs/#anything").kind).toBe("ok");
  });

  test("a path baseurl must prefix internal links", () => {
    expect(at("/site/docs/intro/#install", "/site/docs/", "/site").kind).toBe("ok");
    expect(at("intro/", "/docs/", "/site").kind).toBe("ok");
    expect(at("/docs/intro/", "/docs/", "/site")).toEqual({
      kind: "missing",
      url: "/docs/intro/",
      unprefixed: true,
    });
  });

  test("absolute links to the site's own origin and prefix are internal", () => {
    const base = "https://example.com/site";
    expect(at("https://example.com/site/docs/intro/", "/", base).kind).toBe("ok");
    expect(at("https://example.com/site/docs/gone/", "/", base)).toMatchObject({
      kind: "missing",
      url: "/docs/gone/",
    });
    expect(at("https://example.com/other/", "/", base)).toEqual({
      kind: "external",
      url: "https://example.com/other/",
    });
    expect(at("https://bun.sh/docs", "/", base)).toEqual({ kind: "external", url: "https://bun.sh/docs" });
    expect(at("//cdn.example.org/x.js")).toEqual({ kind: "external", url: "http://cdn.example.org/x.js" });
  });

  test("other schemes are not links to check", () => {
    for (const href of ["mailto:a@b.c", "tel:+1", "data:image/png;base64,AA", "javascript:void(0)"]) {
      expect(at(href).kind).toBe("ignored");
    }
  });
});
