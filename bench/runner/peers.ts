import { existsSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Generator } from "../generate/index.ts";
import { type Command, capture } from "./measure.ts";

export const REPO = resolve(import.meta.dir, "../..");
const CLI = join(REPO, "packages/cli/src/bin.ts");
const PEERS = join(REPO, "bench/.peers/node_modules");
const ELEVENTY = join(PEERS, "@11ty/eleventy/cmd.cjs");

export interface Peer {
  readonly name: Generator;
  readonly label: string;
  /** Set when the peer cannot run here: the reason it is skipped. */
  readonly skip: string | null;
  readonly version: string;
  /** A full build of `site` into `out`. */
  build(site: string, out: string, extra?: readonly string[]): Command;
  /** Removes the output and every cache, so the next build is cold. */
  reset(site: string, out: string): void;
  /** One-time set-up of a generated site folder. */
  prepare(site: string): void;
}

function rm(...paths: string[]): void {
  for (const p of paths) rmSync(p, { recursive: true, force: true });
}

function packageVersion(path: string): string | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")).version as string;
  } catch {
    return null;
  }
}

function bengal(): Peer {
  return {
    name: "bengal",
    label: "Bengal",
    skip: null,
    version: `${capture(["bun", CLI, "--version"])?.replace(/^bengal /, "") ?? "?"} (Bun ${Bun.version})`,
    build: (site, out, extra = []) => ({
      argv: ["bun", CLI, "build", site, "--quiet", "--output", out, ...extra],
      cwd: REPO,
    }),
    reset: (site, out) => rm(out, join(site, ".bengal")),
    prepare: () => {},
  };
}

function hugo(): Peer {
  const version = capture(["hugo", "version"]);
  return {
    name: "hugo",
    label: "Hugo",
    skip: version ? null : "hugo is not installed (run bench/setup.sh: apt-get install hugo)",
    version: version?.split(" ")[1] ?? "",
    build: (site, out) => ({
      argv: [
        "hugo",
        "--quiet",
        "--source",
        site,
        "--destination",
        out,
        "--cacheDir",
        join(out, "..", "hugo-cache"),
      ],
      cwd: site,
    }),
    reset: (site, out) =>
      rm(out, join(site, "resources"), join(out, "..", "hugo-cache"), join(site, ".hugo_build.lock")),
    prepare: () => {},
  };
}

function eleventy(): Peer {
  const core = packageVersion(join(PEERS, "@11ty/eleventy/package.json"));
  const plugin = packageVersion(join(PEERS, "@11ty/eleventy-plugin-syntaxhighlight/package.json"));
  const node = capture(["node", "--version"]);
  const skip = !node
    ? "node is not installed"
    : !core || !plugin
      ? "@11ty/eleventy is not installed in bench/.peers (run bench/setup.sh)"
      : null;
  return {
    name: "eleventy",
    label: "Eleventy",
    skip,
    version: `${core} + syntaxhighlight ${plugin} (Prism; Node ${node?.replace(/^v/, "")})`,
    build: (site, out) => ({ argv: ["node", ELEVENTY, "--quiet", "--output", out], cwd: site }),
    reset: (_site, out) => rm(out),
    // The config imports the highlight plugin, resolved from the site's own node_modules.
    prepare: (site) => {
      if (!existsSync(join(site, "node_modules"))) symlinkSync(PEERS, join(site, "node_modules"));
    },
  };
}

export function detectPeers(): Peer[] {
  return [bengal(), hugo(), eleventy()];
}

export const ELEVENTY_CMD = ELEVENTY;
