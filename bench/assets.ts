/**
 * Asset pipeline: sequential (inline) vs pooled, on 10/25/50/100 assets (a third each CSS, JS
 * and PNG), median of 5 runs each after a warm-up. Pool start-up is part of the pooled time,
 * as it is in a build. Run: `bun bench/assets.ts` (add `--optimize` to re-deflate the PNGs too).
 */
import { availableParallelism } from "node:os";
import { type AssetOptions, processAssets } from "../packages/core/src/assets/pipeline.ts";
import { diskHost, makePng, type TempSite, tempSite } from "../packages/core/src/assets/testing.ts";

const SIZES = [10, 25, 50, 100];
const RUNS = 5;

function css(i: number): string {
  const rules = Array.from(
    { length: 150 },
    (_, r) =>
      `.block-${i}-${r} > .item:hover {\n  color: #ff0000;\n  margin: 0px 0px 0px 0px;\n  background: url("../img/p${i + 2}.png");\n  transition: opacity 200ms ease-in-out;\n}\n`,
  );
  return `/* stylesheet ${i} */\n${rules.join("\n")}`;
}

function js(i: number): string {
  const fns = Array.from(
    { length: 150 },
    (_, f) =>
      `// helper ${f}\nfunction helper${i}_${f}(items, factor) {\n  const out = [];\n  for (const item of items) {\n    if (item.value > ${f}) out.push({ id: item.id, value: item.value * factor });\n  }\n  return out;\n}\n`,
  );
  return `${fns.join("\n")}\nwindow.bundle${i} = { helper${i}_0 };\n`;
}

function writeAssets(site: TempSite, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const [rel, content] =
      i % 3 === 0
        ? [`css/s${i}.css`, css(i)]
        : i % 3 === 1
          ? [`js/m${i}.js`, js(i)]
          : [`img/p${i}.png`, makePng(96, i)];
    return { rel, source: site.write(`assets/${rel}`, content), origin: "site" as const };
  });
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

const optimize = process.argv.includes("--optimize");
const options: AssetOptions = {
  minify: true,
  fingerprint: true,
  optimize,
  parallel: true,
  maxWorkers: null,
  baseurl: "",
};

const cores = availableParallelism();
console.log(
  `${cores} CPU cores; optimize_assets = ${optimize}; "capped" runs the pool with max_workers = ${cores}.\n`,
);
console.log("| Assets | Workers | Sequential | Pooled | Speedup | Pooled (capped) | Speedup (capped) |");
console.log("|-------:|--------:|-----------:|-------:|--------:|----------------:|-----------------:|");
for (const count of SIZES) {
  using site = tempSite();
  const assets = writeAssets(site, count);
  const go = (parallel: boolean, maxWorkers: number | null = null) =>
    processAssets({
      host: diskHost(),
      siteRoot: site.root,
      assets,
      statics: [],
      options: { ...options, parallel, maxWorkers },
    });
  const workers = (await go(true)).workers;
  const sequential = await median(() => go(false));
  const pooled = await median(() => go(true));
  const capped = await median(() => go(true, cores));
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const x = (n: number) => `${(sequential / n).toFixed(2)}x`;
  console.log(
    `| ${count} | ${workers} | ${ms(sequential)} | ${ms(pooled)} | ${x(pooled)} | ${ms(capped)} | ${x(capped)} |`,
  );
}
