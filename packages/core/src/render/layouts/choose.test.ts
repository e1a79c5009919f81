import { expect, test } from "bun:test";
import { buildSiteIndex } from "../../content/index-builder.ts";
import { doc, testConfig } from "../../content/test-support.ts";
import { pointRange } from "../../model/range.ts";
import { chooseLayout, layoutTemplateDirs } from "./choose.ts";

const { index } = buildSiteIndex(
  [doc("content/a.md", { layout: "wide" }), doc("content/b.md", { layout: "psot", type: "post" })],
  testConfig(),
  { drafts: false },
);
const names = ["base", "page", "partials/toc", "post", "wide"];

test("an existing layout is used; a missing one falls back with a diagnostic at its range", () => {
  expect(chooseLayout(index.pages.get("content/a.md")!, names)).toEqual({ name: "wide", diagnostic: null });
  const b = chooseLayout(index.pages.get("content/b.md")!, names, pointRange(1, 8, 4));
  expect(b.name).toBe("page");
  expect(b.diagnostic).toMatchObject({
    code: "layout.not-found",
    file: "content/b.md",
    range: pointRange(1, 8, 4),
    hint: 'Did you mean "post"? Available layouts: base, page, post, wide.',
  });
});

test("template folders: the site's first, each once", () => {
  expect(layoutTemplateDirs("/s", ["/s/themes/t", "/s/themes/t"])).toEqual([
    "/s/templates",
    "/s/themes/t/templates",
  ]);
});
