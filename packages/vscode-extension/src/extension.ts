import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { registerCommands } from "./commands/index.ts";
import type { Bengal } from "./context.ts";
import { BuildProblems } from "./problems-view.ts";
import { createClient } from "./server.ts";
import { StatusBar } from "./status-view.ts";

let client: LanguageClient | undefined;
let bengal: Bengal | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("Bengal");
  const status = new StatusBar();
  const problems = new BuildProblems();
  bengal = { output, status, problems, server: null, building: false };
  context.subscriptions.push(output, status, problems, ...registerCommands(bengal, () => client));
  const configs = vscode.workspace.createFileSystemWatcher("**/bengal.{toml,yaml,yml}", false, true, true);
  context.subscriptions.push(
    configs,
    configs.onDidCreate(() => (status.visible = true)),
  );
  void vscode.workspace
    .findFiles("**/bengal.{toml,yaml,yml}", "**/node_modules/**", 1)
    .then((found) => (status.visible = found.length > 0));

  client = createClient(context);
  try {
    await client.start();
  } catch (error) {
    // Commands still work without live diagnostics.
    const message = error instanceof Error ? error.message : String(error);
    output.appendLine(`✗ the Bengal language server did not start: ${message}`);
    void vscode.window.showWarningMessage(
      "Bengal: the language server did not start; live diagnostics are off. See the 'Bengal Language Server' output.",
    );
  }
}

export async function deactivate(): Promise<void> {
  const server = bengal?.server;
  if (server) await server.process.stop();
  if (client) await client.stop().catch(() => {});
  client = undefined;
  bengal = undefined;
}
