import * as vscode from "vscode";
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

/** The client id: `vscode-languageclient` reads the `bengal.trace.server` setting from it. */
const ID = "bengal";

function validateSetting(): unknown {
  return vscode.workspace.getConfiguration("bengal").get("validate", {});
}

/** Starts the bundled language server (`dist/server.js`) on VS Code's own Node, over node-ipc. */
export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  // The bundle no longer sits beside core's theme; the packaging copies it into dist/theme.
  const env = { ...process.env, BENGAL_THEME_DIR: context.asAbsolutePath("dist/theme") };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { env, execArgv: ["--nolazy", "--inspect=6009"] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", pattern: "**/bengal.{toml,yaml,yml}" },
    ],
    initializationOptions: { validate: validateSetting() },
    synchronize: {
      configurationSection: "bengal",
      fileEvents: vscode.workspace.createFileSystemWatcher(
        "**/{*.md,*.markdown,bengal.toml,bengal.yaml,bengal.yml}",
      ),
    },
    // vscode-languageclient 10+ writes through a log output channel.
    outputChannel: vscode.window.createOutputChannel("Bengal Language Server", { log: true }),
  };
  return new LanguageClient(ID, "Bengal Language Server", serverOptions, clientOptions);
}
