import type { Position, Range } from "../model/range.ts";

/** Maps string offsets to 0-based line/character positions (UTF-16 units, as LSP counts them). */
export interface LineIndex {
  positionAt(offset: number): Position;
  rangeAt(start: number, end: number): Range;
  /** Offset of the first character of `line` (clamped to the text). */
  lineStart(line: number): number;
  /** Offset just before the line break ending `line` (`\r\n` and `\n` both excluded). */
  lineEnd(line: number): number;
  readonly lineCount: number;
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const positionAt = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo]! };
  };
  const lineStart = (line: number): number => starts[Math.max(0, Math.min(line, starts.length - 1))]!;
  const lineEnd = (line: number): number => {
    const next = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
    return next > lineStart(line) && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  };
  return {
    positionAt,
    rangeAt: (start, end) => ({ start: positionAt(start), end: positionAt(end) }),
    lineStart,
    lineEnd,
    lineCount: starts.length,
  };
}

/** Moves a range down by `lines`: front matter is parsed on its own, then placed in the file. */
export function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}
