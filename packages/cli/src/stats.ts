import { existsSync } from "node:fs";
import type { BuildResult } from "@bengal/core";
import { paint, type Terminal } from "./terminal.ts";
import { sampleTree } from "./tree-memory.ts";

export interface MemorySampler {
  /** Stops sampling; the peak resident set size seen, in bytes. */
  stop(): number;
}

/**
 * Samples the resident set size while the build runs. The OS's own high-water mark
 * (`resourceUsage().maxRSS`, in KiB) catches peaks between samples where it is available.
 */
export function sampleMemory(intervalMs = 50): MemorySampler {
  // With /proc (Linux) the whole process tree, so the page workers (processes) count too.
  if (existsSync(`/proc/${process.pid}/statm`)) {
    const tree = sampleTree(process.pid, intervalMs);
    return { stop: () => Math.max(tree.stop(), ownMaxRss()) };
  }
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  timer.unref?.();
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss, ownMaxRss());
    },
  };
}

/** This process's own peak as the OS counted it (0 where the runtime cannot say). */
function ownMaxRss(): number {
  try {
    return process.resourceUsage().maxRSS * 1024;
  } catch {
    return 0;
  }
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function workers(count: number, utilization: number | undefined): string {
  if (count <= 0) return "inline";
  return utilization !== undefined ? `${count} (${Math.round(utilization * 100)}% busy)` : String(count);
}

/** The `--stats` block: per-stage times with their share, workers and their use, peak memory. */
export function formatStats(
  term: Pick<Terminal, "color">,
  result: Pick<BuildResult, "timings" | "workers" | "workerUtilization">,
  peakBytes: number,
  elapsedMs: number,
): string {
  const total = result.timings.reduce((sum, t) => sum + t.ms, 0) || 1;
  const width = Math.max("peak memory".length, ...result.timings.map((t) => t.stage.length));
  const row = (label: string, value: string) => `  ${label.padEnd(width)}  ${value}\n`;
  let out = `${paint(term, "bold", "Build statistics")}\n`;
  for (const t of result.timings) {
    const share = `${Math.round((t.ms / total) * 100)}%`.padStart(4);
    out += row(t.stage, `${ms(t.ms).padStart(10)}  ${paint(term, "dim", share)}`);
  }
  out += row("total", ms(elapsedMs).padStart(10));
  const w = result.workers;
  const busy = result.workerUtilization;
  if (w)
    out += row(
      "workers",
      `pages: ${workers(w.pages, busy?.pages)} · assets: ${workers(w.assets, busy?.assets)}`,
    );
  out += row("peak memory", mib(peakBytes));
  return out;
}
