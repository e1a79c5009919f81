import * as path from "node:path";
import * as vscode from "vscode";
import { cliArgs, showCommand } from "../cli.ts";
import { type Bengal, currentSite, resolveTools } from "../context.ts";
import { countSeverities, parseBuildJson, summarize, toProblems } from "../problems.ts";
import { runToEnd } from "../process.ts";

/** "Bengal: Build Site": runs `bengal build --json` with cancellable progress, then fills the Problems panel. */
export async function buildSite(bengal: Bengal, full: boolean): Promise<void> {
  if (bengal.building) {
    void vscode.window.showInformationMessage("Bengal: a build is already running.");
    return;
  }
  const site = await currentSite();
  if (!site) return;
  const tools = await resolveTools(site, bengal.output);
  if (!tools) return;
  const args = cliArgs(tools.cli, site.root, { kind: "build", full });
  const { output, status, problems } = bengal;
  output.appendLine(`\n$ ${showCommand(tools.bun, args)}`);
  bengal.building = true;
  status.dispatch({ type: "buildStarted", full });
  const started = Date.now();
  try {
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: full ? "Bengal: full rebuild" : "Bengal: building",
        cancellable: true,
      },
      async (_progress, token) => {
        const abort = new AbortController();
        const onCancel = token.onCancellationRequested(() => abort.abort());
        const run = await runToEnd(tools.bun, args, {
          cwd: site.root,
          signal: abort.signal,
          onStderr: (line) => output.appendLine(line),
        });
        onCancel.dispose();
        if (run.cancelled) {
          output.appendLine("✗ Build cancelled");
          status.dispatch({ type: "buildCancelled" });
          return;
        }
        if (run.spawnError) {
          const message = `could not run ${tools.bun}: ${run.spawnError}. Check "bengal.bunPath".`;
          output.appendLine(`✗ ${message}`);
          status.dispatch({ type: "buildFailed", message });
          void vscode.window.showErrorMessage(`Bengal: ${message}`);
          return;
        }
        const result = parseBuildJson(run.stdout);
        if (!result) {
          const said = run.stderr.trim().split("\n")[0]?.trim();
          const message = `the build printed no result (exit code ${run.code})${said ? `: ${said}` : ""}`;
          output.append(run.stdout);
          output.appendLine(`✗ ${message}`);
          status.dispatch({ type: "buildFailed", message });
          void vscode.window.showErrorMessage(`Bengal: ${message}`, "Show Output").then((c) => {
            if (c) output.show(true);
          });
          return;
        }
        for (const line of summarize(result, Date.now() - started)) output.appendLine(line);
        const fallback = path.join(site.root, "bengal.toml");
        problems.replace(toProblems(result.diagnostics, site.root, fallback));
        const counts = countSeverities(result.diagnostics);
        status.dispatch({ type: "buildFinished", errors: counts.errors, warnings: counts.warnings });
        if (!result.ok) {
          void vscode.window
            .showErrorMessage(
              `Bengal: the build failed with ${counts.errors} error${counts.errors === 1 ? "" : "s"}.`,
              "Show Problems",
            )
            .then((c) => {
              if (c) void vscode.commands.executeCommand("workbench.actions.view.problems");
            });
        }
      },
    );
  } finally {
    bengal.building = false;
  }
}
