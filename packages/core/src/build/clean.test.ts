import { describe, expect, test } from "bun:test";
import { createMemoryHost } from "../host/memory-host.ts";
import { clean } from "./clean.ts";
import { BuildError } from "./options.ts";

const SITE = {
  "/site/content/index.md": "# Home\n",
  "/site/public/index.html": "<p>Home</p>",
  "/site/public/assets/app.css": "a{}",
  "/site/.bengal/outputs.json": "{}",
};

describe("clean", () => {
  test("removes the output folder and the cache, and leaves sources alone", async () => {
    const host = createMemoryHost({ ...SITE, "/site/bengal.toml": '[site]\ntitle = "T"\n' });
    const result = await clean({ root: "/site", host });
    expect(result).toEqual({ removed: ["/site/public", "/site/.bengal"], refused: [] });
    expect(host.paths()).toEqual(["/site/bengal.toml", "/site/content/index.md"]);
  });

  test("keeps the cache with keepCache and uses output_dir from the config", async () => {
    const host = createMemoryHost({
      ...SITE,
      "/site/bengal.toml": '[build]\noutput_dir = "dist"\n',
      "/site/dist/index.html": "x",
    });
    const result = await clean({ root: "/site", host, keepCache: true });
    expect(result.removed).toEqual(["/site/dist"]);
    expect(host.paths()).toContain("/site/public/index.html");
    expect(host.paths()).toContain("/site/.bengal/outputs.json");
  });

  test.each([
    [".", "output_dir is the site root itself"],
    ["..", "output_dir is outside the site root"],
    ["/elsewhere", "output_dir is outside the site root"],
    ["content/out", "output_dir is inside content/"],
    ["nested", "output_dir contains a content/ folder"],
  ])("refuses output_dir = %p", async (outputDir, reason) => {
    const host = createMemoryHost({
      ...SITE,
      "/site/bengal.toml": `[build]\noutput_dir = "${outputDir}"\n`,
      "/site/nested/content/a.md": "a",
      "/site/content/out/x.html": "x",
      "/elsewhere/keep.txt": "keep",
    });
    const result = await clean({ root: "/site", host });
    expect(result.refused.map((r) => r.reason)).toEqual([reason]);
    expect(result.removed).toEqual(["/site/.bengal"]);
    expect(host.paths()).toContain("/site/content/index.md");
    expect(host.paths()).toContain("/site/nested/content/a.md");
    expect(host.paths()).toContain("/elsewhere/keep.txt");
  });

  test("an unusable config throws BuildError and removes nothing", async () => {
    const host = createMemoryHost({ ...SITE, "/site/bengal.toml": "[build\n" });
    await expect(clean({ root: "/site", host })).rejects.toBeInstanceOf(BuildError);
    expect(host.paths()).toContain("/site/public/index.html");
  });
});
