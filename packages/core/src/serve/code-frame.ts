import type { Range } from "../model/range.ts";

const CONTEXT_LINES = 2;

/**
 * Plain-text source lines around `range` with a `^~~~` marker under its first line, the
 * same shape the CLI prints (without colour), for places that cannot use terminal styles.
 */
export function codeFrameText(lines: readonly string[], range: Range, context = CONTEXT_LINES): string {
  const { start, end } = range;
  if (start.line >= lines.length) return "";
  const first = Math.max(0, start.line - context);
  const last = Math.min(lines.length - 1, start.line + context);
  const gutter = String(last + 1).length;
  let out = "";
  for (let n = first; n <= last; n++) {
    const text = lines[n]!;
    out += `${n === start.line ? ">" : " "} ${String(n + 1).padStart(gutter)} |${text ? ` ${text}` : ""}\n`;
    if (n !== start.line) continue;
    const from = Math.min(start.character, text.length);
    const to = end.line === start.line ? Math.min(end.character, text.length) : text.length;
    // Tabs stay tabs so the caret lines up under the text above it.
    const pad = text.slice(0, from).replace(/[^\t]/g, " ");
    out += `  ${" ".repeat(gutter)} | ${pad}^${"~".repeat(Math.max(0, to - from - 1))}\n`;
  }
  return out;
}

/** Splits file text into lines the way editors number them; a final newline starts no line. */
export function sourceLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines.at(-1) === "") lines.pop();
  return lines;
}
