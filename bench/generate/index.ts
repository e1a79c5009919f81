/**
 * The benchmark site generator: one seeded site, written for Bengal, Hugo and Eleventy.
 * CLI: `bun bench/generate/index.ts <out-dir> [--pages 1000] [--seed 1]` writes
 * <out-dir>/{bengal,hugo,eleventy}.
 */
import { join } from "node:path";
import { bengalSite } from "./bengal.ts";
import { eleventySite } from "./eleventy.ts";
import { type FileMap, writeFiles } from "./files.ts";
import { hugoSite } from "./hugo.ts";
import { type GenerateOptions, generateSpec, type SiteSpec } from "./site.ts";

export type { FileMap } from "./files.ts";
export type { GenerateOptions, SiteSpec } from "./site.ts";
export { generateSpec } from "./site.ts";

export const GENERATORS = ["bengal", "hugo", "eleventy"] as const;
export type Generator = (typeof GENERATORS)[number];

const WRITERS: Record<Generator, (spec: SiteSpec) => FileMap> = {
  bengal: bengalSite,
  hugo: hugoSite,
  eleventy: eleventySite,
};

/** The files of one generator's site, in memory. */
export function siteFiles(generator: Generator, options: GenerateOptions): FileMap {
  return WRITERS[generator](generateSpec(options));
}

/** Writes `<outDir>/<generator>` for each generator; returns those folders. */
export function generateSites(
  outDir: string,
  options: GenerateOptions,
  generators: readonly Generator[] = GENERATORS,
): Record<Generator, string> {
  const spec = generateSpec(options);
  const dirs = {} as Record<Generator, string>;
  for (const g of generators) {
    dirs[g] = join(outDir, g);
    writeFiles(dirs[g], WRITERS[g](spec));
  }
  return dirs;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const out = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  if (!out) {
    console.error("usage: bun bench/generate/index.ts <out-dir> [--pages 1000] [--seed 1]");
    process.exit(2);
  }
  const pages = flag("pages", 1000);
  const dirs = generateSites(out, { pages, seed: flag("seed", 1) });
  console.log(`${pages} pages → ${Object.values(dirs).join(", ")}`);
}
