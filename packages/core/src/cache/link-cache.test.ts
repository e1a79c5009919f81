import { Database } from "bun:sqlite";
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../build/build.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { BuildResult } from "../model/output.ts";

let root: string;

function write(rel: string, text: string): void {
  mkdirSync(join(root, rel, ".."), { recursive: true });
  writeFileSync(join(root, rel), text);
}

const page = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2025-01-02\n---\n${body}\n`;

/** Link diagnostics, whole (message and hint too), in report order. */
function links(result: BuildResult): Diagnostic[] {
  return result.diagnostics.filter((d) => d.code.startsWith("link."));
}

/** The same site built from scratch, without any cache. */
async function clean(profile: "build" | "serve" = "build"): Promise<Diagnostic[]> {
  const copy = mkdtempSync(join(tmpdir(), "bengal-links-clean-"));
  try {
    cpSync(root, copy, { recursive: true, filter: (src) => !/\/(public|\.bengal)(\/|$)/.test(src) });
    return links(await build({ root: copy, cache: false, profile }));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "bengal-links-"));
  write("bengal.toml", '[site]\ntitle = "Links"\nbaseurl = "https://links.example/"\n');
  write("content/a.md", page("A", "See [B](/b/) and [its part](/b/#part)."));
  write("content/b.md", page("B", "## Part\n\nText."));
  write("content/c.md", page("C", "A [broken link](/nowhere/) and [C's own](#nope)."));
  for (let i = 0; i < 6; i++) write(`content/more/m${i}.md`, page(`M${i}`, `Page ${i}, see [A](/a/).`));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe.each(["build", "serve"] as const)("incremental link validation (%s)", (profile) => {
  const run = () => build({ root, profile });

  test("a link to a page that gets deleted is reported as a clean build reports it", async () => {
    expect(links(await run()).map((d) => d.file)).toEqual(["content/c.md", "content/c.md"]);
    unlinkSync(join(root, "content/b.md"));
    const after = await run();
    expect(after.cache.mode).toBe("incremental");
    const reported = links(after);
    expect(reported.filter((d) => d.file === "content/a.md").map((d) => d.code)).toEqual([
      "link.no-such-page",
      "link.no-such-page",
    ]);
    expect(reported).toEqual(await clean(profile));
  });

  test("adding the page back, or the heading, clears the report incrementally", async () => {
    write("content/a.md", page("A", "See [B](/b/) and [its part](/b/#part) and [the rest](/b/#rest)."));
    await run();
    unlinkSync(join(root, "content/b.md"));
    expect(links(await run()).filter((d) => d.file === "content/a.md")).toHaveLength(3);

    write("content/b.md", page("B", "## Part\n\nText."));
    const restored = await run();
    expect(restored.cache.mode).toBe("incremental");
    const left = links(restored).filter((d) => d.file === "content/a.md");
    expect(left.map((d) => d.code)).toEqual(["link.no-such-anchor"]);
    expect(links(restored)).toEqual(await clean(profile));

    // Only B renders again: A's check is redone because B's ids changed.
    write("content/b.md", page("B", "## Part\n\nText.\n\n## Rest\n\nMore."));
    const fixed = await run();
    expect(fixed.cache.rendered).toBeLessThan(5);
    expect(links(fixed).filter((d) => d.file === "content/a.md")).toEqual([]);
    expect(links(fixed)).toEqual(await clean(profile));

    // The other way round: a heading A links to goes away while A itself is not rendered again.
    write("content/b.md", page("B", "Text.\n\n## Rest\n\nMore."));
    const broken = await run();
    expect(broken.changedPaths).not.toContain("a/index.html");
    expect(
      links(broken)
        .filter((d) => d.file === "content/a.md")
        .map((d) => d.code),
    ).toEqual(["link.no-such-anchor"]);
    expect(links(broken)).toEqual(await clean(profile));
  });

  test("a page that is not rendered again keeps its link diagnostics", async () => {
    const first = links(await run());
    expect(first.map((d) => d.code).sort()).toEqual(["link.no-such-anchor", "link.no-such-page"]);
    write("content/more/m3.md", page("M3", "Page 3 edited, see [A](/a/)."));
    const after = await run();
    // M3 and the lists showing its summary render; C does not.
    expect(after.cache.rendered).toBeGreaterThan(0);
    expect(after.changedPaths).toContain("more/m3/index.html");
    expect(after.changedPaths).not.toContain("c/index.html");
    expect(links(after)).toEqual(first);
    expect(links(after)).toEqual(await clean(profile));
  });
});

describe("the link check's memory", () => {
  test("the first rebuild after a full build finds the files it recorded, whether the assets were written or kept", async () => {
    const structure = () => {
      const db = new Database(join(root, ".bengal/cache.db"), { readonly: true });
      try {
        return (db.query("SELECT value FROM meta WHERE key = 'link-structure'").get() as { value: string })
          .value;
      } finally {
        db.close();
      }
    };
    const full = await build({ root });
    expect(full.cache.mode).toBe("full");
    const recorded = structure();
    write("content/more/m3.md", page("M3", "Page 3 edited, see [A](/a/)."));
    const after = await build({ root });
    // The theme's assets were written by the full build and kept by this one: the same files.
    expect(after.cache.mode).toBe("incremental");
    expect(structure()).toBe(recorded);
    expect(links(after)).toEqual(links(full));
  });

  test("a page rendered by a build that stopped before checking links is checked again", async () => {
    await build({ root });
    // A later build rendered C (its render row was replaced) and stopped before link validation:
    // the trigger marks C's record stale, so its old check is not trusted.
    const db = new Database(join(root, ".bengal/cache.db"));
    const row = db.query("SELECT * FROM targets WHERE output_path = 'c/index.html'").get() as Record<
      string,
      unknown
    >;
    db.query(
      "INSERT OR REPLACE INTO targets (output_path, page_id, deps, diagnostics, html_facts) VALUES (?, ?, ?, ?, ?)",
    ).run(
      row.output_path as string,
      row.page_id as string,
      row.deps as string,
      row.diagnostics as string,
      row.html_facts as string,
    );
    expect(db.query("SELECT stale FROM links WHERE output_path = 'c/index.html'").get()).toEqual({
      stale: 1,
    });
    // And its stored check is lost: only a re-check can report C's links again.
    db.query("UPDATE links SET issues = NULL WHERE output_path = 'c/index.html'").run();
    db.close();
    const after = await build({ root });
    expect(links(after)).toEqual(await clean());
  });

  test("a damaged row means a full check, never a partial report", async () => {
    const first = links(await build({ root }));
    const db = new Database(join(root, ".bengal/cache.db"));
    db.query("UPDATE links SET issues = 'not json' WHERE output_path = 'c/index.html'").run();
    db.close();
    write("content/more/m1.md", page("M1", "Edited."));
    expect(links(await build({ root }))).toEqual(first);
    // Rows of a cache that lost some records: the recorded count no longer matches.
    const again = new Database(join(root, ".bengal/cache.db"));
    again.query("DELETE FROM links WHERE output_path = 'c/index.html'").run();
    again.close();
    write("content/more/m1.md", page("M1", "Edited again."));
    expect(links(await build({ root }))).toEqual(first);
  });
});
