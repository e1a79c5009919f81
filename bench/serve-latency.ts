/**
 * Dev-server save-to-reload latency: `bengal serve`'s server on a copy of each site, one page
 * body edited and one stylesheet edited `--edits` times each, timed from the file write to the
 * live-reload message (and to the page's new HTML). Prints a markdown table.
 * Run: `bun bench/serve-latency.ts <label>=<site-dir> … [--edits 5] [--tmp <dir>]`.
 */
import { cpSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { DEFAULT_DEBOUNCE_MS } from "../packages/core/src/serve/watcher.ts";
import { reloadLatency } from "./runner/live-reload.ts";
import { median, range, seconds, table } from "./runner/report.ts";

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const edits = Number(flag("--edits") ?? 5);
const tmp = flag("--tmp") ?? join(tmpdir(), `bengal-serve-bench-${process.pid}`);
const sites = args
  .filter((a, i) => a.includes("=") && !args[i - 1]?.startsWith("--"))
  .map((a) => {
    const at = a.indexOf("=");
    return { label: a.slice(0, at), dir: resolve(a.slice(at + 1)) };
  });
if (sites.length === 0) {
  console.error("usage: bun bench/serve-latency.ts <label>=<site-dir> … [--edits 5] [--tmp <dir>]");
  process.exit(2);
}

/** The first file (sorted, depth first) under `dir` that `keep` accepts, site-relative. */
function firstFile(root: string, dir: string, keep: (name: string) => boolean): string | null {
  const entries = readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );
  for (const e of entries) {
    const rel = `${dir}/${e.name}`;
    if (e.isFile() && keep(e.name)) return rel;
    if (e.isDirectory()) {
      const found = firstFile(root, rel, keep);
      if (found) return found;
    }
  }
  return null;
}

const rows: string[][] = [];
const notes: string[] = [];
for (const { label, dir } of sites) {
  const copy = join(tmp, basename(dir));
  rmSync(copy, { recursive: true, force: true });
  // The copy is edited and built; its output and cache start empty.
  cpSync(dir, copy, {
    recursive: true,
    filter: (src) => !/\/(public|\.bengal|node_modules)$/.test(src),
  });
  const page = firstFile(copy, "content", (n) => n.endsWith(".md") && !n.startsWith("_"));
  const css = firstFile(copy, "assets", (n) => n.endsWith(".css"));
  if (!page || !css) {
    rows.push([label, "", "", "no page or stylesheet to edit", "", "", "", ""]);
    continue;
  }
  console.error(`dev server on ${label}: editing ${page} and ${css}, ${edits} times each…`);
  try {
    const r = await reloadLatency(copy, page, css, edits);
    const row = (what: string, times: { toMessage: number[]; toHtml: number[]; rebuild: number[] }) => [
      label,
      r.pages.toLocaleString("en-US"),
      seconds(r.initialMs),
      what,
      times.toMessage.length ? seconds(median(times.toMessage)) : "failed",
      times.toMessage.length ? range(times.toMessage) : "",
      times.toHtml.length ? seconds(median(times.toHtml)) : "—",
      times.rebuild.length ? seconds(median(times.rebuild)) : "",
    ];
    rows.push(row(`page body (\`${page}\`)`, r.page), row(`stylesheet (\`${css}\`)`, r.css));
    for (const f of r.failures) notes.push(`${label}: ${f}`);
  } catch (error) {
    rows.push([label, "", "", "failed", (error as Error).message.split("\n")[0]!, "", "", ""]);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
rmSync(tmp, { recursive: true, force: true });

console.log(
  table(
    [
      "Site",
      "Pages",
      "First build",
      "Edit",
      "Write → reload message",
      "Min–max",
      "Write → new HTML served",
      "Server's rebuild",
    ],
    rows,
  ),
);
console.log(
  `\nMedians of ${edits} edits each. The watcher's debounce (${DEFAULT_DEBOUNCE_MS} ms) is included; a CSS-only` +
    ' change sends `css` (a stylesheet swap), a page edit `reload`. "New HTML served" also fetches the page' +
    " the reload names and finds the edit in it." +
    (notes.length ? `\n\nFailures: ${notes.join("; ")}` : ""),
);
process.exit(0);
