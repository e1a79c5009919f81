import { describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../src/build/build.ts";
import { generateSite } from "./generate-site.ts";
import { tree } from "./helpers.ts";

async function bothWays(root: string) {
  const seq = await build({ root, parallel: false, outputDir: "out-seq" });
  // Two workers whatever the size (these sites are below the size where the pool starts by itself).
  const par = await build({ root, parallel: true, maxWorkers: 2, outputDir: "out-par" });
  const par2 = await build({ root, parallel: true, maxWorkers: 2, outputDir: "out-par2" });
  return { seq, par, par2 };
}

describe("parallel and sequential builds", () => {
  test("a 200-page generated site renders on the worker pool, byte-identical to the sequential build", async () => {
    const root = mkdtempSync(join(tmpdir(), "bengal-par-"));
    try {
      generateSite(root, 200);
      const { seq, par, par2 } = await bothWays(root);
      expect(seq.workers.pages).toBe(0);
      expect(par.workers.pages).toBeGreaterThan(0);
      expect(par.failed).toBe(false);
      expect(par2.workers.pages).toBe(par.workers.pages);
      const a = tree(join(root, "out-seq"));
      expect(a.size).toBeGreaterThan(200);
      expect(tree(join(root, "out-par"))).toEqual(a);
      expect(tree(join(root, "out-par2"))).toEqual(a);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  test("the example docs site is byte-identical both ways", async () => {
    const root = mkdtempSync(join(tmpdir(), "bengal-par-docs-"));
    try {
      cpSync(join(import.meta.dir, "../../../examples/docs"), root, {
        recursive: true,
        filter: (src) => !/\/(public|\.bengal)(\/|$)/.test(src),
      });
      const { seq, par } = await bothWays(root);
      expect(seq.failed).toBe(false);
      expect(par.failed).toBe(false);
      expect(tree(join(root, "out-par"))).toEqual(tree(join(root, "out-seq")));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
