import type { Command } from "./measure.ts";

/** How a watching peer says it is ready and that a rebuild finished (group 1 = its own time, in ms). */
export interface WatchSpec extends Command {
  readonly ready: RegExp;
  readonly rebuilt: RegExp;
  /** Converts the captured number to milliseconds. */
  readonly toMs: (captured: string) => number;
}

export interface WatchResult {
  /** Rebuild time as the peer reports it. */
  readonly reported: number[];
  /** From the file write to the peer's "rebuilt" line (includes its file-watch debounce). */
  readonly wall: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a peer in watch mode, waits for its first build, then makes `runs` edits one at a
 * time and times each rebuild. Throws with the output's tail when the peer never answers.
 */
export async function watchRebuilds(
  spec: WatchSpec,
  runs: number,
  edit: (run: number) => void,
  timeoutMs: number,
): Promise<WatchResult> {
  const proc = Bun.spawn(spec.argv as string[], {
    cwd: spec.cwd,
    env: { ...process.env, NO_COLOR: "1", ...spec.env },
    stdout: "pipe",
    stderr: "pipe",
  });
  let output = "";
  const events: { at: number; ms: number }[] = [];
  let ready = false;
  const pump = async (stream: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder();
    const reader = stream.getReader();
    let partial = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const at = performance.now();
      const text = decoder.decode(value, { stream: true });
      output += text;
      if (!ready && spec.ready.test(output)) ready = true;
      const lines = (partial + text).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        const m = spec.rebuilt.exec(line);
        if (m && ready) events.push({ at, ms: spec.toMs(m[1]!) });
      }
    }
  };
  void pump(proc.stdout);
  void pump(proc.stderr);
  const until = async (cond: () => boolean, what: string) => {
    const deadline = performance.now() + timeoutMs;
    while (!cond()) {
      if (performance.now() > deadline || proc.exitCode !== null) {
        throw new Error(`${what}: no answer\n${output.trim().split("\n").slice(-8).join("\n")}`);
      }
      await sleep(5);
    }
  };
  try {
    await until(() => ready, "watch start");
    await sleep(500);
    events.length = 0;
    const result: WatchResult = { reported: [], wall: [] };
    for (let run = 0; run < runs; run++) {
      const seen = events.length;
      const t0 = performance.now();
      edit(run);
      await until(() => events.length > seen, "rebuild");
      const e = events[seen]!;
      result.reported.push(e.ms);
      result.wall.push(e.at - t0);
      await sleep(700); // let the watcher settle before the next edit
    }
    return result;
  } finally {
    proc.kill();
    await proc.exited;
  }
}
