import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { zipEntries } from "./zip.ts";

const here = resolve(import.meta.dir, "..");
const tmp = mkdtempSync(join(tmpdir(), "bengal-vsix-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `bun run package` as CI does and returns the .vsix's entries and the printed line. */
async function pack(...flags: string[]): Promise<{ entries: string[]; printed: string }> {
  const out = join(tmp, `bengal-${flags.length}.vsix`);
  const proc = Bun.spawn([process.execPath, "run", "package", "--out", out, ...flags], {
    cwd: here,
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  expect(`${stderr}exit ${code}`).toEndWith("exit 0");
  return { entries: zipEntries(readFileSync(out)), printed: stdout };
}

describe("bun run package", () => {
  test("one .vsix with both bundles, no node_modules, no source maps, and its size printed", async () => {
    const { entries, printed } = await pack();
    expect(entries).toContain("extension/dist/extension.js");
    expect(entries).toContain("extension/dist/server.js");
    expect(entries).toContain("extension/package.json");
    expect(entries.filter((e) => e.includes("node_modules"))).toEqual([]);
    expect(entries.filter((e) => e.endsWith(".map"))).toEqual([]);
    expect(entries.filter((e) => e.startsWith("extension/src/") || e.endsWith(".ts"))).toEqual([]);
    expect(printed).toMatch(/✓ .*bengal-0\.vsix {2}\d+\.\d KiB/);
  });

  test("--sourcemaps adds the maps", async () => {
    const { entries } = await pack("--sourcemaps");
    expect(entries).toContain("extension/dist/extension.js.map");
    expect(entries).toContain("extension/dist/server.js.map");
  });
});
