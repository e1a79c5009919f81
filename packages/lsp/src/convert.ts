import type { Diagnostic } from "@bengal/core/analysis";
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver/node";

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

/** The build's diagnostic as LSP sends it: same code and range; the hint follows the message. */
export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: "bengal",
    message: d.hint ? `${d.message}\n${d.hint}` : d.message,
  };
}
