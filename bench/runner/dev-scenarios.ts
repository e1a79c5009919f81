import { join } from "node:path";
import { build } from "../../packages/core/src/build/build.ts";
import type { FileChange } from "../../packages/core/src/build/options.ts";
import { median, range, seconds } from "./report.ts";
import { scenarios } from "./scenarios.ts";

export const DEV_SCENARIO_HEADER = [
  "Pages",
  "Rebuild",
  "Median",
  "Min–max",
  "Pages rendered",
  "Speed-up over full build",
];

/**
 * The dev server's rebuilds of the same changes as the CLI scenarios, in one long-lived process
 * as `bengal serve` runs them: `build({ profile: "serve" })` told what the file watcher saw,
 * with its tables, index and asset results kept in memory between builds. Timed in process,
 * from the start of the rebuild to its end (the live-reload message goes out right after).
 */
export async function devServerScenarios(
  pages: number,
  site: string,
  pagePath: string,
  runs: number,
  fullMs: readonly number[],
): Promise<string[][]> {
  const n = pages.toLocaleString("en-US");
  const full = median(fullMs);
  const rows: string[][] = [];
  const file = join(site, "content", pagePath);
  const layout = join(site, "templates", "page.tsx");
  const touched: Record<string, string> = {
    "one-page body edit": file,
    "one-page title edit": file,
    "layout edit (templates/page.tsx)": layout,
  };
  // The server's first build, then one after which its memory holds everything.
  await build({ root: site, profile: "serve" });
  for (const s of scenarios(site, pagePath)) {
    try {
      s.setup?.();
      await build({ root: site, profile: "serve" });
      const ms: number[] = [];
      const rendered: number[] = [];
      for (let run = 0; run < runs; run++) {
        s.edit(run);
        const path = touched[s.name];
        const changes: FileChange[] = path ? [{ path, kind: "change" }] : [];
        const start = performance.now();
        const result = await build({ root: site, profile: "serve", ...(changes.length ? { changes } : {}) });
        ms.push(performance.now() - start);
        rendered.push(result.cache.rendered);
        if (result.failed) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
      }
      const m = median(ms);
      console.error(`  ${n} pages, dev server ${s.name}: ${ms.map(seconds).join(", ")}`);
      rows.push([n, s.name, seconds(m), range(ms), String(median(rendered)), `${(full / m).toFixed(0)}x`]);
    } catch (error) {
      rows.push([n, s.name, "failed", "", "", (error as Error).message.split("\n")[0]!]);
    } finally {
      s.restore();
    }
  }
  return rows;
}
