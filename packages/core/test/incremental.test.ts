import { Database } from "bun:sqlite";
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { build } from "../src/build/build.ts";
import { generateSite } from "./generate-site.ts";

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p).toString("base64");
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The output of a clean full build of a copy of the site, without any cache. */
async function cleanBuild(root: string): Promise<Record<string, string>> {
  return (await cleanBuildResult(root)).tree;
}

async function cleanBuildResult(
  root: string,
  profile: "build" | "serve" = "build",
): Promise<{ tree: Record<string, string>; codes: string[] }> {
  const copy = mkdtempSync(join(tmpdir(), "bengal-clean-"));
  try {
    cpSync(root, copy, { recursive: true, filter: (src) => !/\/(public|\.bengal)(\/|$)/.test(src) });
    const result = await build({ root: copy, cache: false, profile });
    expect(result.cache.mode).toBe("off");
    return { tree: tree(join(copy, "public")), codes: diagnosticKeys(result.diagnostics) };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function diagnosticKeys(list: readonly { code: string; file: string; range: { start: { line: number } } }[]) {
  return list.map((d) => `${d.code} ${d.file}:${d.range.start.line}`).sort();
}

let root: string;
const page = (i: number) => join(root, "content", `s${i % 5}`, `p${i}.md`);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "bengal-inc-"));
  generateSite(root, 30);
  mkdirSync(join(root, "assets/css"), { recursive: true });
  writeFileSync(join(root, "assets/css/custom.css"), "body { color: black; }\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("incremental builds", () => {
  test("the first build is full and says why; a no-change rebuild renders nothing and writes nothing", async () => {
    const first = await build({ root });
    expect(first.cache.mode).toBe("full");
    expect(first.cache.reason).toContain("no cache");
    const before = tree(join(root, "public"));
    const again = await build({ root });
    expect(again.cache.mode).toBe("incremental");
    expect(again.cache.rendered).toBe(0);
    expect(again.written).toBe(0);
    expect(tree(join(root, "public"))).toEqual(before);
  });

  test("a body edit re-renders that page and the lists that show its excerpt, not unrelated pages", async () => {
    await build({ root });
    writeFileSync(page(7), `${readFileSync(page(7), "utf8")}\nAn added closing paragraph.\n`);
    const result = await build({ root });
    expect(result.cache.changed).toEqual(["content/s2/p7.md"]);
    expect(result.changedPaths).toContain("s2/p7/index.html");
    expect(result.changedPaths).not.toContain("s3/p8/index.html");
    expect(result.cache.rendered).toBeLessThan(30);
    expect(tree(join(root, "public"))).toEqual(await cleanBuild(root));
  });

  test("a title edit updates the section list, neighbours and feeds", async () => {
    await build({ root });
    writeFileSync(
      page(12),
      readFileSync(page(12), "utf8").replace("title: Page 12", "title: Renamed Twelve"),
    );
    const result = await build({ root });
    expect(readFileSync(join(root, "public/s2/index.html"), "utf8")).toContain("Renamed Twelve");
    expect(result.changedPaths).toContain("rss.xml");
    expect(tree(join(root, "public"))).toEqual(await cleanBuild(root));
  });

  test("editing a layout re-renders only the pages that use it", async () => {
    mkdirSync(join(root, "templates"), { recursive: true });
    const layout = (text: string) =>
      `/** @jsxImportSource hono/jsx */\nimport type { LayoutProps } from "@bengal/core";\nexport default function Term(props: LayoutProps) {\n  return <html><body><h1>${text} {props.page.title}</h1></body></html>;\n}\n`;
    writeFileSync(join(root, "templates/term.tsx"), layout("Tagged"));
    await build({ root });
    writeFileSync(join(root, "templates/term.tsx"), layout("Pages tagged"));
    const result = await build({ root });
    expect(Object.keys(result.cache.reasons).every((k) => k.startsWith("layout:term"))).toBe(true);
    expect(result.changedPaths.every((p) => p.startsWith("tags/"))).toBe(true);
    expect(readFileSync(join(root, "public/tags/common/index.html"), "utf8")).toContain("Pages tagged");
    expect(tree(join(root, "public"))).toEqual(await cleanBuild(root));
  });

  test("editing a helper module a layout imports re-renders the pages of that layout", async () => {
    // Fresh processes (the CLI), as a module a process has imported stays cached in it.
    mkdirSync(join(root, "templates/_lib"), { recursive: true });
    writeFileSync(join(root, "templates/_lib/label.ts"), 'export const label = "Tagged";\n');
    writeFileSync(
      join(root, "templates/term.tsx"),
      `/** @jsxImportSource hono/jsx */\nimport type { LayoutProps } from "@bengal/core";\nimport { label } from "./_lib/label.ts";\nexport default function Term(props: LayoutProps) {\n  return <html><body><h1>{label} {props.page.title}</h1></body></html>;\n}\n`,
    );
    const cli = (...args: string[]) =>
      Bun.spawnSync([
        process.execPath,
        join(import.meta.dir, "../../cli/src/bin.ts"),
        "build",
        root,
        "--json",
        ...args,
      ]);
    expect(cli().exitCode).toBe(0);
    writeFileSync(join(root, "templates/_lib/label.ts"), 'export const label = "Filed under";\n');
    const second = JSON.parse(cli().stdout.toString()) as { cache: { rendered: number } };
    expect(second.cache.rendered).toBeGreaterThan(0);
    expect(readFileSync(join(root, "public/tags/common/index.html"), "utf8")).toContain("Filed under");
  }, 60_000);

  test("in one process too (the dev server), an edited helper module is not served from the module cache", async () => {
    mkdirSync(join(root, "templates/_lib"), { recursive: true });
    writeFileSync(join(root, "templates/_lib/word.ts"), 'export const word = "First";\n');
    writeFileSync(
      join(root, "templates/term.tsx"),
      `/** @jsxImportSource hono/jsx */\nimport type { LayoutProps } from "@bengal/core";\nimport { word } from "./_lib/word.ts";\nexport default function Term(props: LayoutProps) {\n  return <html><body><h1>{word} {props.page.title}</h1></body></html>;\n}\n`,
    );
    await build({ root });
    writeFileSync(join(root, "templates/_lib/word.ts"), 'export const word = "Second";\n');
    await build({ root });
    expect(readFileSync(join(root, "public/tags/common/index.html"), "utf8")).toContain("Second common");
  });

  test("an asset edit changes its fingerprint and the pages that link it", async () => {
    await build({ root });
    writeFileSync(join(root, "assets/css/custom.css"), "body { color: navy; }\n");
    const result = await build({ root });
    expect(result.cache.reasons["asset:css/custom.css"]).toBeGreaterThan(0);
    expect(tree(join(root, "public"))).toEqual(await cleanBuild(root));
  });

  test("deleting and renaming pages removes their output and updates every list", async () => {
    await build({ root });
    rmSync(page(3));
    renameSync(page(4), join(root, "content/s4/renamed.md"));
    const result = await build({ root });
    expect(existsSync(join(root, "public/s3/p3/index.html"))).toBe(false);
    expect(existsSync(join(root, "public/s4/p4/index.html"))).toBe(false);
    expect(existsSync(join(root, "public/s4/renamed/index.html"))).toBe(true);
    expect(result.removed).toBeGreaterThan(0);
    expect(tree(join(root, "public"))).toEqual(await cleanBuild(root));
  });

  test("a config change means a full rebuild, and the build says which key", async () => {
    await build({ root });
    writeFileSync(
      join(root, "bengal.toml"),
      '[site]\ntitle = "Renamed Site"\nbaseurl = "https://gen.example/docs"\n',
    );
    const result = await build({ root });
    expect(result.cache.mode).toBe("full");
    expect(result.cache.reason).toContain("site.title");
    expect(tree(join(root, "public"))).toEqual(await cleanBuild(root));
  });

  test("--full ignores the cache; a corrupt cache means a full build with a warning, never a crash", async () => {
    await build({ root });
    const full = await build({ root, full: true });
    expect(full.cache.mode).toBe("full");
    expect(full.cache.reason).toContain("--full");
    writeFileSync(join(root, ".bengal/cache.db"), "this is not a database");
    rmSync(join(root, ".bengal/cache.db-wal"), { force: true });
    rmSync(join(root, ".bengal/cache.db-shm"), { force: true });
    const recovered = await build({ root });
    expect(recovered.cache.mode).toBe("full");
    expect(recovered.diagnostics.some((d) => d.code === "cache.unreadable")).toBe(true);
    expect(tree(join(root, "public"))).toEqual(await cleanBuild(root));
    expect((await build({ root })).cache.mode).toBe("incremental");
  });

  test("a cache written by an older Bengal (other tables) means a full build, not a crash", async () => {
    mkdirSync(join(root, ".bengal"), { recursive: true });
    const old = new Database(join(root, ".bengal/cache.db"));
    old.exec(
      "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); CREATE TABLE targets (output_path TEXT PRIMARY KEY, page_id TEXT, deps TEXT, diagnostics BLOB);",
    );
    old.exec("INSERT INTO meta VALUES ('engine', 'bengal 0.0.1 / cache schema 1'); PRAGMA user_version = 1;");
    old.close();
    const result = await build({ root });
    expect(result.failed).toBe(false);
    expect(result.cache.mode).toBe("full");
    expect((await build({ root })).cache.mode).toBe("incremental");
  });

  test("a front matter line added above an unchanged body moves the body's diagnostics with it", async () => {
    writeFileSync(page(6), `${readFileSync(page(6), "utf8")}\n[broken](missing.md)\n`);
    const first = await build({ root });
    const line = (r: typeof first) =>
      r.diagnostics.find((d) => d.file === "content/s1/p6.md")?.range.start.line;
    const before = line(first);
    writeFileSync(
      page(6),
      readFileSync(page(6), "utf8").replace("---\n", "---\ndescription: One more line\n"),
    );
    const after = line(await build({ root }));
    expect(before).toBeDefined();
    expect(after).toBe(before! + 1);
  });

  test("a deleted output file is written again", async () => {
    await build({ root });
    rmSync(join(root, "public/s1/p1/index.html"));
    await build({ root });
    expect(existsSync(join(root, "public/s1/p1/index.html"))).toBe(true);
  });

  test("full-content feeds and layout re-renders read the cached body HTML, which stays on disk until needed", async () => {
    writeFileSync(
      join(root, "bengal.toml"),
      `${readFileSync(join(root, "bengal.toml"), "utf8")}\n[feeds]\nfull_content = true\n`,
    );
    await build({ root });
    // A title edit re-renders lists and feeds; the other items' HTML comes from the cache.
    writeFileSync(page(6), readFileSync(page(6), "utf8").replace("title: Page 6", "title: Page Six"));
    await build({ root });
    const feed = readFileSync(join(root, "public/rss.xml"), "utf8");
    expect(feed).toContain("Page Six");
    expect(feed).toContain("Heading 7");
    expect(tree(join(root, "public"))).toEqual(await cleanBuild(root));
    // A layout edit re-renders every page with its cached markdown.
    mkdirSync(join(root, "templates"), { recursive: true });
    const theme = join(import.meta.dir, "../theme/templates/page.tsx");
    writeFileSync(
      join(root, "templates/page.tsx"),
      readFileSync(theme, "utf8").replace("<article", '<article data-x="1"'),
    );
    const relayout = await build({ root });
    expect(relayout.cache.rendered).toBeGreaterThan(20);
    expect(readFileSync(join(root, "public/s1/p6/index.html"), "utf8")).toContain("Heading 6");
    expect(tree(join(root, "public"))).toEqual(await cleanBuild(root));
  });

  test("a page's links record the pages they reach, not the whole site's URL lists", async () => {
    await build({ root });
    const db = new Database(join(root, ".bengal/cache.db"), { readonly: true });
    try {
      for (const table of ["facts", "targets"]) {
        const column = table === "facts" ? "page_id" : "output_path";
        const row = db.query(`SELECT deps FROM ${table} WHERE ${column} LIKE ?`).get("%s1/p1%") as {
          deps: string;
        };
        const keys = Object.keys(JSON.parse(row.deps));
        expect(keys.some((k) => k.startsWith("url:") || k.startsWith("src:") || k.startsWith("meta:"))).toBe(
          true,
        );
        for (const whole of ["targets", "aliases", "drafts", "urls*", "sources*", "pages*"]) {
          expect({ table, keys }).not.toEqual({ table, keys: expect.arrayContaining([whole]) });
        }
      }
    } finally {
      db.close();
    }
  });

  test("a no-change rebuild stops before parsing, and still reports the last build's problems", async () => {
    writeFileSync(page(4), `${readFileSync(page(4), "utf8")}\nSee [gone](/nowhere/).\n`);
    const first = await build({ root });
    const broken = first.diagnostics.filter((d) => d.code === "link.no-such-page");
    expect(broken).toHaveLength(1);
    const again = await build({ root });
    expect(again.timings.map((t) => t.stage)).toEqual(["config", "discover", "check"]);
    expect(again.diagnostics.filter((d) => d.code === "link.no-such-page")).toEqual(broken);
    expect(again.failed).toBe(true);
    expect(first.failed).toBe(true);
    expect(again.pages).toBe(first.pages);
  });

  test("a touched but identical file passes the content-hash check; the next rebuild stops early again", async () => {
    await build({ root });
    const later = new Date(Date.now() + 5000);
    utimesSync(page(3), later, later);
    const touched = await build({ root });
    expect(touched.timings.map((t) => t.stage)).toContain("parse");
    expect(touched.cache.rendered).toBe(0);
    const again = await build({ root });
    expect(again.timings.map((t) => t.stage)).toEqual(["config", "discover", "check"]);
  });

  test("an edit of the same size within the same second is still seen (mtime has sub-second precision)", async () => {
    await build({ root });
    const text = readFileSync(page(2), "utf8");
    writeFileSync(page(2), text.replace("Page 2", "Page X"));
    const result = await build({ root });
    expect(result.cache.changed).toEqual([relative(root, page(2))]);
    expect(tree(join(root, "public"))).toEqual(await cleanBuild(root));
  });
});

