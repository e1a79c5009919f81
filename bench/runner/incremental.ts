import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Generator } from "../generate/index.ts";
import { measure } from "./measure.ts";
import { ELEVENTY_CMD, type Peer } from "./peers.ts";
import { median, range, seconds } from "./report.ts";
import { type WatchSpec, watchRebuilds } from "./watch.ts";

export const INCREMENTAL_HEADER = [
  "Pages",
  "Generator",
  "No-change rebuild",
  "Min–max",
  "One-page edit",
  "Min–max",
  "How",
];

/** Appends a sentence to one page's body (front matter, title and headings unchanged). */
function editor(file: string): { edit: (run: number) => void; restore: () => void } {
  const original = readFileSync(file, "utf8");
  return {
    edit: (run) => writeFileSync(file, `${original}\nAn edited closing sentence, revision ${run + 1}.\n`),
    restore: () => writeFileSync(file, original),
  };
}

async function timed(peer: Peer, site: string, out: string, runs: number, before: (run: number) => void) {
  const ms: number[] = [];
  for (let run = 0; run < runs; run++) {
    before(run);
    const s = await measure(peer.build(site, out));
    if (!s.ok) throw new Error(`${peer.label} rebuild failed:\n${s.error}`);
    ms.push(s.ms);
  }
  return ms;
}

function watchSpec(peer: Peer, site: string, out: string): WatchSpec | string {
  if (peer.name === "hugo") {
    const build = peer.build(site, out).argv.filter((a) => a !== "--quiet");
    return {
      argv: [...build, "--watch"],
      cwd: site,
      ready: /Watching for changes/,
      rebuilt: /Total in (\d+) ms/,
      toMs: Number,
    };
  }
  if (peer.name === "eleventy") {
    return {
      argv: ["node", ELEVENTY_CMD, "--quiet", "--watch", "--incremental", "--output", out],
      cwd: site,
      ready: /Watching/,
      rebuilt: /Wrote \d+ files?.*? in ([\d.]+) seconds/,
      toMs: (s) => Number(s) * 1000,
    };
  }
  return "no watch mode";
}

/**
 * Bengal: the CLI twice (a no-change rebuild), then after each one-page edit. Peers: a warm
 * rebuild (output kept) and their watch mode's rebuild after the same edit.
 */
export async function incrementalRows(
  pages: number,
  peers: readonly Peer[],
  sites: Record<Generator, string>,
  outs: Record<Generator, string>,
  pagePath: string,
  runs: number,
): Promise<{ rows: string[][]; bars: { label: string; ms: number }[] }> {
  const rows: string[][] = [];
  const bars: { label: string; ms: number }[] = [];
  const n = pages.toLocaleString("en-US");
  for (const peer of peers) {
    const site = sites[peer.name];
    const out = outs[peer.name];
    const page = editor(join(site, "content", pagePath));
    try {
      peer.reset(site, out);
      const first = await measure(peer.build(site, out));
      if (!first.ok) throw new Error(`${peer.label} build failed:\n${first.error}`);
      const same = await timed(peer, site, out, runs, () => {});
      bars.push({ label: `${peer.label} ${n}: no-change rebuild`, ms: median(same) });
      if (peer.name === "bengal") {
        const edited = await timed(peer, site, out, runs, page.edit);
        bars.push({ label: `${peer.label} ${n}: one-page edit`, ms: median(edited) });
        rows.push([
          n,
          peer.label,
          seconds(median(same)),
          range(same),
          seconds(median(edited)),
          range(edited),
          "`bengal build` again (CLI, cache in .bengal/)",
        ]);
        continue;
      }
      const spec = watchSpec(peer, site, out);
      if (typeof spec === "string") {
        rows.push([n, peer.label, seconds(median(same)), range(same), "skipped", "", spec]);
        continue;
      }
      const w = await watchRebuilds(spec, runs, page.edit, 10 * 60_000);
      bars.push({ label: `${peer.label} ${n}: one-page edit (watch)`, ms: median(w.reported) });
      const mode = peer.name === "hugo" ? "`hugo --watch`" : "`eleventy --watch --incremental`";
      rows.push([
        n,
        peer.label,
        seconds(median(same)),
        range(same),
        seconds(median(w.reported)),
        range(w.reported),
        `no-change: warm full build; edit: ${mode} as it reports (file write → done: ${seconds(median(w.wall))})`,
      ]);
    } catch (error) {
      console.error(`  ${peer.label} incremental at ${n} pages: ${(error as Error).message}`);
      rows.push([n, peer.label, "failed", "", "failed", "", (error as Error).message.split("\n")[0]!]);
    } finally {
      page.restore();
    }
  }
  return { rows, bars };
}
