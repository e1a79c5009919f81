import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Generator } from "../generate/index.ts";
import { measure, type Sample } from "./measure.ts";
import type { Peer } from "./peers.ts";
import { median, megabytes, range, ratio, seconds } from "./report.ts";

export interface ColdResult {
  readonly pages: number;
  readonly samples: Map<Generator, Sample[]>;
  readonly failures: Map<Generator, string>;
  readonly htmlFiles: Map<Generator, number>;
}

function countHtml(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".html")).length;
  } catch {
    return 0;
  }
}

/** Cold builds, interleaved (Bengal, Hugo, Eleventy, Bengal, …) so all peers share the machine's state. */
export async function coldBuilds(
  pages: number,
  peers: readonly Peer[],
  sites: Record<Generator, string>,
  outs: Record<Generator, string>,
  runs: number,
): Promise<ColdResult> {
  const samples = new Map<Generator, Sample[]>(peers.map((p) => [p.name, []]));
  const failures = new Map<Generator, string>();
  for (let run = 1; run <= runs; run++) {
    const line: string[] = [];
    for (const peer of peers) {
      if (failures.has(peer.name)) continue;
      peer.reset(sites[peer.name], outs[peer.name]);
      const s = await measure(peer.build(sites[peer.name], outs[peer.name]));
      if (!s.ok) {
        failures.set(peer.name, s.error);
        console.error(`  ${peer.label} failed at ${pages} pages:\n${s.error}`);
        continue;
      }
      samples.get(peer.name)!.push(s);
      line.push(`${peer.label} ${seconds(s.ms)}`);
    }
    console.error(`  ${pages} pages, run ${run}/${runs}: ${line.join(", ")}`);
  }
  const htmlFiles = new Map(peers.map((p) => [p.name, countHtml(outs[p.name])] as const));
  for (const [name, count] of htmlFiles) {
    if (count < pages)
      console.error(`  ${name} wrote ${count} HTML files for ${pages} pages: it left pages out`);
  }
  return { pages, samples, failures, htmlFiles };
}

/** Rows: pages, generator, median, min–max, ratio to Bengal's median, peak memory, HTML files. */
export function coldRows(results: readonly ColdResult[], peers: readonly Peer[]): string[][] {
  const rows: string[][] = [];
  for (const r of results) {
    const bengal = r.samples.get("bengal") ?? [];
    const base = bengal.length ? median(bengal.map((s) => s.ms)) : null;
    for (const peer of peers) {
      const xs = r.samples.get(peer.name) ?? [];
      const pages = r.pages.toLocaleString("en-US");
      if (!xs.length) {
        rows.push([pages, peer.label, "failed", "", "", "", ""]);
        continue;
      }
      const ms = xs.map((s) => s.ms);
      // Fewer HTML files than pages: it left pages out, so its time is not comparable.
      const partial = (r.htmlFiles.get(peer.name) ?? 0) < r.pages;
      rows.push([
        pages,
        partial ? `${peer.label} (left pages out: not comparable)` : peer.label,
        seconds(median(ms)),
        range(ms),
        base === null ? "" : ratio(median(ms), base),
        megabytes(Math.max(...xs.map((s) => s.rss))),
        String(r.htmlFiles.get(peer.name) ?? 0),
      ]);
    }
  }
  return rows;
}

export const COLD_HEADER = [
  "Pages",
  "Generator",
  "Median",
  "Min–max",
  "Time vs Bengal",
  "Peak memory",
  "HTML files",
];

export function outDirs(root: string, peers: readonly Peer[]): Record<Generator, string> {
  return Object.fromEntries(peers.map((p) => [p.name, join(root, p.name)])) as Record<Generator, string>;
}
