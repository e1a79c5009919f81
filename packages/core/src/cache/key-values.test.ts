import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSite } from "../../test/generate-site.ts";
import { build } from "../build/build.ts";
import { loadConfig } from "../config/load-config.ts";
import { discoverSite } from "../discover/discover-site.ts";
import { createBunHost } from "../host/bun-host.ts";
import { openCacheDb } from "./db.ts";
import { readContentCached } from "./doc-cache.ts";
import {
  invalidateKeyValues,
  mentionsAny,
  mergeDeps,
  movedKeys,
  readKeyValues,
  recordKeyValues,
} from "./key-values.ts";
import { loadRenderRows } from "./render-cache.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "bengal-keyvals-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function openDb() {
  const { db } = openCacheDb(join(dir, "cache.db"));
  if (!db) throw new Error("no database");
  return db;
}

describe("key values", () => {
  test("merging rows batch by batch gives what merging them all does", () => {
    const rows: Record<string, string>[] = [
      { a: "1", b: "x" },
      { a: "1", c: "y" },
      { a: "2", b: "x" },
      { c: "z" },
      { a: "2" },
    ];
    const all = new Map<string, string>();
    for (const r of rows) mergeDeps(all, r);
    const batches = [rows.slice(0, 2), rows.slice(2, 4), rows.slice(4)].map((batch) => {
      const merged = new Map<string, string>();
      for (const r of batch) mergeDeps(merged, r);
      return Object.fromEntries(merged);
    });
    const byBatch = new Map<string, string>();
    for (const b of batches) mergeDeps(byBatch, b);
    expect(Object.fromEntries(byBatch)).toEqual(Object.fromEntries(all));
    expect(all.get("b")).toBe("x");
    expect(all.get("a")).toBe("\u0000mixed");
    expect(all.get("c")).toBe("\u0000mixed");
  });

  test("moved keys are those whose value differs; past sixteen the plan checks every row", () => {
    const known = new Map([
      ["body:a", "1"],
      ["meta:a", "2"],
      ["layout:page", "3"],
    ]);
    const now: Record<string, string> = { "body:a": "9", "meta:a": "2", "layout:page": "3" };
    expect(movedKeys(known, (k) => now[k]!)).toEqual(["body:a"]);
    const many = new Map(Array.from({ length: 20 }, (_, i) => [`url:/p${i}/`, "x"] as const));
    expect(movedKeys(many, () => "y")).toBeNull();
  });

  test("with the content's shape unchanged, keys read from the index's shape are not computed", () => {
    const known = new Map([
      ["body:a", "1"],
      ["meta:a", "2"],
      ["pager:tags/index.html", "3"],
      ["layout:page", "4"],
      ["url:/a/", "\u0000mixed"],
    ]);
    const asked: string[] = [];
    const value = (k: string) => {
      asked.push(k);
      return "new";
    };
    expect(movedKeys(known, value, true)).toEqual(["body:a", "layout:page", "url:/a/"]);
    expect(asked).toEqual(["body:a", "layout:page", "url:/a/"]);
    expect(movedKeys(known, () => "new", false)).toHaveLength(5);
  });

  test("a row is picked by the exact key it stored, never by a key it merely starts with", () => {
    const raw = JSON.stringify({ "body:content/a.md.bak": "1", 'meta:content/"q".md': "2" });
    expect(mentionsAny(["body:content/a.md"])(raw)).toBe(false);
    expect(mentionsAny(["body:content/a.md.bak"])(raw)).toBe(true);
    expect(mentionsAny(['meta:content/"q".md'])(raw)).toBe(true);
  });

  test("rows that disagree on a key leave it always moved; a build that stores rows first invalidates the table", () => {
    const db = openDb();
    recordKeyValues(db, "shape-1", {
      known: null,
      rows: [
        { "body:a": "1", menu: "m", "url:/y/": "1" },
        { "body:a": "2", menu: "m", "url:/y/": "2" },
      ],
    });
    const known = readKeyValues(db, "shape-2")!.values;
    expect(readKeyValues(db, "shape-2")!.sameShape).toBe(false);
    expect(known.get("menu")).toBe("m");
    // The same shape: keys read from the index's shape alone are not read, unless rows disagreed.
    expect(readKeyValues(db, "shape-1")!.sameShape).toBe(true);
    expect(Object.fromEntries(readKeyValues(db, "shape-1")!.values)).toEqual({
      "body:a": "\u0000mixed",
      "url:/y/": "\u0000mixed",
    });
    expect(movedKeys(known, (k) => (k === "menu" ? "m" : "2"))).toEqual(["body:a", "url:/y/"]);
    invalidateKeyValues(db);
    expect(readKeyValues(db, "shape-1")).toBeNull();
    recordKeyValues(db, null, {
      known,
      moved: ["body:a"],
      value: () => "2",
      rendered: [{ "body:a": "2", "url:/x/": "u" }],
    });
    expect(Object.fromEntries(readKeyValues(db, null)!.values)).toEqual({
      "body:a": "2",
      menu: "m",
      "url:/x/": "u",
      "url:/y/": "\u0000mixed",
    });
    expect(readKeyValues(db, "shape-1")!.sameShape).toBe(false);
    db.close();
  });

  test.each([
    ["rendered in this process", null],
    ["first stored by two page workers, merged per batch", 2],
  ])(
    "after incremental builds every key a stored row names has the value that row recorded (%s)",
    async (_, workers) => {
      generateSite(dir, 20);
      const first = await build({ root: dir, ...(workers ? { parallel: true, maxWorkers: workers } : {}) });
      expect(first.workers.pages).toBe(workers ?? 0);
      const page = join(dir, "content/s2/p7.md");
      writeFileSync(page, `${readFileSync(page, "utf8")}\nOne more paragraph.\n`);
      const edited = await build({ root: dir });
      expect(edited.cache.rendered).toBeLessThan(10);
      writeFileSync(page, readFileSync(page, "utf8").replace("title: Page 7", "title: Page Seven"));
      await build({ root: dir });

      const { db } = openCacheDb(join(dir, ".bengal/cache.db"));
      if (!db) throw new Error("no database");
      const table = readKeyValues(db, null)?.values;
      expect(table).not.toBeNull();
      const rows = loadRenderRows(db, {
        path: join(dir, ".bengal/cache.db"),
        generation: null,
        empty: false,
        keep: false,
      });
      let named = 0;
      for (const row of [...rows.facts.values(), ...rows.targets.values()])
        for (const [key, value] of Object.entries(row.deps)) {
          expect(`${key}=${table!.get(key)}`).toBe(`${key}=${value}`);
          named++;
        }
      expect(named).toBeGreaterThan(100);
      expect(table!.get("body:content/s2/p7.md")).toBeDefined();
      db.close();
    },
  );

  test("a build that stopped after reading the content cannot hide a front-matter edit from the next", async () => {
    generateSite(dir, 20);
    await build({ root: dir });
    const page = join(dir, "content/s2/p7.md");
    writeFileSync(page, readFileSync(page, "utf8").replace("title: Page 7", "title: Page Seven"));
    // What such a build leaves: the new parse in the documents table, beside the key values
    // (and their content shape) of the build before it.
    const host = createBunHost();
    const { config } = await loadConfig(host, dir);
    const { files } = await discoverSite(host, dir, config);
    const { db } = openCacheDb(join(dir, ".bengal/cache.db"));
    if (!db) throw new Error("no database");
    await readContentCached(host, dir, files.content, config, db);
    db.close();

    const next = await build({ root: dir });
    expect(next.cache.mode).toBe("incremental");
    expect(readFileSync(join(dir, "public/s2/index.html"), "utf8")).toContain("Page Seven");
    expect(readFileSync(join(dir, "public/tags/common/index.html"), "utf8")).toContain("Page Seven");
  });
});
