import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_CONFIG } from "../config/defaults.ts";
import { createMemoryHost } from "../host/memory-host.ts";
import { bodyValue } from "../render/track/dep-value.ts";
import { openCacheDb } from "./db.ts";
import { readContentCached } from "./doc-cache.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "bengal-docs-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = {
  "/site/content/a.md": "---\ntitle: A\n---\nBody of A with [a link](b.md).\n",
  "/site/content/b.md": "---\ntitle: B\ntags: [x]\n---\n\n## Heading\n\nBody of B.\n",
};
const paths = ["content/a.md", "content/b.md"];

describe("the document cache", () => {
  test("a cached document reads its body only when used, and knows the body's dependency value before", async () => {
    const host = createMemoryHost(files);
    const config = DEFAULT_CONFIG;
    const { db } = openCacheDb(join(dir, "cache.db"));
    if (!db) throw new Error("no database");
    const first = await readContentCached(host, "/site", paths, config, db);
    expect(first.changed).toEqual(paths);
    // New documents too: once stored, a body is read back from the table, not held.
    for (const doc of first.docs) {
      expect(Object.getOwnPropertyDescriptor(doc, "body")?.get).toBeFunction();
      expect(doc.bodyKey).toBe(bodyValue(doc.body, doc.bodyLine));
    }
    expect(first.docs[0]!.body).toBe("Body of A with [a link](b.md).\n");

    const again = await readContentCached(host, "/site", paths, config, db);
    expect(again.changed).toEqual([]);
    const [a, b] = again.docs;
    expect(Object.getOwnPropertyDescriptor(b, "body")?.get).toBeFunction();
    expect(b!.bodyKey).toBe(bodyValue(first.docs[1]!.body, first.docs[1]!.bodyLine));
    expect(b!.body).toBe(first.docs[1]!.body);
    expect(b!.frontMatter.tags).toEqual(["x"]);
    expect(a!.body).toBe("Body of A with [a link](b.md).\n");
    db.close();
  });

  test("a file touched without changing its text keeps its cached parse, body included", async () => {
    const host = createMemoryHost(files);
    const config = DEFAULT_CONFIG;
    const { db } = openCacheDb(join(dir, "cache.db"));
    if (!db) throw new Error("no database");
    await readContentCached(host, "/site", paths, config, db);
    await host.write("/site/content/a.md", files["/site/content/a.md"]);
    const touched = await readContentCached(host, "/site", paths, config, db);
    expect(touched.changed).toEqual([]);
    const after = await readContentCached(host, "/site", paths, config, db);
    expect(after.docs[0]!.body).toBe("Body of A with [a link](b.md).\n");
    expect(after.docs[0]!.bodyKey).toBe(touched.docs[0]!.bodyKey);
    db.close();
  });
});
