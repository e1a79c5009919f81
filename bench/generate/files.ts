import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { makePng } from "../../packages/core/src/assets/testing.ts";
import type { PageSpec, SiteSpec } from "./site.ts";

/** Site-relative path → file content. Writers are pure; `writeFiles` is the only I/O. */
export type FileMap = Map<string, string | Uint8Array>;

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** YAML front matter every generator reads the same way. */
export function frontMatter(page: PageSpec, extra: readonly string[] = []): string {
  return [
    "---",
    `title: ${yamlString(page.title)}`,
    `date: ${page.date}`,
    `description: ${yamlString(page.description)}`,
    `tags: [${page.tags.join(", ")}]`,
    ...extra,
    "---",
    "",
  ].join("\n");
}

const CSS = Array.from(
  { length: 60 },
  (_, i) =>
    `.bench-block-${i} > .item:hover {\n  color: #336699;\n  margin: 0px 0px 8px 0px;\n  transition: opacity 200ms ease-in-out;\n}\n`,
).join("\n");

const JS = Array.from(
  { length: 40 },
  (_, i) =>
    `// helper ${i}\nfunction benchHelper${i}(items) {\n  return items.filter((item) => item.value > ${i}).map((item) => item.id);\n}\n`,
).join("\n");

/** Images, a stylesheet and a script, at the same paths for every generator. */
export function sharedFiles(spec: SiteSpec): FileMap {
  const files: FileMap = new Map();
  for (let i = 1; i <= spec.images; i++) files.set(`static/images/figure-${i}.png`, makePng(64, i * 37));
  files.set("assets/css/custom.css", CSS);
  files.set("assets/js/custom.js", `${JS}\nwindow.benchHelpers = { benchHelper0 };\n`);
  return files;
}

/** content/: the home and section `_index.md` pages (Bengal and Hugo read them), then every page. */
export function contentFiles(spec: SiteSpec, files: FileMap, indexes: boolean): FileMap {
  if (indexes) {
    files.set("content/_index.md", `---\ntitle: ${yamlString(spec.title)}\n---\n\nWelcome.\n`);
    for (const s of spec.sections) {
      files.set(
        `content/${s.dir}/_index.md`,
        `---\ntitle: ${yamlString(s.title)}\nweight: ${s.weight}\n---\n\nAll about ${s.title.toLowerCase()}.\n`,
      );
    }
  }
  for (const page of spec.pages) files.set(`content/${page.path}`, `${frontMatter(page)}\n${page.body}\n`);
  return files;
}

/** Replaces `dir` with exactly these files. */
export function writeFiles(dir: string, files: FileMap): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, content] of files) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}
