import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

  test("broken links are reported the same when workers store the link facts the check reads back", async () => {
    const root = mkdtempSync(join(tmpdir(), "bengal-par-links-"));
    try {
      generateSite(root, 60);
      writeFileSync(
        join(root, "content", "s0", "broken.md"),
        [
          "---",
          "title: Broken",
          "---",
          "A [missing page](../s1/nowhere.md), a [missing heading](../s1/p1.md#no-such-heading)",
          "and a [good one](../s1/p1.md#heading-1).",
          "",
          '<a href="/docs/raw-missing/">raw</a>',
          "",
        ].join("\n"),
      );
      const { seq, par, par2 } = await bothWays(root);
      expect(par.workers.pages).toBeGreaterThan(0);
      const linkProblems = (r: typeof seq) =>
        r.diagnostics
          .filter((d) => d.code.startsWith("link."))
          .map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.character} ${d.message}`)
          .sort();
      const expected = linkProblems(seq);
      expect(expected).toHaveLength(3);
      expect(expected.every((line) => line.includes("content/s0/broken.md:"))).toBe(true);
      expect(linkProblems(par)).toEqual(expected);
      // The second pooled build checks again from the facts the first one's workers stored.
      expect(linkProblems(par2)).toEqual(expected);
      // Two pages rendered again on the workers: their facts are read back a row at a time.
      for (const page of ["content/s0/broken.md", "content/s1/p1.md"]) {
        const file = join(root, page);
        writeFileSync(file, `${readFileSync(file, "utf8")}\nOne more line.\n`);
      }
      const again = await build({ root, parallel: true, maxWorkers: 2, outputDir: "out-par2" });
      expect(again.cache.rendered).toBeLessThan(10);
      expect(again.workers.pages).toBe(2);
      expect(linkProblems(again)).toEqual(expected);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  test("after a layout edit, workers render from the cached markdown they read themselves, and store none of it again", async () => {
    for (const profile of ["build", "serve"] as const) {
      const root = mkdtempSync(join(tmpdir(), `bengal-par-layout-${profile}-`));
      try {
        generateSite(root, 60);
        const pooled = { root, profile, parallel: true, maxWorkers: 2 } as const;
        await build(pooled);
        const cacheFile = join(root, ".bengal", profile === "serve" ? "serve-cache.db" : "cache.db");
        // From here on, every write of a page's markdown facts is counted.
        const db = new Database(cacheFile);
        db.exec(
          "CREATE TABLE facts_writes (page_id TEXT); CREATE TRIGGER count_facts AFTER INSERT ON facts BEGIN INSERT INTO facts_writes VALUES (NEW.page_id); END;",
        );
        db.close();
        mkdirSync(join(root, "templates"), { recursive: true });
        const theme = join(import.meta.dir, "../theme/templates/page.tsx");
        writeFileSync(
          join(root, "templates/page.tsx"),
          readFileSync(theme, "utf8").replace("<article", '<article data-x="1"'),
        );
        const relayout = await build(pooled);
        expect(relayout.failed).toBe(false);
        expect(relayout.workers.pages).toBe(2);
        expect(relayout.cache.rendered).toBeGreaterThan(50);
        const after = new Database(cacheFile, { readonly: true });
        expect(after.query("SELECT count(*) AS n FROM facts_writes").get()).toEqual({ n: 0 });
        after.close();
        expect(readFileSync(join(root, "public/s1/p1/index.html"), "utf8")).toContain('data-x="1"');
        await build({ root, profile, parallel: false, full: true, outputDir: "out-clean" });
        expect(tree(join(root, "public"))).toEqual(tree(join(root, "out-clean")));
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
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
