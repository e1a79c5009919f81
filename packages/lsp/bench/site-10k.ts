// Language server budgets on a generated 10,000-page site: `bun packages/lsp/bench/site-10k.ts [pages]`.
// Prints the initial index time, memory, and per-keystroke / per-front-matter-edit update times.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createNodeHost } from "@bengal/core/analysis";
import { createOverlayHost } from "../src/workspace/overlay-host.ts";
import { Site } from "../src/workspace/site.ts";

const pages = Number(process.argv[2] ?? 10_000);
const sections = Math.max(1, Math.round(Math.sqrt(pages)));
const perSection = Math.ceil(pages / sections);
const root = mkdtempSync(join(tmpdir(), "bengal-lsp-bench-"));
writeFileSync(join(root, "bengal.toml"), "[site]\ntitle = 'bench'\n");
for (let s = 0; s < sections; s++) {
  mkdirSync(join(root, `content/s${s}`), { recursive: true });
  for (let p = 0; p < perSection; p++) {
    const next = `../s${(s + 1) % sections}/p${p}.md#intro`;
    const body = `---\ntitle: Page ${s}-${p}\ndate: 2024-01-0${(p % 9) + 1}\ntags: [t${p % 20}, all]\n---\n\n## Intro\n\nA [link](${next}) and [another](/s${s}/p${(p + 1) % perSection}/).\n\n## More\n\n${"Lorem ipsum dolor sit amet. ".repeat(40)}\n`;
    writeFileSync(join(root, `content/s${s}/p${p}.md`), body);
  }
}

const buffers = new Map<string, string>();
const site = new Site(root, createOverlayHost(createNodeHost(), buffers));
let t = performance.now();
await site.load();
const loadMs = performance.now() - t;
const rss = process.memoryUsage().rss / 1e6;

const file = "content/s1/p1.md";
const path = join(root, file);
const base = site.docs.get(file)!.text;
const time = async (edit: (i: number) => string, n: number): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    buffers.set(path, edit(i));
    t = performance.now();
    await site.apply([{ path, kind: "change" }]);
    site.diagnosticsFor(file);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
};
const keys = await time((i) => base.replace("A [link]", `A ${i} [link]`), 100);
const fm = await time((i) => base.replace("title: Page", `title: Page${i}`), 20);
console.log(
  JSON.stringify({
    pages: site.docs.size,
    loadMs: Math.round(loadMs),
    rssMB: Math.round(rss),
    keystrokeP95Ms: Number(keys[Math.floor(keys.length * 0.95)]!.toFixed(1)),
    frontMatterEditMedianMs: Number(fm[Math.floor(fm.length / 2)]!.toFixed(1)),
  }),
);
rmSync(root, { recursive: true, force: true });
