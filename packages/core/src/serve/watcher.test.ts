import { afterEach, describe, expect, test } from "bun:test";
import { mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FileChange } from "../build/session.ts";
import { tempSite } from "./test-support.ts";
import { type SiteWatcher, watchSite } from "./watcher.ts";

/** Starts a watcher on a fresh site; `next()` resolves with the next reported batch. */
async function watched(site: ReturnType<typeof tempSite>) {
  const batches: FileChange[][] = [];
  const waiting: ((b: FileChange[]) => void)[] = [];
  const watcher = watchSite({
    root: site.root,
    files: [site.path("bengal.toml")],
    ignore: () => [site.path("public"), site.path(".bengal")],
    debounceMs: 30,
    onChanges: (changes) => {
      const waiter = waiting.shift();
      if (waiter) waiter(changes);
      else batches.push(changes);
    },
  });
  await watcher.ready;
  open.push(watcher);
  const rel = (changes: FileChange[]) =>
    changes.map((c) => `${c.kind} ${c.path.slice(site.root.length + 1)}`);
  return {
    next: async () => rel(batches.shift() ?? (await new Promise<FileChange[]>((r) => waiting.push(r)))),
  };
}

const open: SiteWatcher[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

describe("watchSite", () => {
  test("a burst of writes to several files is one batch", async () => {
    using site = tempSite();
    const w = await watched(site);
    for (let i = 0; i < 5; i++) writeFileSync(site.path("content/a.md"), `---\ntitle: A${i}\n---\n`);
    writeFileSync(site.path("content/b.md"), "new\n");
    writeFileSync(site.path("assets/css/custom.css"), "a{}\n");
    expect(await w.next()).toEqual([
      "change assets/css/custom.css",
      "change content/a.md",
      "create content/b.md",
    ]);
  });

  test("save by temp file and rename reports only the saved file, as a change", async () => {
    using site = tempSite();
    const w = await watched(site);
    writeFileSync(site.path("content/a.md.tmp"), "---\ntitle: Saved\n---\n");
    renameSync(site.path("content/a.md.tmp"), site.path("content/a.md"));
    expect(await w.next()).toEqual(["change content/a.md"]);
  });

  test("vim's backup-rename-write dance is one change", async () => {
    using site = tempSite();
    const w = await watched(site);
    writeFileSync(site.path("content/4913"), "");
    unlinkSync(site.path("content/4913"));
    renameSync(site.path("content/a.md"), site.path("content/a.md~"));
    writeFileSync(site.path("content/a.md"), "---\ntitle: Vim\n---\n");
    writeFileSync(site.path("content/.a.md.swp"), "swap");
    unlinkSync(site.path("content/a.md~"));
    expect(await w.next()).toEqual(["change content/a.md"]);
  });

  test("deletes, renames and folders moved in", async () => {
    using site = tempSite();
    const w = await watched(site);
    unlinkSync(site.path("content/a.md"));
    expect(await w.next()).toEqual(["delete content/a.md"]);

    renameSync(site.path("content/docs/_index.md"), site.path("content/docs/index.md"));
    expect(await w.next()).toEqual(["delete content/docs/_index.md", "create content/docs/index.md"]);

    mkdirSync(site.path("drafts/guide"), { recursive: true });
    writeFileSync(site.path("drafts/guide/one.md"), "1\n");
    writeFileSync(site.path("drafts/guide/two.md"), "2\n");
    renameSync(site.path("drafts/guide"), site.path("content/guide"));
    expect(await w.next()).toEqual(["create content/guide/one.md", "create content/guide/two.md"]);

    rmSync(site.path("content/guide"), { recursive: true });
    expect(await w.next()).toEqual(["delete content/guide/one.md", "delete content/guide/two.md"]);
  });

  test("the config file and a site folder created later are watched", async () => {
    using site = tempSite();
    const w = await watched(site);
    writeFileSync(site.path("bengal.toml"), '[site]\ntitle = "Renamed"\n');
    expect(await w.next()).toEqual(["change bengal.toml"]);
    mkdirSync(site.path("templates"));
    writeFileSync(site.path("templates/page.tsx"), "export default () => null;\n");
    const batch = await w.next();
    expect(batch).toContain("create templates/page.tsx");
    writeFileSync(site.path("templates/page.tsx"), "export default () => 1;\n");
    expect(await w.next()).toEqual(["change templates/page.tsx"]);
  });

  test("output, cache, hidden and unrelated files are ignored", async () => {
    using site = tempSite();
    const w = await watched(site);
    mkdirSync(site.path("public"), { recursive: true });
    writeFileSync(site.path("public/index.html"), "x");
    mkdirSync(site.path(".bengal"), { recursive: true });
    writeFileSync(site.path(".bengal/outputs.json"), "{}");
    writeFileSync(site.path("content/.hidden.md"), "x");
    writeFileSync(site.path("notes.txt"), "x");
    writeFileSync(join(site.root, "content", "marker.md"), "x");
    expect(await w.next()).toEqual(["create content/marker.md"]);
  });
});
