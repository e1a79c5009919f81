import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleTree } from "../../packages/cli/src/tree-memory.ts";

/** One process run: wall time measured here, peak memory from GNU time or Bun's rusage. */
export interface Sample {
  readonly ms: number;
  /** Peak resident memory in bytes: the process and its children together (see `memorySource`). */
  readonly rss: number;
  readonly ok: boolean;
  /** The last lines of stderr/stdout when the run failed. */
  readonly error: string;
  /** What the process printed (`--json` results). */
  readonly stdout: string;
}

export interface Command {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env?: Record<string, string>;
}

const GNU_TIME = "/usr/bin/time";
export const memorySource = `the peak of the summed RSS of the process and its children, sampled every 50 ms, or ${
  existsSync(GNU_TIME) ? "GNU time -v" : "Bun.spawn resourceUsage"
}'s max RSS of the largest process if higher`;
const TIMEOUT_MS = 15 * 60_000;

function parseMaxRss(report: string): number | null {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  return m ? Number(m[1]) * 1024 : null;
}

function tail(text: string, lines = 12): string {
  return text.trim().split("\n").slice(-lines).join("\n");
}

export async function measure(cmd: Command): Promise<Sample> {
  const timeFile = join(tmpdir(), `bench-time-${process.pid}.txt`);
  const argv = existsSync(GNU_TIME) ? [GNU_TIME, "-v", "-o", timeFile, ...cmd.argv] : [...cmd.argv];
  const t0 = performance.now();
  const proc = Bun.spawn(argv as string[], {
    cwd: cmd.cwd,
    env: { ...process.env, NO_COLOR: "1", ...cmd.env },
    stdout: "pipe",
    stderr: "pipe",
    timeout: TIMEOUT_MS,
  });
  // Worker processes count too: rusage reports only the largest process of the tree.
  const tree = sampleTree(proc.pid);
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  const ms = performance.now() - t0;
  let rss = proc.resourceUsage()?.maxRSS ?? 0;
  if (existsSync(timeFile)) {
    rss = parseMaxRss(readFileSync(timeFile, "utf8")) ?? rss;
    rmSync(timeFile, { force: true });
  }
  rss = Math.max(rss, tree.stop());
  const ok = code === 0;
  return { ms, rss, ok, error: ok ? "" : `exit ${code}\n${tail(`${stdout}\n${stderr}`)}`, stdout };
}

/** Output text of a short command (versions), or null when it cannot run. */
export function capture(argv: readonly string[], cwd?: string): string | null {
  try {
    const r = Bun.spawnSync(argv as string[], { cwd, stdout: "pipe", stderr: "pipe" });
    return r.exitCode === 0 ? r.stdout.toString().trim() : null;
  } catch {
    return null;
  }
}

/**
 * Runs one of the bench's own scripts: what it prints is the result, its stderr (progress)
 * goes straight to ours. A failure comes back as a line for the report.
 */
export function runScript(argv: readonly string[], cwd: string): string {
  const r = Bun.spawnSync(argv as string[], { cwd, stdout: "pipe", stderr: "inherit" });
  const out = r.stdout.toString().trim();
  return r.exitCode === 0
    ? out
    : `\`${argv.join(" ")}\` failed (exit ${r.exitCode})${out ? `:\n\n${out}` : ""}`;
}
