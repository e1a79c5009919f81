import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Peer } from "./peers.ts";
import { seconds } from "./report.ts";

/** One cold Bengal build with `--json`: where its time goes, stage by stage (as the CLI reports). */
export async function bengalStages(bengal: Peer, site: string, out: string): Promise<string[][] | string> {
  bengal.reset(site, out);
  const cmd = bengal.build(site, out, ["--json"]);
  const proc = Bun.spawn(cmd.argv as string[], { cwd: cmd.cwd, stdout: "pipe", stderr: "pipe" });
  const [text] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
  try {
    const result = JSON.parse(text) as { timings: { stage: string; ms: number }[] };
    const total = result.timings.reduce((sum, t) => sum + t.ms, 0);
    return result.timings.map((t) => [t.stage, seconds(t.ms), `${((t.ms / total) * 100).toFixed(0)}%`]);
  } catch {
    return `bengal build --json printed no result (exit ${proc.exitCode})`;
  }
}

/**
 * One cold `--no-parallel` build under `bun --cpu-prof-md` (on one thread the profile sees all
 * the work). Returns the profile's hottest functions; the whole profile stays in `dir`.
 */
export async function bengalProfile(bengal: Peer, site: string, out: string, dir: string): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  bengal.reset(site, out);
  const cmd = bengal.build(site, out, ["--no-parallel"]);
  const [bun, ...rest] = cmd.argv;
  const argv = [bun!, "--cpu-prof-md", `--cpu-prof-dir=${dir}`, ...rest];
  const proc = Bun.spawn(argv, { cwd: cmd.cwd, stdout: "ignore", stderr: "ignore" });
  await proc.exited;
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith(".md")) : undefined;
  if (!file) return `no profile written (exit ${proc.exitCode})`;
  const lines = readFileSync(join(dir, file), "utf8").split("\n");
  const top = lines.find((l) => l.startsWith("**Top 10:**")) ?? "";
  const rows = tableOf(lines, "## Hot Functions", 15);
  return [top, "", ...rows, "", `Full profile: \`${join(dir, file)}\``].map(shorten).join("\n");
}

/**
 * One cold build as users run it (page workers) with every process under `bun --cpu-prof-md`
 * (`BUN_OPTIONS`, which the workers inherit): the busiest worker's profile is the render stage as
 * it really runs, its messages, cache rows and collections included. Returns that worker's
 * hottest files and functions; every process's profile stays in `dir`.
 */
export async function bengalWorkerProfile(
  bengal: Peer,
  site: string,
  out: string,
  dir: string,
): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  bengal.reset(site, out);
  const cmd = bengal.build(site, out);
  const env = { ...process.env, BUN_OPTIONS: `--cpu-prof-md --cpu-prof-dir=${dir}` };
  const proc = Bun.spawn(cmd.argv as string[], { cwd: cmd.cwd, env, stdout: "ignore", stderr: "ignore" });
  await proc.exited;
  // Named CPU.<date>.<time>.<pid>.…: every process but the build's own is a page worker.
  const workers = (existsSync(dir) ? readdirSync(dir) : [])
    .filter((f) => f.endsWith(".md") && f.split(".")[3] !== String(proc.pid))
    .map((f) => ({ f, lines: readFileSync(join(dir, f), "utf8").split("\n") }))
    .map((w) => ({ ...w, samples: samplesOf(w.lines) }))
    .sort((a, b) => b.samples - a.samples);
  const busiest = workers[0];
  if (!busiest) return `no page worker profile written (exit ${proc.exitCode}; below the pool's size?)`;
  return [
    `${workers.length} page workers; the busiest took ${busiest.samples.toLocaleString("en-US")} samples (1 ms each). Shares are of its run, idle waits included.`,
    "",
    "**By file:**",
    "",
    ...tableOf(busiest.lines, "## Files", 12),
    "",
    "**Hottest functions:**",
    "",
    ...tableOf(busiest.lines, "## Hot Functions", 15),
    "",
    `Full profiles: \`${dir}\``,
  ]
    .map(shorten)
    .join("\n");
}

/** The table under a `--cpu-prof-md` heading: its header, separator and first `rows` rows. */
function tableOf(lines: readonly string[], heading: string, rows: number): string[] {
  const at = lines.findIndex((l) => l.startsWith(heading));
  return at >= 0 ? lines.slice(at + 2, at + 4 + rows) : [];
}

/** The sample count in a `--cpu-prof-md` profile's header table. */
function samplesOf(lines: readonly string[]): number {
  const row = lines.find((l) => /^\|\s*[\d.]+m?s\s*\|\s*\d+\s*\|/.test(l));
  return row ? Number(row.split("|")[2]!.trim()) : 0;
}

/** Regex sources appear as function names; a few hundred characters of one say nothing. */
function shorten(line: string): string {
  return line.replace(/``.*?``|`[^`]*`/g, (code) => {
    const whole = code.replace(/^`+|`+$/g, "");
    const isPath = /^\/[\w.@+\-/]+(:\d+)?$/.test(whole);
    if (code.length <= 70 || !whole.startsWith("/") || isPath) return code;
    const inner = whole.slice(0, 40).replace(/\\+$/, "");
    return `\`${inner.replace(/`/g, "'")}…\``;
  });
}
