import * as path from "node:path";

/** One diagnostic as `bengal build --json` prints it: 1-based line/column, site-relative file. */
export interface CliDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly hint?: string | null;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** The object `bengal build --json` prints (fields the extension reads). */
export interface BuildJson {
  readonly ok: boolean;
  readonly pages: number;
  readonly assets: number;
  readonly written: number;
  readonly outputDir: string | null;
  readonly timings: readonly { readonly stage: string; readonly ms: number }[];
  readonly diagnostics: readonly CliDiagnostic[];
}

/** Mirrors `vscode.DiagnosticSeverity` numerically, so the adapter passes it through. */
export const ProblemSeverity = { Error: 0, Warning: 1, Information: 2 } as const;
export type ProblemSeverity = (typeof ProblemSeverity)[keyof typeof ProblemSeverity];

/** A `vscode.Diagnostic` as plain data: 0-based positions. */
export interface Problem {
  readonly range: {
    readonly start: { readonly line: number; readonly character: number };
    readonly end: { readonly line: number; readonly character: number };
  };
  readonly message: string;
  readonly severity: ProblemSeverity;
  readonly code: string;
  readonly source: "bengal build";
}

const SEVERITY: Record<string, ProblemSeverity> = {
  error: ProblemSeverity.Error,
  warning: ProblemSeverity.Warning,
  info: ProblemSeverity.Information,
};

/** Reads the last JSON object line of the CLI's stdout; anything before it (stray logs) is ignored. */
export function parseBuildJson(stdout: string): BuildJson | null {
  const lines = stdout.split(/\r?\n/).filter((l) => l.trim().startsWith("{"));
  for (const line of lines.reverse()) {
    try {
      const value = JSON.parse(line) as Partial<BuildJson>;
      if (typeof value === "object" && value && Array.isArray(value.diagnostics)) return value as BuildJson;
    } catch {
      // not the result line
    }
  }
  return null;
}

function position(line: number | undefined, column: number | undefined) {
  return { line: Math.max(0, (line ?? 1) - 1), character: Math.max(0, (column ?? 1) - 1) };
}

/**
 * Groups the build's diagnostics by absolute file. A diagnostic with no file (a crash, a missing
 * config) is filed under the site's config so it still shows in the Problems panel.
 */
export function toProblems(
  diagnostics: readonly CliDiagnostic[],
  siteRoot: string,
  fallbackFile: string,
): Map<string, Problem[]> {
  const byFile = new Map<string, Problem[]>();
  for (const d of diagnostics) {
    const start = position(d.line, d.column);
    const endRaw = position(d.endLine ?? d.line, d.endColumn ?? d.column);
    const end =
      endRaw.line < start.line || (endRaw.line === start.line && endRaw.character < start.character)
        ? start
        : endRaw;
    const file = d.file ? path.resolve(siteRoot, d.file) : fallbackFile;
    const problem: Problem = {
      range: { start, end },
      message: d.hint ? `${d.message}\n${d.hint}` : d.message,
      severity: SEVERITY[d.severity] ?? ProblemSeverity.Error,
      code: d.code,
      source: "bengal build",
    };
    const list = byFile.get(file);
    if (list) list.push(problem);
    else byFile.set(file, [problem]);
  }
  return byFile;
}

/** A diagnostic the language server already shows for the same code and place. */
export interface Shown {
  readonly code: string;
  readonly line: number;
  readonly character: number;
}

/** Drops build problems the language server already reports, so the Problems panel lists each once. */
export function withoutShown(problems: readonly Problem[], shown: readonly Shown[]): Problem[] {
  const keys = new Set(shown.map((s) => `${s.code}@${s.line}:${s.character}`));
  return problems.filter((p) => !keys.has(`${p.code}@${p.range.start.line}:${p.range.start.character}`));
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countSeverities(diagnostics: readonly CliDiagnostic[]): Counts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === "warning") warnings++;
    else if (d.severity === "info") infos++;
    else errors++;
  }
  return { errors, warnings, infos };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The output channel's summary after a build. */
export function summarize(result: BuildJson, elapsedMs: number): string[] {
  const { errors, warnings } = countSeverities(result.diagnostics);
  const time = elapsedMs >= 1000 ? `${(elapsedMs / 1000).toFixed(2)} s` : `${Math.round(elapsedMs)} ms`;
  const head = result.ok
    ? `✓ Built ${plural(result.pages, "page")}, ${plural(result.assets, "asset")} in ${time}`
    : `✗ Build failed in ${time} (${plural(result.pages, "page")}, ${plural(result.assets, "asset")})`;
  const lines = [head];
  if (result.outputDir) lines.push(`  output: ${result.outputDir} (${result.written} written)`);
  if (result.timings.length > 0) {
    lines.push(`  ${result.timings.map((t) => `${t.stage} ${Math.round(t.ms)} ms`).join(" · ")}`);
  }
  lines.push(`  ${plural(errors, "error")}, ${plural(warnings, "warning")}`);
  for (const d of result.diagnostics) {
    if (d.severity === "info") continue;
    lines.push(`  ${d.file || "(site)"}:${d.line}:${d.column}  ${d.severity}  ${d.message}  [${d.code}]`);
  }
  return lines;
}
