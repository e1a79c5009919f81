import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { GENERATORS, generateSites, siteFiles } from "./index.ts";

const CLI = resolve(import.meta.dir, "../../packages/cli/src/bin.ts");

function bytes(content: string | Uint8Array): Uint8Array {
  return typeof content === "string" ? new TextEncoder().encode(content) : content;
}

describe("bench site generator", () => {
  test("the same seed gives the same bytes, for every generator", () => {
    for (const g of GENERATORS) {
      const a = siteFiles(g, { pages: 40, seed: 7 });
      const b = siteFiles(g, { pages: 40, seed: 7 });
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [path, content] of a) expect(bytes(b.get(path)!)).toEqual(bytes(content));
    }
  });

  test("another seed gives other content; every generator gets the same pages", () => {
    const a = siteFiles("bengal", { pages: 40, seed: 7 });
    const b = siteFiles("bengal", { pages: 40, seed: 8 });
    const page = [...a.keys()].find((p) => p.endsWith("page-00003.md"))!;
    expect(b.get(page)).not.toEqual(a.get(page));
    const hugo = siteFiles("hugo", { pages: 40, seed: 7 });
    const eleventy = siteFiles("eleventy", { pages: 40, seed: 7 });
    expect(hugo.get(page)).toEqual(a.get(page)!);
    expect(eleventy.get(page)).toEqual(a.get(page)!);
    const pages = [...a.keys()].filter((p) => /page-\d+\.md$/.test(p));
    expect(pages).toHaveLength(40);
  });

  test("the Bengal site builds with no errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-gen-"));
    try {
      const { bengal } = generateSites(dir, { pages: 30, seed: 1 }, ["bengal"]);
      const proc = Bun.spawn(["bun", CLI, "build", bengal, "--json"], { stdout: "pipe", stderr: "pipe" });
      const [out, code] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
      const result = JSON.parse(out) as { ok: boolean; pages: number; diagnostics: { severity: string }[] };
      // No warnings either: every generated link and #anchor resolves.
      expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(result.ok).toBe(true);
      expect(code).toBe(0);
      expect(result.pages).toBeGreaterThanOrEqual(30);
      expect(await Bun.file(join(bengal, "public/area-01/page-00000/index.html")).exists()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
