/** 0-based, like LSP; the CLI prints them 1-based. `character` counts UTF-16 code units. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function pointRange(line: number, character: number, length = 0): Range {
  return { start: { line, character }, end: { line, character: character + length } };
}
