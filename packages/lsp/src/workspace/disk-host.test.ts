import { describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createNodeHost, HostError } from "@bengal/core/analysis";
import { createDiskHost } from "./disk-host.ts";

/** The code and message a failed read gives, or the text. */
async function outcome(read: () => Promise<string>): Promise<string> {
  try {
    return await read();
  } catch (e) {
    return e instanceof HostError ? `HostError:${e.code}: ${e.message}` : `other:${String(e)}`;
  }
}

describe("createDiskHost", () => {
  test("reads and fails exactly as core's Node host does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bengal-disk-host-"));
    try {
      writeFileSync(join(dir, "a.md"), "\ufeff# Über\n");
      writeFileSync(join(dir, "bad.md"), new Uint8Array([0x23, 0xff, 0xfe, 0x0a]));
      mkdirSync(join(dir, "folder"));
      const fast = createDiskHost();
      const core = createNodeHost();
      for (const name of ["a.md", "bad.md", "missing.md", "folder", "a.md/below"]) {
        const path = join(dir, name);
        expect(await outcome(() => fast.readText(path))).toBe(await outcome(() => core.readText(path)));
      }
      expect(await fast.readText(join(dir, "a.md"))).toBe("# Über\n");
      expect(await outcome(() => fast.readText(join(dir, "bad.md")))).toStartWith("HostError:not-utf8:");
      expect(await outcome(() => fast.readText(join(dir, "missing.md")))).toStartWith("HostError:not-found:");
      expect(await outcome(() => fast.readText(join(dir, "folder")))).toStartWith("HostError:unreadable:");
      expect(await fast.list(dir)).toEqual(await core.list(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
