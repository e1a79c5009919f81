import { expect, test } from "bun:test";
import { buildSiteIndex } from "../content/index-builder.ts";
import { doc, testConfig } from "../content/test-support.ts";
import { suggestAnchor, suggestPage } from "./suggest.ts";

const { index } = buildSiteIndex(
  [doc("content/docs/intro.md", { title: "Intro" }), doc("content/docs/setup.md", { title: "Setup" })],
  testConfig(),
  { drafts: false },
);

test("a missing page is matched as written: source path or URL", () => {
  expect(suggestPage(index, "content/docs/setup.md", "content/docs/intrro.md")).toBe("intro.md");
  expect(suggestPage(index, "content/blog/a.md", "content/docs/intro.mdx")).toBe("../docs/intro.md");
  expect(suggestPage(index, "content/docs/setup.md", "/docs/intr/")).toBe("/docs/intro/");
  expect(suggestPage(index, "content/docs/setup.md", "/zzzzzz/")).toBeNull();
});

test("a missing anchor gets the closest id", () => {
  expect(suggestAnchor(["install", "usage"], "instal")).toBe("install");
  expect(suggestAnchor(["install"], "nothing-like-it")).toBeNull();
});
