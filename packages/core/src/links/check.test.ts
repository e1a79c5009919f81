import { expect, test } from "bun:test";
import { buildSiteIndex } from "../content/index-builder.ts";
import { doc, testConfig } from "../content/test-support.ts";
import { pointRange } from "../model/range.ts";
import type { LinkRef } from "../model/render.ts";
import { checkLinks } from "./check.ts";

const { index } = buildSiteIndex(
  [
    doc("content/docs/intro.md", { title: "Intro", tags: ["go"] }),
    doc("content/docs/setup.md", { title: "Setup" }),
    doc("content/wip.md", { title: "WIP", draft: true }),
  ],
  testConfig(),
  { drafts: false },
);
const files = { exists: (p: string) => p === "static/logo.png" };
const anchors = new Map([
  ["content/docs/intro.md", new Set(["install", "usage"])],
  ["content/docs/setup.md", new Set(["steps"])],
]);

function check(...hrefs: Array<string | [string, LinkRef["kind"]]>) {
  const links: LinkRef[] = hrefs.map((h, i) => {
    const [href, kind] = typeof h === "string" ? [h, "link" as const] : h;
    return { kind, href, range: pointRange(i, 1, href.length) };
  });
  return checkLinks({ index, pages: [{ sourcePath: "content/docs/setup.md", links }], anchors, files });
}

test("valid links give nothing", () => {
  expect(
    check(
      "intro.md#install",
      "/docs/intro/#usage",
      "#steps",
      "https://x.org/#nope",
      "/tags/go/#anything",
      ["/logo.png", "image"],
      "",
      "#",
    ),
  ).toEqual([]);
});

test("missing pages, with a suggestion and the link's range", () => {
  const [a, b] = check("/docs/intr/", "../docs/intrro.md");
  expect(a!.code).toBe("link.no-such-page");
  expect(a!.file).toBe("content/docs/setup.md");
  expect(a!.range).toEqual(pointRange(0, 1, 11));
  expect(a!.message).toContain("/docs/intr/");
  expect(a!.hint).toBe("Did you mean /docs/intro/?");
  expect(b!.code).toBe("link.no-such-page");
  expect(b!.hint).toBe("Did you mean intro.md?");
  expect(b!.range).toEqual(pointRange(1, 1, 17));
});

test("anchors on the same page and on other pages", () => {
  const out = check("#step", "intro.md#instal", "/docs/intro/#missing-entirely");
  expect(out.map((d) => [d.code, d.range.start.line])).toEqual([
    ["link.no-such-anchor", 0],
    ["link.no-such-anchor", 1],
    ["link.no-such-anchor", 2],
  ]);
  expect(out[0]!.hint).toBe("Did you mean #steps?");
  expect(out[1]!.message).toContain("/docs/intro/");
  expect(out[1]!.hint).toBe("Did you mean #install?");
  expect(out[0]!.severity).toBe("warning");
});

test("missing files and draft targets", () => {
  const out = check(["/nope.png", "image"], ["shot.png", "image"], "../wip.md", "/wip/");
  expect(out.map((d) => d.code)).toEqual([
    "link.no-such-file",
    "link.no-such-file",
    "link.draft-page",
    "link.draft-page",
  ]);
  expect(out[1]!.message).toContain("content/docs/shot.png");
  expect(out[2]!.severity).toBe("warning");
  expect(out[2]!.message).toContain("content/wip.md");
});

test("pages without known anchors are not anchor-checked", () => {
  const out = checkLinks({
    index,
    pages: [
      {
        sourcePath: "content/docs/intro.md",
        links: [{ kind: "link", href: "setup.md#x", range: pointRange(0, 0) }],
      },
    ],
    anchors: new Map(),
    files,
  });
  expect(out).toEqual([]);
});
