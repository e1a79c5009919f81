import { describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BuildOptions, BuildResult, Diagnostic } from "@bengal/core";
import { parseArgs } from "../args.ts";
import { BUILD } from "../spec.ts";
import type { Terminal } from "../terminal.ts";
import { type BuildApi, runBuild } from "./build.ts";

const assetFailure = (i: number): Diagnostic => ({
  code: "asset.failed",
  severity: "error",
  message: `Unexpected token in f${i}.js`,
  file: `assets/js/f${String(i).padStart(2, "0")}.js`,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
});

function result(diagnostics: Diagnostic[] = []): BuildResult {
  return {
    pages: 40,
    assets: 12,
    written: 52,
    unchanged: 0,
    removed: 0,
    changedPaths: [],
    workers: { pages: 2, assets: 3 },
    workerUtilization: { pages: 0.5 },
    cache: { mode: "off", reason: null, rendered: 40, changed: [], reasons: {} },
    outputDir: "/site/public",
    timings: [
      { stage: "render", ms: 30 },
      { stage: "assets", ms: 10 },
    ],
    diagnostics,
    failed: diagnostics.some((d) => d.severity === "error"),
  };
}

/** Runs `bengal build` against a stand-in core that reports 4 rendered pages and 2 assets as it goes. */
async function run(argv: string[], interactive: boolean, outcome = result()) {
  const root = mkdtempSync(join(tmpdir(), "bengal-build-display-"));
  mkdirSync(join(root, "content"));
  let out = "";
  let err = "";
  const events: string[] = [];
  const term: Terminal = {
    out: (t) => {
      out += t;
      events.push("out");
    },
    err: (t) => {
      err += t;
      events.push("err");
    },
    color: false,
    cwd: root,
    interactive,
  };
  let options: BuildOptions | undefined;
  const api = {
    build: async (o: BuildOptions) => {
      options = o;
      for (let i = 1; i <= 4; i++) o.onItem?.("render", i, 4);
      o.onProgress?.({ stage: "render", ms: 30 });
      for (let i = 1; i <= 2; i++) o.onItem?.("assets", i, 3);
      return outcome;
    },
    BuildError: Error,
  } as unknown as BuildApi;
  try {
    const code = await runBuild(term, parseArgs(argv, BUILD.flags), async () => api, { progressDelayMs: 0 });
    return { code, out, err, events, options: options! };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe("build display", () => {
  test("on a terminal, a progress line on stderr that is gone before the summary", async () => {
    const r = await run([], true);
    expect(r.err).toContain("pages  [");
    expect(r.err).toContain("1/4");
    expect(r.err).toContain("assets [");
    expect(r.err.endsWith("\r\x1b[2K")).toBe(true);
    expect(r.events.at(-1)).toBe("out");
  });

  test("nothing of it without a terminal, or with --quiet or --json", async () => {
    expect((await run([], false)).err).toBe("");
    expect((await run(["--quiet"], true)).err).toBe("");
    expect((await run(["--json"], true)).err).toBe("");
  });

  test("--verbose stage lines never land on top of the progress line", async () => {
    const r = await run(["--verbose"], true);
    const stageLine = r.out.indexOf("render");
    expect(stageLine).toBeGreaterThan(-1);
    // The line is cleared (last err write) before the stage line is printed.
    const firstOut = r.events.indexOf("out");
    expect(r.events.slice(0, firstOut).at(-1)).toBe("err");
    expect(r.err.split("\r\x1b[2K").filter(Boolean)[0]).toContain("1/4");
  });

  test("--stats prints per-stage times, workers with utilization and peak memory", async () => {
    const r = await run(["--stats"], false);
    expect(r.out).toContain("Build statistics");
    expect(r.out).toMatch(/ {2}render +30\.0 ms +75%/);
    expect(r.out).toContain("workers      pages: 2 (50% busy) · assets: 3");
    expect(r.out).toMatch(/peak memory +\d+\.\d MiB/);
    const json = JSON.parse((await run(["--stats", "--json"], false)).out);
    expect(json.stats.workers).toEqual({ pages: 2, assets: 3 });
    expect(json.stats.peakRssBytes).toBeGreaterThan(0);
  });

  test("--check-external reaches core", async () => {
    expect((await run(["--check-external"], false)).options.checkExternal).toBe(true);
    expect((await run([], false)).options.checkExternal).toBeUndefined();
  });

  test("failed assets are summed up after the diagnostics: the first ten and a count", async () => {
    const failures = Array.from({ length: 12 }, (_, i) => assetFailure(i));
    const r = await run([], true, result(failures));
    expect(r.code).toBe(1);
    const summary = r.out.slice(r.out.indexOf("12 assets failed:"));
    expect(summary.split("\n").slice(0, 12)).toEqual([
      "12 assets failed:",
      ...Array.from(
        { length: 10 },
        (_, i) => `  assets/js/f${String(i).padStart(2, "0")}.js  Unexpected token in f${i}.js`,
      ),
      "  … and 2 more",
    ]);
    expect(r.out.indexOf("12 assets failed:")).toBeGreaterThan(r.out.lastIndexOf("[asset.failed]"));
    expect(r.out).not.toContain("\r");
  });
});
