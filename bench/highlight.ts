/**
 * Highlights every fenced code block of a generated site's markdown, `passes` times, each pass
 * with a fresh highlighter (no memory cache, no block store): pass 1 is a cold process's cost,
 * later passes the warm cost. Prints CPU per pass and a hash of all HTML (byte-identity check).
 *   bun bench/highlight.ts /dev/shm/s1k/bengal/content 5
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createHighlighter } from "../packages/core/src/render/highlight/highlighter.ts";

const root = process.argv[2] ?? "/dev/shm/s1k/bengal/content";
const passes = Number(process.argv[3] ?? 5);
const blocks: Array<[string, string]> = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".md")) {
      for (const m of readFileSync(path, "utf8").matchAll(/^```(\w+)\n([\s\S]*?)\n```$/gm))
        blocks.push([m[1]!, m[2]!]);
    }
  }
};
walk(root);
const config = { light: "github-light", dark: "github-dark", enabled: true, line_numbers: false };
const cpu: number[] = [];
let hash = "";
for (let p = 0; p < passes; p++) {
  const before = process.cpuUsage();
  const h = await createHighlighter(config);
  const hasher = new Bun.CryptoHasher("sha1");
  for (const [lang, code] of blocks) hasher.update((await h.highlight(code, lang)).html);
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
  hash = hasher.digest("hex");
  h.dispose();
}
const warm = cpu.slice(1).sort((a, b) => a - b);
const median = warm.length ? warm[Math.floor(warm.length / 2)]!.toFixed(0) : "-";
console.log(
  `${blocks.length} blocks, html sha1 ${hash.slice(0, 12)}: cold ${cpu[0]!.toFixed(0)} ms CPU, warm median ${median} ms (${cpu.map((t) => t.toFixed(0)).join(", ")})`,
);
