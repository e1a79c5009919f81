import { describe, expect, test } from "bun:test";
import type { ParsedDocument } from "../model/page.ts";
import { buildSiteIndex } from "./index-builder.ts";
import { type IndexBasis, keepEqualPages, patchIndex } from "./index-reuse.ts";
import { doc, testConfig } from "./test-support.ts";

const config = testConfig();
const site = [
  doc("content/_index.md", { title: "Home" }, { body: "Welcome." }),
  doc("content/blog/a.md", { title: "A", tags: ["x"], date: new Date("2025-01-02") }, { body: "Alpha." }),
  doc("content/blog/b.md", { title: "B", tags: ["x", "y"] }, { body: "Beta." }),
  doc("content/blog/c.md", { title: "C", draft: true }, { body: "Draft." }),
];

function basisOf(docs: ParsedDocument[]): IndexBasis {
  const built = buildSiteIndex(docs, config, { drafts: false });
  return { docs: new Map(docs.map((d) => [d.path, d])), ...built, settings: "s" };
}

const replace = (docs: ParsedDocument[], path: string, next: ParsedDocument) =>
  docs.map((d) => (d.path === path ? next : d));

describe("patchIndex", () => {
  test("a body edit replaces that page's body and keeps every other object of the index", () => {
    const basis = basisOf(site);
    const edited = { ...site[1]!, body: "Alpha, edited." };
    const docs = replace(site, "content/blog/a.md", edited);
    const patched = patchIndex(basis, docs, config, "s")!;
    expect(patched).not.toBeNull();
    expect(patched.index.pages.get("content/blog/a.md")!.body).toBe("Alpha, edited.");
    expect(patched.index.pages.get("content/blog/b.md")).toBe(basis.index.pages.get("content/blog/b.md")!);
    expect(patched.index.targets).toBe(basis.index.targets);
    // Equal to an index built from scratch, page for page.
    const fresh = buildSiteIndex(docs, config, { drafts: false }).index;
    expect([...patched.index.pages]).toEqual([...fresh.pages]);
    expect(patched.index.taxonomies).toEqual(fresh.taxonomies);
    expect(patched.index.targets).toEqual(fresh.targets);
  });

  test("unchanged documents give the same index with the new config object", () => {
    const basis = basisOf(site);
    const next = testConfig();
    const patched = patchIndex(basis, [...site], next, "s")!;
    expect(patched.index.config).toBe(next);
    expect(patched.index.pages).toBe(basis.index.pages);
  });

  test("front matter, an added or removed file, or other settings mean a full rebuild", () => {
    const basis = basisOf(site);
    const retitled = { ...site[1]!, frontMatter: { ...site[1]!.frontMatter, title: "A2" } };
    expect(patchIndex(basis, replace(site, "content/blog/a.md", retitled), config, "s")).toBeNull();
    const redated = { ...site[1]!, frontMatter: { ...site[1]!.frontMatter, date: new Date("2025-01-03") } };
    expect(patchIndex(basis, replace(site, "content/blog/a.md", redated), config, "s")).toBeNull();
    const moved = { ...site[1]!, bodyLine: site[1]!.bodyLine + 1 };
    expect(patchIndex(basis, replace(site, "content/blog/a.md", moved), config, "s")).toBeNull();
    expect(patchIndex(basis, [...site, doc("content/blog/d.md")], config, "s")).toBeNull();
    expect(patchIndex(basis, site.slice(1), config, "s")).toBeNull();
    expect(patchIndex(basis, [...site.slice(0, 3), doc("content/blog/e.md")], config, "s")).toBeNull();
    expect(patchIndex(basis, [...site], config, "other")).toBeNull();
  });

  test("a draft left out of the build: its body edit changes no page", () => {
    const basis = basisOf(site);
    const edited = { ...site[3]!, body: "Still a draft." };
    const patched = patchIndex(basis, replace(site, "content/blog/c.md", edited), config, "s")!;
    expect(patched.index.pages.has("content/blog/c.md")).toBe(false);
    expect(patched.index.drafts.has("content/blog/c.md")).toBe(true);
  });
});

describe("keepEqualPages", () => {
  test("after a title edit only the edited page is a new object; every equal page is the old one", () => {
    const before = buildSiteIndex(site, config, { drafts: false }).index;
    const retitled = doc("content/blog/b.md", { title: "B, renamed", tags: ["x", "y"] }, { body: "Beta." });
    const fresh = buildSiteIndex(replace(site, "content/blog/b.md", retitled), config, {
      drafts: false,
    }).index;
    const kept = keepEqualPages(before, fresh);
    expect(kept.pages.get("content/blog/b.md")).toBe(fresh.pages.get("content/blog/b.md")!);
    expect(kept.pages.get("content/blog/b.md")!.title).toBe("B, renamed");
    expect(kept.pages.get("content/blog/a.md")).toBe(before.pages.get("content/blog/a.md")!);
    expect(kept.pages.get("content/_index.md")).toBe(before.pages.get("content/_index.md")!);
    expect([...kept.pages.keys()]).toEqual([...fresh.pages.keys()]);
    expect(kept.sections).toBe(fresh.sections);
  });

  test("a Date and its ISO string, or a reordered list, are not equal", () => {
    const dated = doc(
      "content/blog/a.md",
      { title: "A", tags: ["x"], date: new Date("2025-01-02") },
      {
        body: "Alpha.",
      },
    );
    const withDate = { ...dated, frontMatter: { ...dated.frontMatter, params: { when: new Date(0) } } };
    const withIso = {
      ...dated,
      frontMatter: { ...dated.frontMatter, params: { when: new Date(0).toISOString() } },
    };
    const one = buildSiteIndex(replace(site, "content/blog/a.md", withDate), config, { drafts: false }).index;
    const two = buildSiteIndex(replace(site, "content/blog/a.md", withIso), config, { drafts: false }).index;
    expect(keepEqualPages(one, two).pages.get("content/blog/a.md")).toBe(two.pages.get("content/blog/a.md")!);
    const reordered = doc("content/blog/b.md", { title: "B", tags: ["y", "x"] }, { body: "Beta." });
    const three = buildSiteIndex(replace(site, "content/blog/b.md", reordered), config, {
      drafts: false,
    }).index;
    const base = buildSiteIndex(site, config, { drafts: false }).index;
    expect(keepEqualPages(base, three).pages.get("content/blog/b.md")).toBe(
      three.pages.get("content/blog/b.md")!,
    );
  });
});
