import type { BuildResult } from "@bengal/core";
import { paint, type Terminal } from "./terminal.ts";

/**
 * One line saying whether the build was incremental and, if not, why; with `--verbose` the
 * changed files and, for each dependency that changed, how many pages it re-rendered.
 */
export function formatCacheReport(
  term: Pick<Terminal, "color">,
  result: BuildResult,
  verbose: boolean,
): string {
  const { cache } = result;
  if (cache.mode === "off") return "";
  if (cache.mode === "full")
    return `  ${paint(term, "dim", `full build: ${cache.reason ?? "no usable cache"}`)}\n`;
  const lines = [
    `  ${paint(term, "dim", `incremental: rendered ${cache.rendered} of ${result.pages} pages`)}`,
  ];
  if (verbose) {
    if (cache.changed.length > 0) {
      const shown = cache.changed.slice(0, 10).join(", ");
      const more = cache.changed.length > 10 ? ` and ${cache.changed.length - 10} more` : "";
      lines.push(`    changed: ${shown}${more}`);
    }
    for (const [key, count] of Object.entries(cache.reasons).sort(([, a], [, b]) => b - a)) {
      lines.push(`    ${count} page${count === 1 ? "" : "s"} because of ${key}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
