import type { Range, TextEdit, WorkspaceEdit } from "vscode-languageserver/node";

/** Collects text edits per file, dropping repeats of the same range. */
export class EditSet {
  private readonly byPath = new Map<string, Map<string, TextEdit>>();

  add(path: string, range: Range, newText: string): void {
    let edits = this.byPath.get(path);
    if (!edits) {
      edits = new Map();
      this.byPath.set(path, edits);
    }
    edits.set(JSON.stringify(range), { range, newText });
  }

  get size(): number {
    return this.byPath.size;
  }

  toWorkspaceEdit(toUri: (path: string) => string): WorkspaceEdit {
    const changes: Record<string, TextEdit[]> = {};
    for (const [path, edits] of this.byPath) changes[toUri(path)] = [...edits.values()];
    return { changes };
  }
}

/** The range of the first `length` characters of a single-line range, or of its last `length`. */
export function head(range: Range, length: number): Range {
  return { start: range.start, end: { line: range.start.line, character: range.start.character + length } };
}

export function tail(range: Range, length: number): Range {
  return { start: { line: range.end.line, character: range.end.character - length }, end: range.end };
}
