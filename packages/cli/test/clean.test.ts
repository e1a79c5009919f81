import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { bengal, tempDir, writeFiles } from "./run.ts";

const SITE = {
  "bengal.toml": '[site]\ntitle = "T"\n',
  "content/_index.md": "# Home\n",
  "public/index.html": "<p>old</p>",
  "public/assets/a.css": "a{}",
  ".bengal/outputs.json": "{}",
};

describe("bengal clean", () => {
  test("removes public/ and .bengal/ but not content/", async () => {
    using dir = tempDir();
    writeFiles(dir.path, SITE);
    const r = await bengal(["clean"], { cwd: dir.path });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Removed public/");
    expect(existsSync(join(dir.path, "public"))).toBe(false);
    expect(existsSync(join(dir.path, ".bengal"))).toBe(false);
    expect(existsSync(join(dir.path, "content/_index.md"))).toBe(true);
    expect(existsSync(join(dir.path, "bengal.toml"))).toBe(true);
  });

  test("takes the site folder as an argument and keeps the cache with --keep-cache", async () => {
    using dir = tempDir();
    writeFiles(dir.path, Object.fromEntries(Object.entries(SITE).map(([k, v]) => [`site/${k}`, v])));
    const r = await bengal(["clean", "site", "--keep-cache"], { cwd: dir.path });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir.path, "site/public"))).toBe(false);
    expect(existsSync(join(dir.path, "site/.bengal/outputs.json"))).toBe(true);
  });

  test("refuses an output_dir that is the site root, and says why", async () => {
    using dir = tempDir();
    writeFiles(dir.path, { ...SITE, "bengal.toml": '[build]\noutput_dir = "."\n' });
    const r = await bengal(["clean", "--keep-cache"], { cwd: dir.path });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("output_dir is the site root itself");
    expect(existsSync(join(dir.path, "content/_index.md"))).toBe(true);
    expect(existsSync(join(dir.path, "public/index.html"))).toBe(true);
  });

  test("nothing to clean", async () => {
    using dir = tempDir();
    writeFiles(dir.path, { "bengal.toml": "", "content/_index.md": "# Home\n" });
    const r = await bengal(["clean"], { cwd: dir.path });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Nothing to clean");
  });

  test("an unusable config exits 2", async () => {
    using dir = tempDir();
    writeFiles(dir.path, { ...SITE, "bengal.toml": "[build\n" });
    const r = await bengal(["clean"], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bengal.toml:1:");
    expect(existsSync(join(dir.path, "public/index.html"))).toBe(true);
  });
});
