import { describe, expect, test } from "bun:test";
import type { Diagnostic } from "@bengal/core";
import { failureSummary } from "./report.ts";
import { formatStats, sampleMemory } from "./stats.ts";

describe("formatStats", () => {
  test("per-stage times with shares, workers with utilization, peak memory", () => {
    const text = formatStats(
      { color: false },
      {
        timings: [
          { stage: "render", ms: 750 },
          { stage: "assets", ms: 250 },
        ],
        workers: { pages: 4, assets: 0 },
        workerUtilization: { pages: 0.825 },
      },
      256 * 1024 * 1024,
      1_100,
    );
    expect(text.split("\n")).toEqual([
      "Build statistics",
      "  render         750.0 ms   75%",
      "  assets         250.0 ms   25%",
      "  total            1.10 s",
      "  workers      pages: 4 (83% busy) · assets: inline",
      "  peak memory  256.0 MiB",
      "",
    ]);
  });

  test("the memory sampler reports at least the current resident size", () => {
    const rss = process.memoryUsage().rss;
    expect(sampleMemory(5).stop()).toBeGreaterThanOrEqual(rss * 0.5);
  });
});

describe("failureSummary", () => {
  const failure = (i: number): Diagnostic => ({
    code: "asset.failed",
    severity: "error",
    message: `syntax error ${i}`,
    file: `assets/css/f${String(i).padStart(2, "0")}.css`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  });
  const term = { color: false, cwd: "/site", out: () => {}, err: () => {} };

  test("lists the first ten failures and counts the rest", () => {
    const all = Array.from({ length: 13 }, (_, i) => failure(12 - i));
    const lines = failureSummary(term, all, { root: "/site", code: "asset.failed", noun: "asset" }).split(
      "\n",
    );
    expect(lines[0]).toBe("13 assets failed:");
    expect(lines.slice(1, 11)).toEqual(
      Array.from(
        { length: 10 },
        (_, i) => `  assets/css/f${String(i).padStart(2, "0")}.css  syntax error ${i}`,
      ),
    );
    expect(lines[11]).toBe("  … and 3 more");
  });

  test("says nothing without failures", () => {
    expect(failureSummary(term, [], { root: "/site", code: "asset.failed", noun: "asset" })).toBe("");
  });
});
