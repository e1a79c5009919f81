import { readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { Diagnostic, Severity } from "@bengal/core";
import { paint, type Style, type Terminal } from "./terminal.ts";

const CONTEXT_LINES = 2;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const COLOR: Record<Severity, Style> = { error: "red", warning: "yellow", info: "blue" };

/** Errors first, then by file and position, so the list reads the same on every run. */
export function sortForReport(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
}

/** Reads source files once each; a file that cannot be read simply gets no code frame. */
export function sourceReader(root: string): (file: string) => string[] | null {
  const cache = new Map<string, string[] | null>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        const path = isAbsolute(file) ? file : join(root, file);
        const lines = readFileSync(path, "utf8").split(/\r?\n/);
        // A final newline ends the last line; it does not start another.
        if (lines.length > 1 && lines.at(-1) === "") lines.pop();
        cache.set(file, lines);
      } catch {
        cache.set(file, null);
      }
    }
    return cache.get(file) ?? null;
  };
}

/** Source lines around the range with a `^~~~` marker under it (on the range's first line). */
export function codeFrame(term: Pick<Terminal, "color">, lines: readonly string[], d: Diagnostic): string {
  const { start, end } = d.range;
  if (start.line >= lines.length) return "";
  const first = Math.max(0, start.line - CONTEXT_LINES);
  const last = Math.min(lines.length - 1, start.line + CONTEXT_LINES);
  const gutter = String(last + 1).length;
  let out = "";
  for (let n = first; n <= last; n++) {
    const text = lines[n]!;
    const marker = n === start.line ? paint(term, "red", ">") : " ";
    out += `  ${marker} ${paint(term, "gray", `${String(n + 1).padStart(gutter)} |`)}${text ? ` ${text}` : ""}\n`;
    if (n === start.line) {
      const from = Math.min(start.character, text.length);
      const to = end.line === start.line ? Math.min(end.character, text.length) : text.length;
      // Keep tabs so the caret lines up with what the terminal shows above it.
      const pad = text.slice(0, from).replace(/[^\t]/g, " ");
      const caret = `^${"~".repeat(Math.max(0, to - from - 1))}`;
      out += `    ${paint(term, "gray", `${" ".repeat(gutter)} |`)} ${pad}${paint(term, COLOR[d.severity], caret)}\n`;
    }
  }
  return out;
}

export interface ReportOptions {
  /** Site root: diagnostic files are relative to it. */
  readonly root: string;
  readonly showInfo: boolean;
}

/** Human-readable diagnostics: `path:line:col  severity  message  [code]`, a code frame, the hint. */
export function formatDiagnostics(
  term: Terminal,
  diagnostics: readonly Diagnostic[],
  opts: ReportOptions,
): string {
  const read = sourceReader(opts.root);
  let out = "";
  for (const d of sortForReport(diagnostics)) {
    if (d.severity === "info" && !opts.showInfo) continue;
    const shown = relative(term.cwd, join(opts.root, d.file)) || d.file;
    const where = d.file ? `${shown}:${d.range.start.line + 1}:${d.range.start.character + 1}` : "bengal";
    out += `${paint(term, "bold", where)}  ${paint(term, COLOR[d.severity], d.severity)}  ${d.message}  ${paint(
      term,
      "gray",
      `[${d.code}]`,
    )}\n`;
    const lines = d.file ? read(d.file) : null;
    if (lines) out += codeFrame(term, lines, d);
    if (d.hint) out += `  ${paint(term, "cyan", "hint:")} ${d.hint}\n`;
    out += "\n";
  }
  return out;
}

export function countLine(term: Pick<Terminal, "color">, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const e = `${errors} error${errors === 1 ? "" : "s"}`;
  const w = `${warnings} warning${warnings === 1 ? "" : "s"}`;
  return `${errors > 0 ? paint(term, "red", e) : e}, ${warnings > 0 ? paint(term, "yellow", w) : w}\n`;
}

/** The `--json` shape of a diagnostic: 1-based line/column for people, the 0-based range for tools. */
export function diagnosticJson(d: Diagnostic) {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    hint: d.hint ?? null,
    file: d.file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    range: d.range,
  };
}

/**
 * A closing recap of one kind of failure (failed assets): the first `limit` by file, then
 * "and N more". Printed once, after the build, so it never mixes with progress output.
 */
export function failureSummary(
  term: Terminal,
  diagnostics: readonly Diagnostic[],
  options: { readonly root: string; readonly code: string; readonly noun: string; readonly limit?: number },
): string {
  const failures = sortForReport(
    diagnostics.filter((d) => d.code === options.code && d.severity === "error"),
  );
  if (failures.length === 0) return "";
  const limit = options.limit ?? 10;
  const n = failures.length;
  let out = `${paint(term, "red", `${n} ${options.noun}${n === 1 ? "" : "s"} failed:`)}\n`;
  for (const d of failures.slice(0, limit)) {
    const shown = d.file
      ? relative(term.cwd, isAbsolute(d.file) ? d.file : join(options.root, d.file)) || d.file
      : "bengal";
    out += `  ${shown}  ${paint(term, "dim", d.message)}\n`;
  }
  if (n > limit) out += `  … and ${n - limit} more\n`;
  return out;
}