/** Seeded PRNG (mulberry32) so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit of the kinds users make; returns what it did, for the failure message. */
export function randomEdit(siteRoot: string, random: () => number, step: number): string {
  const pages = readdirSync(join(siteRoot, "content"), { recursive: true, encoding: "utf8" })
    .filter((p) => p.endsWith(".md") && !p.endsWith("_index.md"))
    .sort();
  const pick = () => join(siteRoot, "content", pages[Math.floor(random() * pages.length)]!);
  const kind = Math.floor(random() * 15);
  const file = pick();
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  switch (kind) {
    case 0:
      writeFileSync(file, `${text}\nEdited body ${step}.\n`);
      return `body ${file}`;
    case 1:
      writeFileSync(file, text.replace(/^title: .*$/m, `title: Retitled ${step}`));
      return `title ${file}`;
    case 2:
      writeFileSync(file, text.replace(/^tags: .*$/m, `tags: [t${step % 3}, fresh${step % 2}]`));
      return `tags ${file}`;
    case 3:
      writeFileSync(file, text.replace(/^---\n/, `---\ndraft: ${step % 2 === 0}\n`));
      return `draft ${file}`;
    case 4:
      writeFileSync(
        join(siteRoot, "content", `s${step % 5}`, `new${step}.md`),
        `---\ntitle: New ${step}\ndate: 2025-03-0${(step % 9) + 1}\ntags: [common]\n---\nNew page [back](p0.md).\n`,
      );
      return "add";
    case 5:
      if (pages.length > 5) rmSync(file);
      return `delete ${file}`;
    case 6:
      renameSync(file, file.replace(/\.md$/, `-r${step}.md`));
      return `rename ${file}`;
    case 7:
      writeFileSync(join(siteRoot, "assets/css/custom.css"), `body { margin: ${step}px; }\n`);
      return "asset";
    case 8:
      mkdirSync(join(siteRoot, "templates"), { recursive: true });
      writeFileSync(
        join(siteRoot, "templates/term.tsx"),
        `/** @jsxImportSource hono/jsx */\nimport type { LayoutProps } from "@bengal/core";\nexport default function Term(props: LayoutProps) {\n  return <html><body><h1>Variant ${step % 3}: {props.page.title}</h1><ul>{props.items.map((p) => <li>{p.title}</li>)}</ul></body></html>;\n}\n`,
      );
      return "layout";
    case 9: {
      const section = join(siteRoot, "content", `s${step % 5}`, "_index.md");
      writeFileSync(
        section,
        `---\ntitle: Section retitled ${step}\nweight: ${step % 4}\n---\nSection text ${step}.\n`,
      );
      return `section ${section}`;
    }
    case 10:
      writeFileSync(file, text.replace(/^---\n/, `---\naliases: [/old-${step}/]\n`));
      return `alias ${file}`;
    case 11:
      writeFileSync(file, text.replace(/^---\n/, `---\nslug: moved-${step}\n`));
      return `slug ${file}`;
    case 12: {
      const dir = join(siteRoot, "content", `s${step % 5}`, `nested${step % 2}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, `deep${step}.md`),
        `---\ntitle: Deep ${step}\ndate: 2025-04-0${(step % 9) + 1}\ntags: [deep]\n---\n# Deep\n\nSee [the top](../../s0/p0.md#heading-0).\n`,
      );
      return "nested page";
    }
    case 13:
      writeFileSync(
        file,
        text.replace(/^date: .*$/m, `date: 2024-12-${String((step % 28) + 1).padStart(2, "0")}`),
      );
      return `date ${file}`;
    default:
      writeFileSync(
        join(siteRoot, "bengal.toml"),
        `[site]\ntitle = "Generated ${step % 2}"\nbaseurl = "https://gen.example/docs"\n\n[pagination]\nper_page = ${5 + (step % 3)}\n`,
      );
      return "config";
  }
}

