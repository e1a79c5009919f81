import { describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { postprocessTasks } from "../../packages/core/src/build/postprocess-stage.ts";
import { generateSites } from "../generate/index.ts";
import { reloadLatency } from "./live-reload.ts";
import { lspSection } from "./lsp.ts";
import { postprocessInput, runConcurrently, runSequentially } from "./postprocess.ts";
import { table } from "./report.ts";
import { pageLayoutOverride } from "./scenarios.ts";

const CLI = resolve(import.meta.dir, "../../packages/cli/src/bin.ts");

function withSite(pages: number, run: (site: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-runner-"));
    try {
      await run(generateSites(dir, { pages, seed: 3 }, ["bengal"]).bengal);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

async function build(site: string): Promise<{ ok: boolean }> {
  const proc = Bun.spawn(["bun", CLI, "build", site, "--json", "--full"], { stdout: "pipe", stderr: "pipe" });
  const [out] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
  return JSON.parse(out);
}

describe("bench runner", () => {
  test(
    "post-processing one task after another writes what postprocess() writes",
    withSite(12, async (site) => {
      const input = await postprocessInput(site);
      const seq = await runSequentially(postprocessTasks(input));
      const con = await runConcurrently(input);
      const files = (r: { outputs: readonly { path: string; content: string | Uint8Array }[] }) =>
        r.outputs.map((o) => [o.path, String(o.content)]).sort(([a], [b]) => (a! < b! ? -1 : 1));
      expect(files(seq.result)).toEqual(files(con.result));
      expect(files(seq.result).map(([p]) => p)).toContain("sitemap.xml");
      expect(seq.result.diagnostics).toEqual(con.result.diagnostics);
      expect([...seq.tasks.keys()]).toEqual(["sitemap", "feeds", "robots", "aliases", "links"]);
    }),
    30_000,
  );

  test(
    "the page layout override renders exactly what the theme's layout renders",
    withSite(6, async (site) => {
      const page = join(site, "public/area-01/page-00000/index.html");
      expect((await build(site)).ok).toBe(true);
      const theme = readFileSync(page, "utf8");
      mkdirSync(join(site, "templates"));
      writeFileSync(join(site, "templates/page.tsx"), pageLayoutOverride());
      expect((await build(site)).ok).toBe(true);
      expect(readFileSync(page, "utf8")).toBe(theme);
      expect(theme).toContain('class="article-title"');
    }),
    30_000,
  );

  test(
    "the dev server sends a reload for a page edit and a stylesheet swap for a CSS edit",
    withSite(4, async (site) => {
      const r = await reloadLatency(
        site,
        "content/area-01/page-00000.md",
        "assets/css/custom.css",
        1,
        20_000,
      );
      expect(r.failures).toEqual([]);
      expect(r.page.toMessage).toHaveLength(1);
      expect(r.page.toHtml).toHaveLength(1);
      expect(r.css.toMessage).toHaveLength(1);
      expect(r.pages).toBeGreaterThan(4);
    }),
    30_000,
  );

  test("the language server's JSON lines become a table of the medians; anything else is shown as is", () => {
    const text = lspSection(
      [
        'bun {"pages":10000,"loadMs":1299,"rssMB":246,"keystrokeP95Ms":2.1}',
        'bun median of 3: {"pages":10000,"loadMs":1233,"rssMB":247,"keystrokeP95Ms":2.3}',
        'node median of 3: {"pages":10000,"loadMs":1351,"rssMB":191,"keystrokeP95Ms":4.3}',
      ].join("\n"),
    );
    expect(text).toContain("| bun median of 3 | 10,000 | 1.23 s | 247 MB | 2.3 ms |");
    expect(text).toContain("| node median of 3 | 10,000 | 1.35 s | 191 MB | 4.3 ms |");
    expect(text).not.toContain("1.30 s");
    expect(lspSection('{"pages":64,"loadMs":47}')).toContain("| 64 | 47 ms |");
    expect(lspSection("crashed")).toContain("printed no result");
  });

  test("tables align a column by its first non-empty cell", () => {
    const t = table(
      ["A", "B", "C"],
      [
        ["x", "", "word"],
        ["y", "12 ms", "3"],
      ],
    );
    expect(t.split("\n")[1]).toBe("| --- | ---: | --- |");
  });
});
