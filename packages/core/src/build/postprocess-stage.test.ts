import { describe, expect, test } from "bun:test";
import { buildSiteIndex } from "../content/index-builder.ts";
import { doc, testConfig } from "../content/test-support.ts";
import type { SiteConfig } from "../model/config.ts";
import {
  type PostprocessInput,
  type PostprocessTask,
  postprocess,
  postprocessTasks,
} from "./postprocess-stage.ts";

function input(
  build: Partial<SiteConfig["build"]> = {},
  extra: Partial<PostprocessInput> = {},
): PostprocessInput {
  const config = testConfig({ site: { baseurl: "https://example.com" }, build });
  const { index } = buildSiteIndex(
    [
      doc("content/a.md", { title: "A", date: new Date("2025-01-02T00:00:00Z"), aliases: ["/old-a/"] }),
      doc("content/b.md", { title: "B", date: new Date("2025-01-01T00:00:00Z") }),
    ],
    config,
    { drafts: false },
  );
  return {
    index,
    rendered: new Map(),
    links: [],
    anchors: new Map(),
    files: { exists: () => false },
    ...extra,
  };
}

const paths = (r: { outputs: readonly { path: string }[] }) => r.outputs.map((o) => o.path).sort();

describe("postprocess", () => {
  test("writes every enabled file", async () => {
    const result = await postprocess(input());
    expect(paths(result)).toEqual(["atom.xml", "old-a/index.html", "robots.txt", "rss.xml", "sitemap.xml"]);
    expect(result.diagnostics).toEqual([]);
  });

  test("disabled tasks do not run and leave no file", async () => {
    const off = input({ generate_sitemap: false, generate_rss: false, validate_links: false });
    expect(postprocessTasks(off).map((t) => t.name)).toEqual(["robots", "aliases"]);
    expect(paths(await postprocess(off))).toEqual(["old-a/index.html", "robots.txt"]);
  });

  test("a task that throws is reported by name and the others still finish", async () => {
    const base = input();
    const boom: PostprocessTask = {
      name: "exploding",
      run: () => {
        throw new Error("kaboom");
      },
    };
    const later: PostprocessTask = {
      name: "slow",
      run: async () => ({ outputs: [{ path: "slow.txt", content: "x" }], diagnostics: [] }),
    };
    const result = await postprocess(base, [boom, ...postprocessTasks(base), later]);
    expect(paths(result)).toEqual([
      "atom.xml",
      "old-a/index.html",
      "robots.txt",
      "rss.xml",
      "sitemap.xml",
      "slow.txt",
    ]);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["postprocess.failed", "error", "exploding failed: kaboom"],
    ]);
  });

  test("an output that cannot be written fails its task by name; its other files and other tasks survive", async () => {
    const base = input({}, { outputs: [{ path: "index.html", content: "<p>home</p>" }] });
    const bad: PostprocessTask = {
      name: "bad-writer",
      run: () => ({
        outputs: [
          { path: "../escape.txt", content: "x" },
          { path: "/abs.txt", content: "x" },
          { path: "index.html", content: "clobber" },
          { path: "fine.txt", content: "ok" },
        ],
        diagnostics: [],
      }),
    };
    const result = await postprocess(base, [bad, ...postprocessTasks(base)]);
    expect(paths(result)).toContain("fine.txt");
    expect(paths(result)).toContain("sitemap.xml");
    expect(paths(result)).not.toContain("index.html");
    expect(result.diagnostics.filter((d) => d.code === "postprocess.failed").map((d) => d.message)).toEqual([
      "bad-writer failed: cannot write ../escape.txt: the path leaves the output folder",
      "bad-writer failed: cannot write /abs.txt: the path must be relative to the output folder",
      "bad-writer failed: cannot write index.html: another output already has this path",
    ]);
  });

  test("link validation sees the files the other tasks write", async () => {
    const html = (body: string) => `<!DOCTYPE html><html><body>${body}</body></html>`;
    const base = input(
      {},
      {
        outputs: [
          {
            path: "a/index.html",
            content: html('<a href="/rss.xml">rss</a><a href="/old-a/">old</a><a href="/nope/">x</a>'),
          },
          { path: "b/index.html", content: html('<a href="/sitemap.xml">map</a>') },
        ],
      },
    );
    const result = await postprocess(base);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
      ["link.no-such-page", "content/a.md", 'No page for "/nope/" (looked for /nope/), in the layout on /a/'],
    ]);
  });
});
