import * as vscode from "vscode";
import { cliArgs, showCommand } from "../cli.ts";
import { type Bengal, currentSite, resolveTools } from "../context.ts";
import { runToEnd } from "../process.ts";

/** "Bengal: Clean Output": `bengal clean`, and the last build's problems go with its output. */
export async function cleanOutput(bengal: Bengal): Promise<void> {
  const site = await currentSite();
  if (!site) return;
  const tools = await resolveTools(site, bengal.output);
  if (!tools) return;
  const args = cliArgs(tools.cli, site.root, { kind: "clean" });
  bengal.output.appendLine(`\n$ ${showCommand(tools.bun, args)}`);
  const run = await runToEnd(tools.bun, args, { cwd: site.root });
  if (run.stdout) bengal.output.append(run.stdout);
  if (run.stderr) bengal.output.append(run.stderr);
  if (run.code === 0) {
    bengal.problems.clear();
    bengal.status.dispatch({ type: "buildCancelled" });
    void vscode.window.showInformationMessage("Bengal: removed the output folder and the cache.");
  } else {
    const why = run.spawnError ?? `exit code ${run.code}`;
    void vscode.window.showErrorMessage(`Bengal: clean failed (${why}); see the Bengal output.`);
  }
}
