/**
 * Post-processing (sitemap, RSS/Atom feeds, robots.txt, alias redirects, link validation) on a
 * rendered site, in process: its tasks one after another vs `postprocess()` running them
 * concurrently, interleaved, median of several runs after a warm-up. Prints a markdown table.
 * Run: `bun bench/postprocess.ts <site-dir> [--runs 7] [--pages 1000]`
 * (`--pages` only labels the table: the number of content pages the site was generated with).
 */
import { resolve } from "node:path";
import { postprocessTasks } from "../packages/core/src/build/postprocess-stage.ts";
import { postprocessInput, runConcurrently, runSequentially } from "./runner/postprocess.ts";
import { median, table } from "./runner/report.ts";

const args = process.argv.slice(2);
const site = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (!site) {
  console.error("usage: bun bench/postprocess.ts <site-dir> [--runs 7] [--pages N]");
  process.exit(2);
}
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(flag("--runs") ?? 7);
// Sub-millisecond tasks (robots.txt) still show a number.
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 2 : 1)} ms`);
const range = (xs: readonly number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;

const t0 = performance.now();
const input = await postprocessInput(resolve(site));
const prepared = performance.now() - t0;
const pages = Number(flag("--pages") ?? input.index.pages.size);

/**
 * Each run gets the index as a new build would: a new object with new lists. The sitemap and
 * the URL lookups keep their work per index object (the dev server carries those over between
 * builds), so the same objects again would time a cache hit, not the task.
 */
const fresh = (): typeof input => ({
  ...input,
  index: { ...input.index, targets: [...input.index.targets], byUrl: new Map(input.index.byUrl) },
});

// Warm-up: the first run of each pays for JIT.
const first = await runSequentially(postprocessTasks(fresh()));
const concurrentFirst = await runConcurrently(fresh());
const sequential: number[] = [];
const concurrent: number[] = [];
const perTask = new Map<string, number[]>();
for (let run = 0; run < runs; run++) {
  const s = await runSequentially(postprocessTasks(fresh()));
  sequential.push(s.ms);
  for (const [name, ms] of s.tasks) perTask.set(name, [...(perTask.get(name) ?? []), ms]);
  concurrent.push((await runConcurrently(fresh())).ms);
}

const same =
  first.result.outputs.length === concurrentFirst.result.outputs.length &&
  first.result.diagnostics.length === concurrentFirst.result.diagnostics.length;
const tasks = [...perTask.keys()];
console.log(
  table(
    ["Pages", "Tasks", "Sequential", "Min–max", "Concurrent", "Min–max", "Speed-up"],
    [
      [
        pages.toLocaleString("en-US"),
        tasks.join(" + "),
        ms(median(sequential)),
        range(sequential),
        ms(median(concurrent)),
        range(concurrent),
        `${(median(sequential) / median(concurrent)).toFixed(2)}x`,
      ],
    ],
  ),
);
console.log(
  `\nSequential, task by task (medians): ${tasks
    .map((t) => `${t} ${ms(median(perTask.get(t)!))}`)
    .join(
      ", ",
    )}. ${runs} interleaved runs each after a warm-up; the input (a full in-process render) took ${ms(prepared)}.` +
    ` Both ways wrote ${first.result.outputs.length} files with ${first.result.diagnostics.length} diagnostics` +
    (same ? "." : `; concurrently ${concurrentFirst.result.outputs.length} files — they differ!`),
);
// The render pool may leave handles behind; the table is all this process is for.
process.exit(0);
