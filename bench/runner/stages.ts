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
  const hot = lines.findIndex((l) => l.startsWith("## Hot Functions"));
  const rows = hot >= 0 ? lines.slice(hot + 2, hot + 4 + 15) : [];
  return [top, "", ...rows, "", `Full profile: \`${join(dir, file)}\``].map(shorten).join("\n");
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
