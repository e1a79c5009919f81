import { readdirSync, readFileSync } from "node:fs";

const PAGE = 4096;

function readOr(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Every process below `pid` (Linux: each thread's `children` list), and `pid` itself. */
function processTree(pid: number): number[] {
  const out: number[] = [];
  const todo = [pid];
  while (todo.length > 0) {
    const p = todo.pop()!;
    out.push(p);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tasks)
      for (const child of readOr(`/proc/${p}/task/${t}/children`).split(" "))
        if (child.trim() !== "") todo.push(Number(child));
  }
  return out;
}

/** Resident memory of `pid` and all its descendants now, in bytes (0 where /proc is missing). */
export function treeRss(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    const resident = Number(readOr(`/proc/${p}/statm`).split(" ")[1] ?? 0);
    if (Number.isFinite(resident)) total += resident * PAGE;
  }
  return total;
}

/**
 * Samples the summed resident memory of a process tree until stopped: a build whose page
 * workers are processes would otherwise be measured by its largest process alone, as
 * `time -v` and rusage report it. `--stats` and the benchmark's peak memory both use it.
 */
export function sampleTree(pid: number, intervalMs = 50): { stop(): number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRss(pid));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref?.();
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
