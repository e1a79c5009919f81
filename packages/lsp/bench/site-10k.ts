// Language server budgets on a generated site (issue 6: index 10,000 pages < 2 s, keystroke →
// diagnostics < 50 ms p95, < 300 MB): `bun packages/lsp/bench/site-10k.ts [pages] [--runtime bun|node|both] [--runs n]`.
// Each run is a fresh process (a cold start, as when an editor opens the workspace); prints every
// run and the median per runtime. Node runs a bundle of measure.ts, as VS Code runs the server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBenchSite } from "./generate.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args.splice(i, 2)[1]! : fallback;
};
const runtime = option("--runtime", "both");
const runs = Number(option("--runs", "3"));
const pages = Number(args[0] ?? 10_000);
const runtimes = runtime === "both" ? ["bun", "node"] : [runtime];

const root = mkdtempSync(join(tmpdir(), "bengal-lsp-bench-"));
const out = mkdtempSync(join(tmpdir(), "bengal-lsp-bench-bundle-"));
try {
  writeBenchSite(root, pages);
  const bundle = join(out, "measure.js");
  if (runtimes.includes("node")) {
    const built = await Bun.build({
      entrypoints: [join(import.meta.dir, "measure.ts")],
      target: "node",
      outdir: out,
    });
    if (!built.success) throw new Error(built.logs.map(String).join("\n"));
  }
  type Result = Record<string, number>;
  const results = new Map<string, Result[]>();
  for (let r = 0; r < runs; r++) {
    for (const rt of runtimes) {
      const cmd =
        rt === "node"
          ? ["node", bundle, root]
          : [process.execPath, join(import.meta.dir, "measure.ts"), root];
      const env = { ...process.env, BENGAL_THEME_DIR: join(import.meta.dir, "../../core/theme") };
      const proc = Bun.spawnSync(cmd, { env, stderr: "inherit" });
      const line = proc.stdout.toString().trim().split("\n").at(-1) ?? "";
      if (proc.exitCode !== 0 || !line.startsWith("{")) throw new Error(`${rt} run failed: ${line}`);
      console.log(rt, line);
      results.set(rt, [...(results.get(rt) ?? []), JSON.parse(line) as Result]);
    }
  }
  for (const [rt, list] of results) {
    const median: Result = {};
    for (const key of Object.keys(list[0]!)) {
      const sorted = list.map((x) => x[key]!).sort((a, b) => a - b);
      median[key] = sorted[Math.floor(sorted.length / 2)]!;
    }
    console.log(`${rt} median of ${list.length}:`, JSON.stringify(median));
  }
} finally {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
