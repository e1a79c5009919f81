import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type { Diagnostic } from "../model/diagnostic.ts";
import { codeFrameText, sourceLines } from "./code-frame.ts";

/** One build error as the browser overlay shows it; `line`/`column` are 1-based. */
export interface OverlayError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly code: string;
  readonly hint: string | null;
  readonly frame: string;
}

/** The build's errors (not warnings) with a code frame read from the site's current files. */
export function overlayErrors(root: string, diagnostics: readonly Diagnostic[]): OverlayError[] {
  const cache = new Map<string, string[] | null>();
  const linesOf = (file: string): string[] | null => {
    if (!cache.has(file)) {
      try {
        cache.set(file, sourceLines(readFileSync(isAbsolute(file) ? file : join(root, file), "utf8")));
      } catch {
        cache.set(file, null);
      }
    }
    return cache.get(file) ?? null;
  };
  return diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => {
      const lines = d.file ? linesOf(d.file) : null;
      return {
        file: d.file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        message: d.message,
        code: d.code,
        hint: d.hint ?? null,
        frame: lines ? codeFrameText(lines, d.range) : "",
      };
    });
}
