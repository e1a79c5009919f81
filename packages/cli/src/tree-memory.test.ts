import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { treeRss } from "./tree-memory.ts";

const linux = existsSync(`/proc/${process.pid}/statm`);

describe("treeRss", () => {
  test.skipIf(!linux)("counts a child process's memory with the parent's", async () => {
    const child = Bun.spawn([
      "bun",
      "-e",
      "globalThis.x = Buffer.alloc(64 * 1024 * 1024, 1); await Bun.sleep(3000)",
    ]);
    try {
      let childRss = 0;
      for (let i = 0; i < 50 && childRss < 64 * 1024 * 1024; i++) {
        await Bun.sleep(50);
        childRss = treeRss(child.pid);
      }
      expect(childRss).toBeGreaterThan(64 * 1024 * 1024);
      expect(treeRss(process.pid)).toBeGreaterThan(process.memoryUsage().rss * 0.5 + childRss * 0.9);
    } finally {
      child.kill();
      await child.exited;
    }
  });
});
