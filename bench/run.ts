/**
 * Bengal against Hugo and Eleventy on the same generated site, side by side in one run.
 * `bun bench/run.ts` (1,000 / 4,000 / 10,000 pages) or `--quick` (200 / 1,000). Add
 * `--no-setup` to skip bench/setup.sh, `--sizes 50,100` to choose the sizes (a smoke run). Tables go
 * to stdout and bench/results/<mode>.md, charts to bench/results/<mode>-*.svg.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, totalmem } from "node:os";
import { join } from "node:path";
import { type Generator, generateSites, generateSpec } from "./generate/index.ts";
import { barChart, lineChart } from "./runner/chart.ts";
import { COLD_HEADER, type ColdResult, coldBuilds, coldRows, outDirs } from "./runner/cold.ts";
import { DEV_SCENARIO_HEADER, devServerScenarios } from "./runner/dev-scenarios.ts";
import { INCREMENTAL_HEADER, incrementalRows } from "./runner/incremental.ts";
import { lspBench } from "./runner/lsp.ts";
import { capture, measure, memorySource, runScript, type Sample } from "./runner/measure.ts";
import { detectPeers, REPO } from "./runner/peers.ts";
import { median, megabytes, Report, range, seconds, table } from "./runner/report.ts";
import { bengalScenarios, SCENARIO_HEADER } from "./runner/scenarios.ts";
import { bengalProfile, bengalStages, bengalWorkerProfile } from "./runner/stages.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const mode = args.includes("--sizes") ? "custom" : quick ? "quick" : "full";
// `--sizes 50,100` replaces every size (a smoke run of the runner itself).
const sizesArg = args.includes("--sizes") ? args[args.indexOf("--sizes") + 1]!.split(",").map(Number) : null;
const SIZES = sizesArg ?? (quick ? [200, 1000] : [1000, 4000, 10000]);
const INCREMENTAL_SIZES = sizesArg ? [sizesArg.at(-1)!] : quick ? [1000] : [1000, 10000];
const PARALLEL_SIZE = sizesArg?.at(-1) ?? 1000;
// The dev server's latency on a generated site, and the language server's site size.
const SERVE_SIZE = sizesArg?.at(-1) ?? (quick ? 1000 : 10000);
const LSP_SIZE = sizesArg?.at(-1) ?? 10000;
const EDITS = 5;
const RUNS = 3;
const SEED = 1;

const BENCH = join(REPO, "bench");
const SITES = join(BENCH, ".out/sites");
// Output on tmpfs when there is one, so disk speed is not what is measured.
const OUT = existsSync("/dev/shm")
  ? `/dev/shm/bengal-bench-${process.getuid?.() ?? 0}`
  : join(BENCH, ".out/public");

if (!args.includes("--no-setup")) {
  const setup = Bun.spawnSync(["bash", join(BENCH, "setup.sh")], { stdout: "inherit", stderr: "inherit" });
  if (setup.exitCode !== 0) console.error("setup.sh failed; going on with the peers that are present");
}

const all = detectPeers();
const peers = all.filter((p) => !p.skip);
const report = new Report();

const machine = [
  `- Machine: ${cpus()[0]?.model ?? "?"}, ${availableParallelism()} cores, ${megabytes(totalmem())} RAM, Linux ${release()}`,
  `- Load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (idle is near 0)`,
  `- Output: ${OUT} ${OUT.startsWith("/dev/shm") ? "(tmpfs)" : "(disk)"}; peak memory from ${memorySource}`,
  `- Each build cold (output and caches removed), ${RUNS} runs each, interleaved; seed ${SEED}`,
  ...all.map((p) => (p.skip ? `- ${p.label}: skipped — ${p.skip}` : `- ${p.label} ${p.version}`)),
];
report.section(`Bengal benchmark (${mode}) — ${new Date().toISOString().slice(0, 10)}`, machine.join("\n"));

const sites = new Map<number, Record<Generator, string>>();
function site(pages: number): Record<Generator, string> {
  let dirs = sites.get(pages);
  if (!dirs) {
    console.error(`generating ${pages} pages…`);
    dirs = generateSites(
      join(SITES, String(pages)),
      { pages, seed: SEED },
      peers.map((p) => p.name),
    );
    for (const p of peers) p.prepare(dirs[p.name]);
    sites.set(pages, dirs);
  }
  return dirs;
}

// Full builds.
const cold: ColdResult[] = [];
for (const pages of SIZES) {
  cold.push(await coldBuilds(pages, peers, site(pages), outDirs(join(OUT, String(pages)), peers), RUNS));
}
report.section(
  "Cold full builds (syntax highlighting on)",
  `${table(COLD_HEADER, coldRows(cold, peers))}\n\n"Time vs Bengal" is the peer's median over Bengal's: above 1.00x, Bengal is faster.`,
);

// Where Bengal's time goes at the largest size.
{
  const pages = SIZES.at(-1)!;
  console.error(`bengal stages at ${pages} pages…`);
  const bengal = all.find((p) => p.name === "bengal")!;
  const stages = await bengalStages(bengal, site(pages).bengal, join(OUT, "stages"));
  report.section(
    `Bengal stages (${pages.toLocaleString("en-US")} pages, one cold build, \`--json\` timings)`,
    typeof stages === "string" ? stages : table(["Stage", "Time", "Share"], stages),
  );
}

// A CPU profile of one thread's build: what the render time is made of.
{
  const pages = PARALLEL_SIZE;
  console.error(`bengal CPU profile at ${pages} pages…`);
  const bengal = all.find((p) => p.name === "bengal")!;
  const dir = join(BENCH, ".out/profile");
  const profile = await bengalProfile(bengal, site(pages).bengal, join(OUT, "profile"), dir);
  report.section(
    `Bengal CPU profile (${pages.toLocaleString("en-US")} pages, \`--no-parallel\`, \`bun --cpu-prof-md\`)`,
    profile,
  );
}

// The render stage as it runs in a pooled build: one page worker's CPU profile.
{
  const pages = SIZES.at(-1)!;
  console.error(`bengal page worker CPU profile at ${pages} pages…`);
  const bengal = all.find((p) => p.name === "bengal")!;
  const dir = join(BENCH, ".out/worker-profile");
  const profile = await bengalWorkerProfile(bengal, site(pages).bengal, join(OUT, "worker-profile"), dir);
  report.section(
    `Bengal page worker CPU profile (${pages.toLocaleString("en-US")} pages, default build, \`bun --cpu-prof-md\`)`,
    profile,
  );
}

// Incremental and watch-mode rebuilds.
const incRows: string[][] = [];
const incBars: { label: string; ms: number }[] = [];
// Page 0 always sits in the first section, whatever the size.
const EDITED = generateSpec({ pages: 1, seed: SEED }).pages[0]!.path;
for (const pages of INCREMENTAL_SIZES) {
  console.error(`incremental builds at ${pages} pages…`);
  const inc = await incrementalRows(
    pages,
    peers,
    site(pages),
    outDirs(join(OUT, `inc-${pages}`), peers),
    EDITED,
    RUNS,
  );
  incRows.push(...inc.rows);
  incBars.push(...inc.bars);
}
report.section(
  "Rebuilds: no change, and one page's body edited",
  `${table(INCREMENTAL_HEADER, incRows)}\n\nThe edited page is \`content/${EDITED}\`; a sentence is appended to its body.`,
);

// Bengal's incremental builds, change by change, against its own full build.
const scenarioRows: string[][] = [];
const scenarioBars: { label: string; ms: number }[] = [];
const devRows: string[][] = [];
for (const pages of INCREMENTAL_SIZES) {
  console.error(`bengal incremental scenarios at ${pages} pages…`);
  const bengal = all.find((p) => p.name === "bengal")!;
  const full =
    cold.find((r) => r.pages === pages)?.samples.get("bengal") ??
    (
      await coldBuilds(pages, [bengal], site(pages), outDirs(join(OUT, `full-${pages}`), [bengal]), RUNS)
    ).samples.get("bengal")!;
  const inc = await bengalScenarios(
    bengal,
    pages,
    site(pages).bengal,
    join(OUT, `scenarios-${pages}`),
    EDITED,
    RUNS,
    full.map((s) => s.ms),
  );
  scenarioRows.push(...inc.rows);
  scenarioBars.push(...inc.bars);
  console.error(`dev server rebuilds at ${pages} pages…`);
  devRows.push(
    ...(await devServerScenarios(
      pages,
      site(pages).bengal,
      EDITED,
      RUNS,
      full.map((s) => s.ms),
    )),
  );
}
report.section(
  "Bengal incremental builds (CLI, cache in .bengal/)",
  `${table(SCENARIO_HEADER, scenarioRows)}\n\n` +
    "Each rebuild is `bengal build --json` in a new process after one change (median of " +
    `${RUNS}); "In-process" is the sum of the build's own stage timings, without Bun's start-up and module loading. ` +
    "The full build is the cold median above. Body edit: a sentence appended to " +
    `\`content/${EDITED}\`; title edit: its \`title\` changed (lists, tag pages, neighbours and feeds show it); ` +
    "layout edit: a class changed in a site `templates/page.tsx` that overrides the theme's (every regular page uses it).",
);

report.section(
  "Dev server rebuilds (bengal serve, in process)",
  `${table(DEV_SCENARIO_HEADER, devRows)}\n\n` +
    "The same changes rebuilt the way `bengal serve` rebuilds them: one long-lived process, told by its file " +
    "watcher which files changed, keeping its cache tables, site index and asset results in memory between " +
    `builds (its own cache and output under \`.bengal/\`). Median of ${RUNS}, timed around the rebuild; the ` +
    "live-reload message follows it (see the latency table below for write → browser message).",
);

// Save-to-reload latency of the dev server (bengal serve).
{
  console.error("dev server latency…");
  const docs = join(REPO, "examples/docs");
  const generated = site(SERVE_SIZE).bengal;
  const label = `generated ${SERVE_SIZE.toLocaleString("en-US")}`;
  report.section(
    "Dev server: save to live reload (`startDevServer`, WebSocket client)",
    runScript(
      ["bun", join(BENCH, "serve-latency.ts"), `examples/docs=${docs}`, `${label}=${generated}`].concat([
        "--edits",
        String(EDITS),
        "--tmp",
        join(OUT, "serve"),
      ]),
      REPO,
    ),
  );
}

// The language server on a large site.
console.error(`language server at ${LSP_SIZE} pages…`);
report.section(`Language server (${LSP_SIZE.toLocaleString("en-US")} pages)`, lspBench(LSP_SIZE));

// Bengal on one thread and on its worker pool.
{
  const bengal = all.find((p) => p.name === "bengal")!;
  const dir = site(PARALLEL_SIZE).bengal;
  const out = join(OUT, "parallel", "bengal");
  // The pool starts by itself only from 2,000 pages: `--max-workers 2` forces it at this size.
  const runs: Record<string, Sample[]> = { "--no-parallel": [], "--max-workers 2": [], default: [] };
  console.error(`bengal --no-parallel vs the worker pool at ${PARALLEL_SIZE} pages…`);
  for (let run = 0; run < RUNS; run++) {
    for (const [label, extra] of [
      ["--no-parallel", ["--no-parallel"]],
      ["--max-workers 2", ["--max-workers", "2"]],
      ["default", []],
    ] as const) {
      bengal.reset(dir, out);
      const s = await measure(bengal.build(dir, out, extra));
      if (s.ok) runs[label]!.push(s);
      else console.error(`  bengal ${label} failed:\n${s.error}`);
    }
  }
  const seq = runs["--no-parallel"]!.map((s) => s.ms);
  const rows = Object.entries(runs).map(([label, xs]) => {
    const ms = xs.map((s) => s.ms);
    if (!ms.length) return [label, "failed", "", "", ""];
    return [
      label,
      seconds(median(ms)),
      range(ms),
      megabytes(Math.max(...xs.map((s) => s.rss))),
      seq.length ? `${(median(seq) / median(ms)).toFixed(2)}x` : "",
    ];
  });
  report.section(
    `Bengal pages: one thread vs the worker pool (${PARALLEL_SIZE.toLocaleString("en-US")} pages, cold)`,
    table(["Mode", "Median", "Min–max", "Peak memory", "Speed-up over --no-parallel"], rows),
  );
}

// The asset pipeline on its own (bench/assets.ts).
{
  console.error("asset pipeline…");
  const assets = capture(["bun", join(BENCH, "assets.ts")], REPO);
  report.section("Assets: sequential vs pooled (bench/assets.ts)", assets ?? "bench/assets.ts failed to run");
}

// Post-processing tasks one after another vs concurrently (the seed design note's table).
for (const pages of INCREMENTAL_SIZES) {
  console.error(`post-processing at ${pages} pages…`);
  const section = runScript(
    ["bun", join(BENCH, "postprocess.ts"), site(pages).bengal, "--pages", String(pages)],
    REPO,
  );
  report.section(
    `Post-processing: sequential vs concurrent (${pages.toLocaleString("en-US")} pages, bench/postprocess.ts)`,
    section,
  );
}

// Custom sizes are smoke runs: their tables stay out of bench/results/.
const resultsDir = mode === "custom" ? join(BENCH, ".out") : join(BENCH, "results");
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${mode}.md`);
const buildSeries = peers.map((p) => ({
  name: p.label,
  points: cold
    .filter((r) => r.samples.get(p.name)?.length)
    .map((r) => [r.pages, median(r.samples.get(p.name)!.map((s) => s.ms)) / 1000] as const),
}));
writeFileSync(
  join(resultsDir, `${mode}-build-time.svg`),
  lineChart("Cold build time (median, s)", buildSeries),
);
writeFileSync(join(resultsDir, `${mode}-rebuilds.svg`), barChart("Rebuilds (median)", incBars));
writeFileSync(
  join(resultsDir, `${mode}-incremental.svg`),
  barChart("Bengal: full build vs incremental (median)", scenarioBars),
);
writeFileSync(
  file,
  `${report.text()}\n![Cold build time](${mode}-build-time.svg)\n\n![Rebuilds](${mode}-rebuilds.svg)\n\n` +
    `![Bengal incremental builds](${mode}-incremental.svg)\n`,
);
// tmpfs is memory: free it (the generated sites stay in bench/.out/ for inspection).
rmSync(OUT, { recursive: true, force: true });
console.log(`\nwritten to ${file}`);
