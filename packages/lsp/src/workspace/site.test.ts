import { describe, expect, test } from "bun:test";
import { createMemoryHost } from "@bengal/core/analysis";
import { createOverlayHost } from "./overlay-host.ts";
import { Site } from "./site.ts";

function setup() {
  const disk = createMemoryHost({
    "/s/bengal.toml": "",
    "/s/content/a.md": "---\ntitle: A\n---\n\n[b](b.md#two)\n",
    "/s/content/b.md": "---\ntitle: B\n---\n\n## One\n",
    "/s/content/c.md": "---\ntitle: C\n---\n\nNo links.\n",
  });
  const buffers = new Map<string, string>();
  const site = new Site("/s", createOverlayHost(disk, buffers));
  return { site, buffers, disk };
}

const codes = (site: Site, file: string) => site.diagnosticsFor(file).map((d) => d.code);

describe("Site", () => {
  test("loads, and re-analyses a file only when its text changed", async () => {
    const { site, buffers } = setup();
    await site.load();
    expect(codes(site, "content/a.md")).toEqual(["link.no-such-anchor"]);
    expect(site.takeDirty().sort()).toEqual(["bengal.toml", "content/a.md", "content/b.md", "content/c.md"]);
    const c = site.docs.get("content/c.md");
    await site.apply([{ path: "/s/content/c.md", kind: "change" }]);
    expect(site.docs.get("content/c.md")).toBe(c!);
    buffers.set("/s/content/c.md", "---\ntitle: C\n---\n\nEdited.\n");
    await site.apply([{ path: "/s/content/c.md", kind: "change" }]);
    expect(site.docs.get("content/c.md")).not.toBe(c!);
  });

  test("a body edit keeps the index; a new heading re-checks the pages linking to it", async () => {
    const { site, buffers } = setup();
    await site.load();
    site.takeDirty();
    const index = site.index;
    buffers.set("/s/content/b.md", "---\ntitle: B\n---\n\n## One\n\n## Two\n");
    await site.apply([{ path: "/s/content/b.md", kind: "change" }]);
    expect(site.index).toBe(index);
    expect(codes(site, "content/a.md")).toEqual([]);
    expect(site.takeDirty().sort()).toEqual(["content/a.md", "content/b.md"]);
  });

  test("a URL change rebuilds the index and re-checks every link", async () => {
    const { site, buffers } = setup();
    await site.load();
    buffers.set("/s/content/b.md", "---\ntitle: B\nurl: /elsewhere/\n---\n\n## Two\n");
    await site.apply([{ path: "/s/content/b.md", kind: "change" }]);
    expect(site.pageOf("content/b.md")?.url).toBe("/elsewhere/");
    expect(codes(site, "content/a.md")).toEqual([]);
    expect(site.links.linkersOf("content/b.md")).toEqual(new Set(["content/a.md"]));
  });

  test("a deleted target breaks its linkers; [validate] and strict mode apply", async () => {
    const { site, disk } = setup();
    await site.load();
    await disk.remove("/s/content/b.md");
    await site.apply([{ path: "/s/content/b.md", kind: "delete" }]);
    expect(codes(site, "content/a.md")).toEqual(["link.no-such-page"]);
    expect(site.docs.has("content/b.md")).toBe(false);
    await disk.write(
      "/s/bengal.toml",
      '[build]\nstrict_mode = true\n[validate]\n"link.no-such-page" = "warning"\n',
    );
    await site.apply([{ path: "/s/bengal.toml", kind: "change" }]);
    expect(site.diagnosticsFor("content/a.md").map((d) => [d.code, d.severity])).toEqual([
      ["link.no-such-page", "error"],
    ]);
    // The editor's setting wins per code, but strict mode still promotes its warnings.
    site.editorSeverities = { "link.no-such-page": "info" };
    expect(site.diagnosticsFor("content/a.md").map((d) => d.severity)).toEqual(["info"]);
    site.editorSeverities = { "link.no-such-page": "warning" };
    expect(site.diagnosticsFor("content/a.md").map((d) => d.severity)).toEqual(["error"]);
    site.editorSeverities = { "link.no-such-page": "off" };
    expect(site.diagnosticsFor("content/a.md")).toEqual([]);
  });
});
