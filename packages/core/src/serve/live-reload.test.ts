import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { renameSync, writeFileSync } from "node:fs";
import { type DevServer, type RebuildEvent, startDevServer } from "./server.ts";
import { liveClient, tempSite } from "./test-support.ts";

describe("watching and live reload", () => {
  const site = tempSite();
  let server: DevServer;
  let client: Awaited<ReturnType<typeof liveClient>>;
  const events: RebuildEvent[] = [];
  const waiting: ((e: RebuildEvent) => void)[] = [];
  const nextRebuild = () =>
    events.length > 0
      ? Promise.resolve(events.shift()!)
      : new Promise<RebuildEvent>((resolve) => waiting.push(resolve));
  const rel = (e: RebuildEvent) => e.changes.map((c) => `${c.kind} ${c.path.slice(site.root.length + 1)}`);

  beforeAll(async () => {
    server = await startDevServer({
      root: site.root,
      port: 0,
      onRebuild: (e) => {
        if (e.initial) return;
        const waiter = waiting.shift();
        if (waiter) waiter(e);
        else events.push(e);
      },
    });
    client = await liveClient(server.url);
    expect((await client.next("hello")).errors).toEqual([]);
  });
  afterAll(async () => {
    client.close();
    await server.close();
    site[Symbol.dispose]();
  });

  test("editing a page rebuilds it and tells browsers showing it to reload", async () => {
    site.write("content/a.md", "---\ntitle: Page A\n---\nSecond version of A.\n");
    const reload = await client.next("reload");
    expect(reload.paths).toContain("a/index.html");
    const html = await (await fetch(new URL("/a/", server.url))).text();
    expect(html).toContain("Second version of A.");
    const event = await nextRebuild();
    expect(rel(event)).toEqual(["change content/a.md"]);
    expect(event.result?.failed).toBe(false);
  });

  test("a CSS-only change asks for a stylesheet swap, not a reload", async () => {
    site.write("assets/css/custom.css", "body { color: rgb(9, 8, 7); }\n");
    await client.next("css");
    const event = await nextRebuild();
    expect(rel(event)).toEqual(["change assets/css/custom.css"]);
    expect(event.messages).toEqual([{ type: "css" }]);
    // Without fingerprints in serve mode, only the stylesheet itself is rewritten.
    expect(event.result?.changedPaths.filter((p) => p.endsWith(".html"))).toEqual([]);
    const html = await (await fetch(new URL("/a/", server.url))).text();
    const href = /href="(\/assets\/css\/custom\.css)"/.exec(html)![1]!;
    expect(await (await fetch(new URL(href, server.url))).text()).toContain("#090807");
  });

  test("broken front matter shows errors with a code frame; fixing it clears them and reloads", async () => {
    site.write("content/a.md", "---\ntitle: [oops\n---\nBroken.\n");
    const broken = await client.next("errors");
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]).toMatchObject({ file: "content/a.md", code: "frontmatter.invalid-yaml" });
    expect(broken.errors[0]!.line).toBeGreaterThanOrEqual(2);
    expect(broken.errors[0]!.frame).toContain("title: [oops");
    expect((await nextRebuild()).result?.failed).toBe(true);
    // The server is still up and serving.
    expect((await fetch(new URL("/", server.url))).status).toBe(200);

    site.write("content/a.md", "---\ntitle: Page A\n---\nThird version of A.\n");
    expect((await client.next("errors")).errors).toEqual([]);
    expect((await client.next("reload")).paths).toContain("a/index.html");
    expect((await nextRebuild()).result?.failed).toBe(false);
  });

  test("a burst of saves is one rebuild", async () => {
    for (let i = 0; i < 6; i++)
      writeFileSync(site.path("content/a.md"), `---\ntitle: Burst ${i}\n---\nBody ${i}.\n`);
    site.write("content/b.md", "---\ntitle: B\n---\nNew page.\n");
    const burst = await nextRebuild();
    expect(rel(burst)).toEqual(["change content/a.md", "create content/b.md"]);
    // Had the burst been split, its second rebuild would arrive before the marker's.
    site.write("content/docs/_index.md", "---\ntitle: Docs\n---\nMarker.\n");
    expect(rel(await nextRebuild())).toEqual(["change content/docs/_index.md"]);
    expect(await (await fetch(new URL("/a/", server.url))).text()).toContain("Body 5.");
  });

  test("an editor's write-then-rename save is seen as a change of the file", async () => {
    writeFileSync(site.path("content/a.md.tmp"), "---\ntitle: Renamed save\n---\nAtomic.\n");
    renameSync(site.path("content/a.md.tmp"), site.path("content/a.md"));
    expect(rel(await nextRebuild())).toEqual(["change content/a.md"]);
    expect(await (await fetch(new URL("/a/", server.url))).text()).toContain("Atomic.");
  });

  test("rebuild requests during a rebuild run once after it", async () => {
    const first = server.rebuild([]);
    const second = server.rebuild([{ path: site.path("content/a.md"), kind: "change" }]);
    const third = server.rebuild([{ path: site.path("content/b.md"), kind: "change" }]);
    await Promise.all([first, second, third]);
    const a = await nextRebuild();
    const b = await nextRebuild();
    expect(rel(a)).toEqual([]);
    expect(rel(b)).toEqual(["change content/a.md", "change content/b.md"]);
    expect(events).toHaveLength(0);
  });
});