/** Every file of the site outside its outputs and cache, with its size and mtime. */
function inputFiles(site: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === "public" || name === ".bengal") continue;
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out.set(p, `${s.size}:${s.mtimeMs}`);
    }
  };
  walk(site);
  return out;
}

/** What a file watcher reports between two looks at the site. */
function watcherChanges(before: Map<string, string>, after: Map<string, string>) {
  const changes: { path: string; kind: "create" | "change" | "delete" }[] = [];
  for (const [path, stamp] of after) {
    if (!before.has(path)) changes.push({ path, kind: "create" });
    else if (before.get(path) !== stamp) changes.push({ path, kind: "change" });
  }
  for (const path of before.keys()) if (!after.has(path)) changes.push({ path, kind: "delete" });
  return changes;
}

/** With `pool`, every build renders on two page workers (`max_workers = 2`), whatever an edit did to the config. */
function usePool(site: string): void {
  const config = join(site, "bengal.toml");
  const text = readFileSync(config, "utf8");
  if (!text.includes("max_workers")) writeFileSync(config, `${text}\n[build]\nmax_workers = 2\n`);
}

/** Random edits, each followed by an incremental build compared with a clean build of the same profile. */
async function fuzz(profile: "build" | "serve", seed: number, steps: number, pool = false): Promise<void> {
  const random = rng(seed);
  if (pool) usePool(root);
  await build({ root, profile });
  let before = inputFiles(root);
  for (let step = 0; step < steps; step++) {
    const what = randomEdit(root, random, step);
    if (pool) usePool(root);
    // The dev server's builds are told what changed, as its file watcher would tell them.
    const after = inputFiles(root);
    const changes = profile === "serve" ? watcherChanges(before, after) : undefined;
    before = after;
    const result = await build({ root, profile, ...(changes ? { changes } : {}) });
    const incremental = tree(join(root, "public"));
    const { tree: clean, codes } = await cleanBuildResult(root, profile);
    expect({ step, what, diagnostics: diagnosticKeys(result.diagnostics) }).toEqual({
      step,
      what,
      diagnostics: codes,
    });
    const differing = Object.keys({ ...incremental, ...clean }).filter((k) => incremental[k] !== clean[k]);
    if (differing.length > 0 && process.env.BENGAL_FUZZ_DUMP) {
      writeFileSync("/tmp/fuzz-inc.html", Buffer.from(incremental[differing[0]!] ?? "", "base64"));
      writeFileSync("/tmp/fuzz-clean.html", Buffer.from(clean[differing[0]!] ?? "", "base64"));
    }
    expect({ profile, seed, step, what, differing }).toEqual({ profile, seed, step, what, differing: [] });
  }
}

describe("incremental correctness", () => {
  // CI uses fixed seeds; `BENGAL_FUZZ_SEED` / `BENGAL_FUZZ_STEPS` (see bench/) explore others.
  const seed = Number(process.env.BENGAL_FUZZ_SEED ?? 20261129);
  const steps = Number(process.env.BENGAL_FUZZ_STEPS ?? 12);

  test("after each of a seeded sequence of random edits, the incremental output equals a clean build", async () => {
    await fuzz("build", seed, steps);
  }, 120_000);

  test("the same for the dev server's builds (parsed cache tables kept in memory, no fingerprints)", async () => {
    await fuzz("serve", seed + 1, steps);
  }, 120_000);

  test("the same with pages rendered on worker processes (bodies read from the cache, rows stored by workers)", async () => {
    await fuzz("build", seed + 2, Math.ceil(steps / 2), true);
  }, 120_000);
});
