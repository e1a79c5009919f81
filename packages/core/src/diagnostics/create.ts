import type { Diagnostic, Severity } from "../model/diagnostic.ts";
import { type Range, ZERO_RANGE } from "../model/range.ts";
import { type DiagnosticCode, rule } from "./catalog.ts";

export interface DiagnosticInit {
  readonly message: string;
  readonly file: string;
  readonly range?: Range;
  readonly hint?: string;
  readonly severity?: Severity;
}

/** Builds a diagnostic with the catalog's default severity and hint. */
export function diagnostic(code: DiagnosticCode, init: DiagnosticInit): Diagnostic {
  const r = rule(code);
  const hint = init.hint ?? r.hint;
  return {
    code,
    severity: init.severity ?? r.severity,
    message: init.message,
    ...(hint ? { hint } : {}),
    file: init.file,
    range: init.range ?? ZERO_RANGE,
  };
}

/**
 * Applies the site's `[validate]` severities and `--strict`: returns the diagnostics to
 * report (rules set to "off" are dropped).
 */
export function applySeverities(
  diagnostics: readonly Diagnostic[],
  overrides: Readonly<Record<string, Severity | "off">>,
  strict: boolean,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const o = overrides[d.code];
    if (o === "off") continue;
    let severity = o ?? d.severity;
    if (strict && severity === "warning") severity = "error";
    out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** A crash inside Bengal, reported like any other problem (so `--json` and the overlay still work). */
export function internalError(error: unknown): Diagnostic {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return diagnostic("build.internal", { file: "", message: `internal error: ${message}` });
}
