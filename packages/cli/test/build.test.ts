import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bengal, tempDir, writeFiles } from "./run.ts";

const CONFIG = '[site]\ntitle = "Fixture"\nbaseurl = "https://example.com"\n';

/** A small site with one error (a link to a missing page) on line 6 of content/broken.md. */
const BROKEN = {
  "bengal.toml": CONFIG,
  "content/_index.md": "---\ntitle: Home\n---\n\nWelcome. See [ok](/ok/).\n",
  "content/ok.md": "---\ntitle: Ok\ndate: 2025-01-02\n---\n\n## Part one\n\nFine.\n",
  "content/broken.md":
    "---\ntitle: Broken\ndate: 2025-01-01\n---\n\nSee [missing](/no-such-page/) here.\n\nEnd.\n",
};

/** A clean site whose only problem is a warning: a link to a heading that does not exist. */
const WARNED = {
  "bengal.toml": CONFIG,
  "content/_index.md": "---\ntitle: Home\n---\n\nSee [part](/ok/#nowhere).\n",
  "content/ok.md": "---\ntitle: Ok\n---\n\n## Part one\n",
};

function jsonOf(stdout: string) {
  const lines = stdout.split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!);
}

describe("bengal build", () => {
  test("the starter site builds cleanly", async () => {
    using dir = tempDir();
    expect((await bengal(["new", "site", "site"], { cwd: dir.path })).code).toBe(0);
    const r = await bengal(["build", "site"], { cwd: dir.path });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ Built \d+ pages, \d+ assets? in [\d.]+ m?s/m);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("0 errors, 0 warnings");
    for (const file of [
      "index.html",
      "about/index.html",
      "blog/hello-world/index.html",
      "sitemap.xml",
      "rss.xml",
    ]) {
      expect(existsSync(join(dir.path, "site/public", file))).toBe(true);
    }
    expect(r.stdout).not.toContain("\x1b[");
  });

  test("errors exit 1 and are printed with position, code frame and counts", async () => {
    using dir = tempDir();
    writeFiles(dir.path, BROKEN);
    const r = await bengal(["build"], { cwd: dir.path });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^content\/broken\.md:6:\d+ {2}error {2}.+ {2}\[link\.no-such-page\]$/m);
    expect(r.stdout).toMatch(/^ {2}> 6 \| See \[missing\]\(\/no-such-page\/\) here\.$/m);
    expect(r.stdout).toMatch(/^ {6}\| +\^~*$/m);
    expect(r.stdout).toMatch(/^ {4}4 \| ---$/m);
    expect(r.stdout).toContain("1 error, 0 warnings");
  });

  test("--json prints one object with 1-based positions and the 0-based range", async () => {
    using dir = tempDir();
    writeFiles(dir.path, BROKEN);
    const r = await bengal(["build", "--json"], { cwd: dir.path });
    expect(r.code).toBe(1);
    const out = jsonOf(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.pages).toBeGreaterThan(2);
    expect(out.outputDir).toBe(join(dir.path, "public"));
    expect(Array.isArray(out.timings)).toBe(true);
    const d = out.diagnostics.find((x: { code: string }) => x.code === "link.no-such-page");
    expect(d).toMatchObject({ severity: "error", file: "content/broken.md", line: 6 });
    expect(d.column).toBe(d.range.start.character + 1);
    expect(d.endLine).toBe(d.range.end.line + 1);
    expect(d.range.start.line).toBe(5);
    expect("hint" in d).toBe(true);
  });

  test("--json on success reports ok", async () => {
    using dir = tempDir();
    writeFiles(dir.path, WARNED);
    const out = jsonOf((await bengal(["build", "--json"], { cwd: dir.path })).stdout);
    expect(out.ok).toBe(true);
    expect(out.written).toBeGreaterThan(0);
  });

  test("warnings pass, --strict makes them fail", async () => {
    using dir = tempDir();
    writeFiles(dir.path, WARNED);
    const plain = await bengal(["build"], { cwd: dir.path });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("warning");
    expect(plain.stdout).toContain("0 errors, 1 warning");
    const strict = await bengal(["build", "--strict"], { cwd: dir.path });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("1 error, 0 warnings");
  });

  test("--quiet prints only diagnostics", async () => {
    using dir = tempDir();
    writeFiles(dir.path, { "bengal.toml": CONFIG, "content/_index.md": "---\ntitle: Home\n---\n\nHi.\n" });
    const r = await bengal(["build", "--quiet"], { cwd: dir.path });
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(existsSync(join(dir.path, "public/index.html"))).toBe(true);
  });

  test("an unusable config exits 2, in text and JSON", async () => {
    using dir = tempDir();
    writeFiles(dir.path, { "bengal.toml": "[site\ntitle = 1\n", "content/_index.md": "# Home\n" });
    const text = await bengal(["build"], { cwd: dir.path });
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("bengal.toml:");
    const json = await bengal(["build", "--json"], { cwd: dir.path });
    expect(json.code).toBe(2);
    expect(jsonOf(json.stdout).ok).toBe(false);
  });

  test("--output, --baseurl and --drafts reach the build", async () => {
    using dir = tempDir();
    writeFiles(dir.path, {
      "bengal.toml": CONFIG,
      "content/_index.md": "---\ntitle: Home\n---\n\nHi.\n",
      "content/wip.md": "---\ntitle: Wip\ndraft: true\n---\n\nSoon.\n",
    });
    const r = await bengal(
      ["build", "--output", "out", "--baseurl=https://other.example", "--drafts", "--no-parallel"],
      {
        cwd: dir.path,
      },
    );
    expect(r.code).toBe(0);
    expect(existsSync(join(dir.path, "out/wip/index.html"))).toBe(true);
    expect(existsSync(join(dir.path, "public"))).toBe(false);
    expect(readFileSync(join(dir.path, "out/sitemap.xml"), "utf8")).toContain("https://other.example/");
  });

  test("--verbose prints each stage; FORCE_COLOR turns colours on", async () => {
    using dir = tempDir();
    writeFiles(dir.path, WARNED);
    const r = await bengal(["build", "--verbose"], {
      cwd: dir.path,
      env: { NO_COLOR: undefined, FORCE_COLOR: "1" },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\x1b[");
    const plain = r.stdout.replace(/\x1b\[\d+m/g, "");
    for (const stage of ["config", "render", "write"])
      expect(plain).toMatch(new RegExp(`✓ ${stage} +[\\d.]+ m?s`));
  });
  test("--max-workers puts pages on that many workers at any size; 0 is a usage error", async () => {
    using dir = tempDir();
    writeFiles(dir.path, WARNED);
    const pooled = await bengal(["build", ".", "--max-workers", "2", "--stats", "--json"], { cwd: dir.path });
    expect(jsonOf(pooled.stdout).stats.workers.pages).toBe(2);
    const bad = await bengal(["build", ".", "--max-workers", "0"], { cwd: dir.path });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--max-workers");
  });
});
