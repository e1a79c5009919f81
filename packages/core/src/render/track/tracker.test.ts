import { describe, expect, test } from "bun:test";
import { buildSiteIndex } from "../../content/index-builder.ts";
import { doc, testConfig } from "../../content/test-support.ts";
import { createSiteView } from "../layouts/site-view.ts";
import { createTracker } from "./tracker.ts";

const { index } = buildSiteIndex(
  [doc("content/a.md", { title: "A" }), doc("content/b.md", { title: "B" })],
  testConfig(),
  { drafts: false },
);
const tracker = () =>
  createTracker({ index, assetValue: () => "-", layoutValue: () => "-", fileExists: () => false });

describe("tracker", () => {
  test("a render records the pages it reads, with their values", () => {
    const t = tracker();
    const { value, deps } = t.run(() => t.index.pages.get("content/a.md")?.title);
    expect(value).toBe("A");
    expect(Object.keys(deps)).toEqual(["meta:content/a.md"]);
  });

  test("reads made untracked inside a render are not its dependencies; the rest still are", () => {
    const t = tracker();
    const { deps } = t.run(() => {
      t.untracked(() => [...t.index.pages.values()].length);
      return t.index.pages.get("content/b.md")?.title;
    });
    expect(Object.keys(deps)).toEqual(["meta:content/b.md"]);
  });

  test("an excerpt served again still makes the render depend on the page's body", () => {
    const t = tracker();
    const site = createSiteView(t.index, { assetUrl: (p) => p, buildDate: new Date(0), generator: "test" });
    const excerpt = () => site.summary(t.index.pages.get("content/a.md")!);
    const first = t.run(excerpt);
    const again = t.run(excerpt);
    expect(again.value).toBe(first.value);
    expect(Object.keys(first.deps)).toEqual(["body:content/a.md", "meta:content/a.md"]);
    expect(again.deps).toEqual(first.deps);
  });
});
