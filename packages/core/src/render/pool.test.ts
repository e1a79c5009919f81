import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSite } from "../../test/generate-site.ts";
import { tree } from "../../test/helpers.ts";
import { build } from "../build/build.ts";
import type { BuildResult } from "../model/output.ts";

const EXPLODE = `/** @jsxImportSource hono/jsx */
export default function Explode(): never {
  throw new Error("kaboom on a worker");
}
`;

const PLAIN_PAGE = `/** @jsxImportSource hono/jsx */
import { raw } from "hono/html";
export default function Plain(props: { page: { title: string }; content: string }) {
  return <html><body><h1>{props.page.title}</h1><main>{raw(props.content)}</main></body></html>;
}
`;

// Pages render on worker processes that write their own files: what they write must be what a
// sequential build writes, the build's records must count it, and failures must stay per page.
describe("the page worker pool", () => {
  const root = mkdtempSync(join(tmpdir(), "bengal-pool-"));
  let first: BuildResult;
  beforeAll(async () => {
    generateSite(root, 60);
    mkdirSync(join(root, "templates"), { recursive: true });
    writeFileSync(join(root, "templates", "explode.tsx"), EXPLODE);
    writeFileSync(
      join(root, "content", "s1", "throws.md"),
      "---\ntitle: Throws\nlayout: explode\n---\nThe layout throws.\n",
    );
    first = await build({ root, maxWorkers: 2 });
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test("a failing page becomes a diagnostic while the others are written by the workers", async () => {
    expect(first.workers.pages).toBe(2);
    const failed = first.diagnostics.filter((d) => d.code === "layout.failed");
    expect(failed.map((d) => d.message.includes("kaboom on a worker"))).toEqual([true]);
    expect(readdirSync(join(root, "public", "s1"))).not.toContain("throws");
    const seq = await build({ root, parallel: false, outputDir: "out-seq", cache: false });
    expect(seq.workers.pages).toBe(0);
    expect(tree(join(root, "public"))).toEqual(tree(join(root, "out-seq")));
    // Each file the workers wrote is counted, as the build's own writer counts them.
    expect(first.written).toBe(tree(join(root, "public")).size);
  }, 120_000);

  test("a full rebuild on the workers leaves identical files alone and counts them unchanged", async () => {
    const again = await build({ root, maxWorkers: 2, full: true });
    expect(again.workers.pages).toBe(2);
    expect(again.written).toBe(0);
    expect(again.unchanged).toBe(first.written);
    expect(again.changedPaths).toEqual([]);
  }, 120_000);

  test("the rows the workers stored make the next build incremental", async () => {
    const none = await build({ root, maxWorkers: 2 });
    expect(none.cache.mode).toBe("incremental");
    expect(none.cache.rendered).toBe(0);
    const page = join(root, "content", "s2", "p7.md");
    writeFileSync(page, `${readFileSync(page, "utf8")}\nA paragraph added after the pooled build.\n`);
    const edited = await build({ root, maxWorkers: 2 });
    // The page itself, and lists that show its excerpt; the layout failure renders again too.
    expect(edited.cache.rendered).toBeLessThan(10);
    expect(edited.changedPaths).toContain("s2/p7/index.html");
  }, 120_000);

  test("a layout edit re-renders on the workers from cached markdown, equal to a clean build", async () => {
    writeFileSync(join(root, "templates", "page.tsx"), PLAIN_PAGE);
    const edited = await build({ root, maxWorkers: 2 });
    expect(edited.workers.pages).toBe(2);
    expect(edited.cache.mode).toBe("incremental");
    expect(edited.written).toBe(60);
    expect(edited.changedPaths).toContain("s0/p0/index.html");
    const clean = await build({ root, parallel: false, outputDir: "out-clean", cache: false });
    expect(tree(join(root, "public"))).toEqual(tree(join(root, "out-clean")));
    expect(readFileSync(join(root, "public", "s0", "p0", "index.html"), "utf8")).toStartWith(
      "<!DOCTYPE html><html><body><h1>Page 0</h1>",
    );
    expect(clean.failed).toBe(true);
  }, 120_000);
});
