import { join } from "node:path";
import { runScript } from "./measure.ts";
import { REPO } from "./peers.ts";
import { seconds, table } from "./report.ts";

const SCRIPT = "packages/lsp/bench/site-10k.ts";

/** Readable headers for the fields the server's benchmark prints; others show their own name. */
const FIELDS: Record<string, string> = {
  pages: "Pages",
  loadMs: "Indexing (initial load)",
  publishedMs: "Start → first diagnostics published",
  rssMB: "Memory after indexing",
  keystrokeP95Ms: "Body edit → diagnostics (p95)",
  frontMatterEditMedianMs: "Front-matter edit → diagnostics (median)",
};

function cell(key: string, value: unknown): string {
  if (typeof value !== "number") return String(value ?? "");
  if (key === "pages") return value.toLocaleString("en-US");
  if (key.endsWith("MB")) return `${value} MB`;
  if (key.endsWith("Ms")) return value >= 1000 ? seconds(value) : `${value} ms`;
  return String(value);
}

/**
 * The server's benchmark prints one JSON object a line, each after an optional label
 * (`bun median of 3: {…}`); the median lines are kept when there are some, else every line.
 */
export function lspSection(output: string): string {
  const results: { label: string; data: Record<string, unknown> }[] = [];
  for (const line of output.split("\n")) {
    const open = line.indexOf("{");
    if (open < 0) continue;
    try {
      const data = JSON.parse(line.slice(open, line.lastIndexOf("}") + 1)) as Record<string, unknown>;
      results.push({ label: line.slice(0, open).trim().replace(/:$/, ""), data });
    } catch {}
  }
  if (results.length === 0) return `\`bun ${SCRIPT}\` printed no result:\n\n${output}`;
  const medians = results.filter((r) => /median/.test(r.label));
  const shown = medians.length > 0 ? medians : results;
  const keys = [...new Set(shown.flatMap((r) => Object.keys(r.data)))];
  const labelled = shown.some((r) => r.label);
  return [
    table(
      [...(labelled ? ["Run"] : []), ...keys.map((k) => FIELDS[k] ?? k)],
      shown.map((r) => [...(labelled ? [r.label] : []), ...keys.map((k) => cell(k, r.data[k]))]),
    ),
    "",
    `From \`bun ${SCRIPT} ${"<pages>"}\` (the server in process on its own generated site; no editor round trip).`,
  ].join("\n");
}

/** Runs the server's benchmark and returns its report section. */
export function lspBench(pages = 10_000): string {
  return lspSection(runScript(["bun", join(REPO, SCRIPT), String(pages)], REPO));
}
