import { expect, test } from "bun:test";
import { createMemoryHost } from "@bengal/core/analysis";
import { createOverlayHost, readOrNull } from "./overlay-host.ts";

test("open buffers win over the disk and appear in listings", async () => {
  const disk = createMemoryHost({ "/s/content/a.md": "disk" });
  const buffers = new Map([
    ["/s/content/a.md", "buffer"],
    ["/s/content/new.md", "unsaved"],
  ]);
  const host = createOverlayHost(disk, buffers);
  expect(await host.readText("/s/content/a.md")).toBe("buffer");
  expect((await host.list("/s/content")).map((e) => e.name)).toEqual(["a.md", "new.md"]);
  expect((await host.stat("/s/content/new.md"))?.kind).toBe("file");
  expect(await readOrNull(host, "/s/content/gone.md")).toBeNull();
  buffers.delete("/s/content/a.md");
  expect(await host.readText("/s/content/a.md")).toBe("disk");
});
