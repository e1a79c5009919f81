import * as vscode from "vscode";
import { type Problem, type Shown, withoutShown } from "./problems.ts";

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const range = new vscode.Range(
    p.range.start.line,
    p.range.start.character,
    p.range.end.line,
    p.range.end.character,
  );
  const d = new vscode.Diagnostic(range, p.message, p.severity as number as vscode.DiagnosticSeverity);
  d.code = p.code;
  d.source = p.source;
  return d;
}

/** Problems the language server already shows for a file (other sources than ours). */
function shownBy(uri: vscode.Uri, collection: vscode.DiagnosticCollection): Shown[] {
  const ours = new Set(collection.get(uri) ?? []);
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => !ours.has(d))
    .map((d) => ({
      code: typeof d.code === "object" ? String(d.code.value) : String(d.code ?? ""),
      line: d.range.start.line,
      character: d.range.start.character,
    }));
}

/**
 * The last build's problems. A file's entries go away once it is edited: the language server
 * keeps that file current, and stale build results would point at the wrong lines.
 */
export class BuildProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection("bengal build");
  private readonly onEdit = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length > 0) this.collection.delete(e.document.uri);
  });

  replace(byFile: ReadonlyMap<string, readonly Problem[]>): void {
    this.collection.clear();
    for (const [file, problems] of byFile) {
      const uri = vscode.Uri.file(file);
      const fresh = withoutShown(problems, shownBy(uri, this.collection));
      if (fresh.length > 0) this.collection.set(uri, fresh.map(toDiagnostic));
    }
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.onEdit.dispose();
    this.collection.dispose();
  }
}
