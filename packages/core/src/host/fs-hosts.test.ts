import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createBunHost } from "./bun-host.ts";
import { type Host, type HostError, statMany } from "./host.ts";
import { createNodeHost } from "./node-host.ts";

const dir = mkdtempSync(`${tmpdir()}/bengal-host-`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mkdirSync(`${dir}/real/sub`, { recursive: true });
writeFileSync(`${dir}/real/b.txt`, "\uFEFFbee");
writeFileSync(`${dir}/real/a.txt`, "a");
writeFileSync(`${dir}/real/latin1.txt`, new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
symlinkSync(`${dir}/real/sub`, `${dir}/real/linked-dir`);
symlinkSync(`${dir}/real/a.txt`, `${dir}/real/linked-file`);
symlinkSync(`${dir}/nowhere`, `${dir}/real/broken`);

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: HostError) => e.code,
  );

for (const [name, create] of [
  ["node", createNodeHost],
  ["bun", createBunHost],
] as const) {
  describe(`${name} host`, () => {
    const host: Host = create();

    test("reads text and reports errors by code", async () => {
      expect(await host.readText(`${dir}/real/b.txt`)).toBe("bee");
      expect(await code(host.readText(`${dir}/real/missing.txt`))).toBe("not-found");
      expect(await code(host.readText(`${dir}/real/sub`))).toBe("unreadable");
      expect(await code(host.readText(`${dir}/real/latin1.txt`))).toBe("not-utf8");
    });

    test("lists sorted entries, following symlinks and dropping broken ones", async () => {
      expect(await host.list(`${dir}/real`)).toEqual([
        { name: "a.txt", kind: "file" },
        { name: "b.txt", kind: "file" },
        { name: "latin1.txt", kind: "file" },
        { name: "linked-dir", kind: "dir" },
        { name: "linked-file", kind: "file" },
        { name: "sub", kind: "dir" },
      ]);
      expect(await host.list(`${dir}/absent`)).toEqual([]);
    });

    test("stats many paths in order, the same as one at a time, on either side of the split", async () => {
      // 300 paths: past the Bun host's threshold, so half of them go through the thread pool.
      const paths = Array.from(
        { length: 300 },
        (_, i) =>
          [
            `${dir}/real/a.txt`,
            `${dir}/real/sub`,
            `${dir}/real/missing-${i}`,
            `${dir}/real/a.txt/under-a-file`,
          ][i % 4]!,
      );
      const many = await statMany(host, paths);
      const one: Awaited<ReturnType<Host["stat"]>>[] = [];
      for (const p of paths) one.push(await host.stat(p));
      expect(many).toEqual(one);
      expect(many.slice(0, 4).map((s) => s?.kind ?? null)).toEqual(["file", "dir", null, null]);
      expect(many.slice(296).map((s) => s?.kind ?? null)).toEqual(["file", "dir", null, null]);
    });

    test("writes with parents, stats and removes", async () => {
      const out = `${dir}/${name}-out/deep/file.txt`;
      await host.write(out, "hi");
      expect(await host.readText(out)).toBe("hi");
      expect(await host.stat(out)).toMatchObject({ kind: "file", size: 2 });
      expect(await host.stat(`${dir}/${name}-out`)).toMatchObject({ kind: "dir" });
      await host.remove(`${dir}/${name}-out`);
      expect(await host.stat(out)).toBeNull();
      await host.remove(`${dir}/${name}-out`);
    });
  });
}
