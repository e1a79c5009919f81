import { describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bengal, tempDir, today, writeFiles } from "./run.ts";

const STARTER = [
  ".gitignore",
  "assets/css/custom.css",
  "bengal.toml",
  "content/_index.md",
  "content/about.md",
  "content/blog/_index.md",
  "content/blog/hello-world.md",
  "static/favicon.svg",
  "templates/README.md",
];

function listFiles(root: string, prefix = ""): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(root, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

describe("bengal new site", () => {
  test("creates the starter site with a config titled from the name", async () => {
    using dir = tempDir();
    const r = await bengal(["new", "site", "my-blog"], { cwd: dir.path });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("cd my-blog && bunx bengal build");
    const site = join(dir.path, "my-blog");
    expect(listFiles(site)).toEqual(STARTER);
    const config = Bun.TOML.parse(readFileSync(join(site, "bengal.toml"), "utf8")) as {
      site: { title: string; baseurl: string };
      build: { output_dir: string };
      menu: { main: { name: string; url: string }[] };
    };
    expect(config.site.title).toBe("My Blog");
    expect(config.site.baseurl).toBe("");
    expect(config.build.output_dir).toBe("public");
    expect(config.menu.main.map((m) => [m.name, m.url])).toEqual([
      ["Home", "/"],
      ["Blog", "/blog/"],
      ["About", "/about/"],
    ]);
    const post = readFileSync(join(site, "content/blog/hello-world.md"), "utf8");
    expect(post).toContain(`date: ${today()}\n`);
    expect(post).toContain("```ts\n");
    expect(readFileSync(join(site, ".gitignore"), "utf8").split("\n")).toEqual(
      expect.arrayContaining(["public/", ".bengal/"]),
    );
  });

  test("refuses a non-empty folder and leaves it untouched", async () => {
    using dir = tempDir();
    writeFiles(dir.path, { "taken/notes.txt": "mine" });
    const r = await bengal(["new", "site", "taken"], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not empty");
    expect(listFiles(join(dir.path, "taken"))).toEqual(["notes.txt"]);
  });

  test("accepts an existing empty folder", async () => {
    using dir = tempDir();
    mkdirSync(join(dir.path, "empty"));
    const r = await bengal(["new", "site", "empty"], { cwd: dir.path });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir.path, "empty", "bengal.toml"))).toBe(true);
  });

  test("needs a name", async () => {
    using dir = tempDir();
    const r = await bengal(["new", "site"], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing the site name");
  });
});

describe("bengal new page", () => {
  const site = { "bengal.toml": '[site]\ntitle = "T"\n', "content/_index.md": "# Home\n" };

  test("writes front matter with a title from the file name and today's date, creating folders", async () => {
    using dir = tempDir();
    writeFiles(dir.path, site);
    const r = await bengal(["new", "page", "blog/my-first-post"], { cwd: dir.path });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir.path, "content/blog/my-first-post.md"), "utf8");
    expect(text.startsWith(`---\ntitle: My First Post\ndate: ${today()}\ndraft: false\n---\n`)).toBe(true);
  });

  test("takes --title and a .md path, from a sub-folder of the site", async () => {
    using dir = tempDir();
    writeFiles(dir.path, site);
    const r = await bengal(["new", "page", "docs/setup.md", "--title", 'Set "it" up'], {
      cwd: join(dir.path, "content"),
    });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir.path, "content/docs/setup.md"), "utf8");
    expect(text).toContain('title: "Set \\"it\\" up"\n');
  });

  test("--dir points at the site", async () => {
    using dir = tempDir();
    writeFiles(dir.path, Object.fromEntries(Object.entries(site).map(([k, v]) => [`s/${k}`, v])));
    const r = await bengal(["new", "page", "about", "--dir=s"], { cwd: dir.path });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir.path, "s/content/about.md"), "utf8")).toContain("title: About\n");
  });

  test("refuses to overwrite an existing page", async () => {
    using dir = tempDir();
    writeFiles(dir.path, { ...site, "content/blog/post.md": "mine" });
    const r = await bengal(["new", "page", "blog/post"], { cwd: dir.path });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("already exists");
    expect(readFileSync(join(dir.path, "content/blog/post.md"), "utf8")).toBe("mine");
  });

  test("outside a site exits 2 and explains", async () => {
    using dir = tempDir();
    const r = await bengal(["new", "page", "post"], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no Bengal site found");
    expect(existsSync(join(dir.path, "content"))).toBe(false);
  });

  test("rejects a path that leaves content/", async () => {
    using dir = tempDir();
    writeFiles(dir.path, site);
    const r = await bengal(["new", "page", "../escape"], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(existsSync(join(dir.path, "escape.md"))).toBe(false);
  });
});
