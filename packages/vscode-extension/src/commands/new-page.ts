import * as path from "node:path";
import * as vscode from "vscode";
import { cliArgs, showCommand } from "../cli.ts";
import { type Bengal, contentSections, currentSite, resolveTools } from "../context.ts";
import { runToEnd } from "../process.ts";
import { newPagePath, sectionChoices } from "../site.ts";

/** "Bengal: New Page": pick a section, type a title, and the new page opens. */
export async function newPage(bengal: Bengal): Promise<void> {
  const site = await currentSite();
  if (!site) return;
  const sections = sectionChoices(await contentSections(site.root));
  const picked = await vscode.window.showQuickPick(
    sections.map((s) => ({
      label: s ? `content/${s}/` : "content/",
      description: s ? "" : "top level",
      section: s,
    })),
    { title: "Bengal: New Page (1/2)", placeHolder: "Section for the new page" },
  );
  if (!picked) return;
  const title = await vscode.window.showInputBox({
    title: "Bengal: New Page (2/2)",
    prompt: `Title of the new page in content/${picked.section ? `${picked.section}/` : ""}`,
    validateInput: (v) => (v.trim() ? null : "A title is needed (it also names the file)"),
  });
  if (!title?.trim()) return;
  const tools = await resolveTools(site, bengal.output);
  if (!tools) return;
  const page = newPagePath(picked.section, title.trim());
  const args = cliArgs(tools.cli, site.root, { kind: "newPage", page, title: title.trim() });
  bengal.output.appendLine(`\n$ ${showCommand(tools.bun, args)}`);
  const run = await runToEnd(tools.bun, args, { cwd: site.root });
  if (run.stdout) bengal.output.append(run.stdout);
  if (run.stderr) bengal.output.append(run.stderr);
  if (run.code !== 0) {
    const reason = run.spawnError ?? (run.stderr.trim().split("\n")[0] || `exit code ${run.code}`);
    void vscode.window.showErrorMessage(`Bengal: could not create the page: ${reason}`);
    return;
  }
  const file = path.join(site.root, "content", ...`${page}.md`.split("/"));
  await vscode.window.showTextDocument(vscode.Uri.file(file));
}
