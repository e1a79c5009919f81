import { describe, expect, test } from "bun:test";
import { createProgress } from "./progress.ts";

function harness(enabled: boolean) {
  let clock = 0;
  const writes: string[] = [];
  const progress = createProgress({
    write: (t) => writes.push(t),
    enabled,
    now: () => clock,
    delayMs: 300,
    intervalMs: 100,
    width: 10,
  });
  return { progress, writes, tick: (ms: number) => (clock += ms) };
}

describe("createProgress", () => {
  test("draws one self-overwriting line once the build has run a while, throttled", () => {
    const { progress, writes, tick } = harness(true);
    progress.item("render", 1, 100);
    expect(writes).toEqual([]);
    tick(400);
    progress.item("render", 20, 100);
    progress.item("render", 21, 100);
    tick(150);
    progress.item("render", 50, 100);
    expect(writes).toEqual([
      "\r\x1b[2K  pages  [##--------] 20/100",
      "\r\x1b[2K  pages  [#####-----] 50/100",
    ]);
  });

  test("clears itself when a stage completes or other output is due", () => {
    const { progress, writes, tick } = harness(true);
    tick(500);
    progress.item("assets", 3, 12);
    progress.clear();
    progress.clear();
    progress.item("assets", 12, 12);
    expect(writes).toEqual(["\r\x1b[2K  assets [###-------] 3/12", "\r\x1b[2K"]);
  });

  test("writes nothing at all when disabled (no TTY, --quiet, --json)", () => {
    const { progress, writes, tick } = harness(false);
    tick(1_000);
    progress.item("render", 5, 10);
    progress.clear();
    expect(writes).toEqual([]);
  });
});
