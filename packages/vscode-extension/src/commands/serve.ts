import * as vscode from "vscode";
import { cliArgs, serverUrlIn, showCommand } from "../cli.ts";
import { type Bengal, currentSite, resolveTools } from "../context.ts";
import { startLongRunning } from "../process.ts";

/** Opens the dev server's page where `bengal.openIn` says. */
export async function openServer(bengal: Bengal): Promise<void> {
  const url = bengal.server?.url;
  if (!url) {
    void vscode.window.showInformationMessage(
      "Bengal: the dev server is not running. Run Bengal: Start Dev Server.",
    );
    return;
  }
  const where = vscode.workspace.getConfiguration("bengal").get<string>("openIn", "simpleBrowser");
  if (where === "external") {
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return;
  }
  try {
    await vscode.commands.executeCommand("simpleBrowser.show", url);
  } catch {
    // Simple Browser is a built-in extension that can be disabled.
    await vscode.env.openExternal(vscode.Uri.parse(url));
  }
}

/** "Bengal: Start Dev Server": `bengal serve`, waiting for the URL it prints. */
export async function startServer(bengal: Bengal): Promise<void> {
  if (bengal.server) {
    if (bengal.server.url) await openServer(bengal);
    return;
  }
  const site = await currentSite();
  if (!site) return;
  const tools = await resolveTools(site, bengal.output);
  if (!tools) return;
  const port = vscode.workspace
    .getConfiguration("bengal", vscode.Uri.file(site.root))
    .get<number>("server.port", 0);
  const args = cliArgs(tools.cli, site.root, { kind: "serve", port });
  const { output, status } = bengal;
  output.appendLine(`\n$ ${showCommand(tools.bun, args)}`);
  status.dispatch({ type: "serverStarting" });
  let resolveUrl: (url: string | null) => void = () => {};
  const urlSeen = new Promise<string | null>((r) => {
    resolveUrl = r;
  });
  const proc = startLongRunning(tools.bun, args, site.root, (line) => {
    output.appendLine(line);
    const url = serverUrlIn(line);
    if (url && bengal.server && !bengal.server.url) {
      bengal.server = { ...bengal.server, url };
      resolveUrl(url);
    }
  });
  bengal.server = { process: proc, url: null, site: site.root };
  void proc.exited.then((code) => {
    resolveUrl(null);
    if (bengal.server?.process !== proc) return;
    bengal.server = null;
    status.dispatch({ type: "serverStopped" });
    output.appendLine(`Dev server exited${code === null ? "" : ` (exit code ${code})`}`);
  });
  const url = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: "Bengal: starting the dev server",
      cancellable: true,
    },
    (_p, token) => {
      token.onCancellationRequested(() => void proc.stop());
      return urlSeen;
    },
  );
  if (!url) {
    void vscode.window
      .showErrorMessage(
        "Bengal: the dev server stopped before serving; see the Bengal output.",
        "Show Output",
      )
      .then((c) => {
        if (c) output.show(true);
      });
    return;
  }
  status.dispatch({ type: "serverStarted", url });
  await openServer(bengal);
}

/** "Bengal: Stop Dev Server". */
export async function stopServer(bengal: Bengal): Promise<void> {
  const server = bengal.server;
  if (!server) {
    void vscode.window.showInformationMessage("Bengal: the dev server is not running.");
    return;
  }
  bengal.server = null;
  await server.process.stop();
  bengal.status.dispatch({ type: "serverStopped" });
  bengal.output.appendLine("Dev server stopped");
}
