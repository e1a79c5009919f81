import { describe, expect, test } from "bun:test";
import { HostError } from "./host.ts";
import { createMemoryHost } from "./memory-host.ts";

describe("createMemoryHost", () => {
  const make = () =>
    createMemoryHost({
      "/site/content/b.md": "B",
      "/site/content/a.md": "\uFEFFA",
      "/site/content/docs/intro.md": "Intro",
      "/site/assets/logo.png": new Uint8Array([1, 2, 3]),
    });

  test("reads text (without BOM) and bytes", async () => {
    const host = make();
    expect(await host.readText("/site/content/a.md")).toBe("A");
    expect(await host.readBytes("/site/assets/logo.png")).toEqual(new Uint8Array([1, 2, 3]));
  });

  test("lists implied folders, sorted", async () => {
    const host = make();
    expect(await host.list("/site/content")).toEqual([
      { name: "a.md", kind: "file" },
      { name: "b.md", kind: "file" },
      { name: "docs", kind: "dir" },
    ]);
    expect(await host.list("/site")).toEqual([
      { name: "assets", kind: "dir" },
      { name: "content", kind: "dir" },
    ]);
    expect(await host.list("/nope")).toEqual([]);
  });

  test("stat files and folders", async () => {
    const host = make();
    expect(await host.stat("/site/assets/logo.png")).toMatchObject({ kind: "file", size: 3 });
    expect(await host.stat("/site/content/docs")).toMatchObject({ kind: "dir" });
    expect(await host.stat("/site/content/doc")).toBeNull();
  });

  test("errors: missing, folder, not UTF-8", async () => {
    const host = createMemoryHost({ "/x/bad.md": new Uint8Array([0xc3, 0x28]) });
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: HostError) => e.code,
      );
    expect(await code(host.readText("/x/missing.md"))).toBe("not-found");
    expect(await code(host.readText("/x"))).toBe("unreadable");
    expect(await code(host.readText("/x/bad.md"))).toBe("not-utf8");
    await expect(host.readText("/x/missing.md")).rejects.toBeInstanceOf(HostError);
  });

  test("write and remove mutate; mtime moves forward", async () => {
    const host = make();
    const before = (await host.stat("/site/content/a.md"))!.mtimeMs;
    await host.write("/site/content/a.md", "new");
    await host.write("/site/public/index.html", "<p>");
    expect(await host.readText("/site/content/a.md")).toBe("new");
    expect((await host.stat("/site/content/a.md"))!.mtimeMs).toBeGreaterThan(before);
    await host.remove("/site/content");
    await host.remove("/site/never");
    expect(host.paths()).toEqual(["/site/assets/logo.png", "/site/public/index.html"]);
  });
});
