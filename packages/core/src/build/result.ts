import { applySeverities, hasErrors } from "../diagnostics/create.ts";
import type { SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { BuildResult } from "../model/output.ts";

export type ResultParts = Omit<BuildResult, "diagnostics" | "failed">;

/** The build's answer: the diagnostics graded by `[validate]` and `--strict`, errors first. */
export function buildResult(
  parts: ResultParts,
  diagnostics: readonly Diagnostic[],
  config: SiteConfig,
): BuildResult {
  const reported = sortDiagnostics(applySeverities(diagnostics, config.validate, config.build.strict_mode));
  return { ...parts, diagnostics: reported, failed: hasErrors(reported) };
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return list.sort(
    (a, b) =>
      rank[a.severity] - rank[b.severity] ||
      a.file.localeCompare(b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.code.localeCompare(b.code),
  );
}
