import { diagnostic } from "../../diagnostics/create.ts";
import { relative } from "../../host/path.ts";
import type { Diagnostic } from "../../model/diagnostic.ts";
import { pointRange, type Range } from "../../model/range.ts";

/** Where in a layout file an error happened; 0-based like every Range. */
export interface LayoutLocation {
  readonly line: number;
  readonly character: number;
}

export interface LayoutErrorInit {
  /** Name of the layout being rendered (`page`). */
  readonly layout: string;
  /** Absolute path of the file at fault: the partial that threw, else the layout itself. */
  readonly absolutePath: string;
  readonly siteRoot: string;
  readonly location: LayoutLocation | null;
  readonly cause?: unknown;
}

/** A layout failed to render. Carries what a `layout.failed` diagnostic needs. */
export class LayoutError extends Error {
  readonly layout: string;
  readonly absolutePath: string;
  /** For diagnostics: site-relative when the file is in the site, else absolute (built-in theme). */
  readonly file: string;
  /** 0-based position in `file`, when the stack pointed into it. */
  readonly range: Range | null;

  constructor(message: string, init: LayoutErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "LayoutError";
    this.layout = init.layout;
    this.absolutePath = init.absolutePath;
    this.file = layoutDiagnosticPath(init.absolutePath, init.siteRoot);
    this.range = init.location ? pointRange(init.location.line, init.location.character) : null;
  }
}

const FRAME = /\(?((?:file:\/\/)?\/[^\s()]*?)(?:\?[^\s():]*)?:(\d+):(\d+)\)?\s*$/;

/**
 * The first stack frame that lies in one of `files` (absolute paths), with its 1-based stack position
 * turned 0-based. Bun maps transpiled TSX back to source lines, so this points into the user's file.
 */
export function locateInStack(
  error: unknown,
  files: ReadonlySet<string>,
): { file: string; location: LayoutLocation } | null {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return null;
  for (const line of stack.split("\n")) {
    const m = FRAME.exec(line.trim());
    if (!m) continue;
    const file = m[1]!.replace(/^file:\/\//, "");
    if (!files.has(file)) continue;
    return { file, location: { line: Number(m[2]) - 1, character: Math.max(0, Number(m[3]) - 1) } };
  }
  return null;
}

/** Layout files inside the site are reported site-relative; built-in theme files keep their absolute path. */
export function layoutDiagnosticPath(file: string, siteRoot: string): string {
  const rel = relative(siteRoot, file);
  return rel.startsWith("..") ? file : rel;
}

/** `layout.failed` for the build report, pointing at the layout line when the stack had one. */
export function layoutFailedDiagnostic(error: LayoutError, page: string): Diagnostic {
  return diagnostic("layout.failed", {
    file: error.file,
    ...(error.range ? { range: error.range } : {}),
    message: `layout "${error.layout}" failed while rendering ${page}: ${error.message}`,
  });
}
