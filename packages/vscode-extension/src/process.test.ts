import { describe, expect, test } from "bun:test";
import { tmpdir } from "node:os";
import { runToEnd, startLongRunning } from "./process.ts";

const bun = process.execPath;

describe("runToEnd", () => {
  test("collects stdout, streams stderr lines, reports the exit code", async () => {
    const seen: string[] = [];
    const run = await runToEnd(bun, ["-e", 'console.error("a\\nb"); console.log("{}"); process.exit(3)'], {
      cwd: tmpdir(),
      onStderr: (l) => seen.push(l),
    });
    expect(run).toMatchObject({ code: 3, stdout: "{}\n", cancelled: false });
    expect(seen).toEqual(["a", "b"]);
  });

  test("aborting kills the child and says it was cancelled", async () => {
    const abort = new AbortController();
    const run = runToEnd(bun, ["-e", 'console.error("ready"); setInterval(() => {}, 1000)'], {
      cwd: tmpdir(),
      signal: abort.signal,
      onStderr: (l) => {
        if (l === "ready") abort.abort();
      },
    });
    expect(await run).toMatchObject({ cancelled: true, code: null });
  });

  test("an executable that does not exist is a spawn error, not a throw", async () => {
    const run = await runToEnd("/nonexistent/bun", [], { cwd: tmpdir() });
    expect(run.spawnError).toContain("ENOENT");
  });
});

describe("startLongRunning", () => {
  test("streams lines until stopped", async () => {
    let ready!: () => void;
    const seen = new Promise<void>((r) => {
      ready = r;
    });
    const lines: string[] = [];
    const proc = startLongRunning(
      bun,
      ["-e", 'console.log("Serving on http://localhost:1/"); setInterval(() => {}, 1000)'],
      tmpdir(),
      (line, stream) => {
        lines.push(`${stream}:${line}`);
        ready();
      },
    );
    await seen;
    await proc.stop();
    expect(lines).toEqual(["stdout:Serving on http://localhost:1/"]);
    expect(proc.child.exitCode !== null || proc.child.signalCode !== null).toBe(true);
  });
});
