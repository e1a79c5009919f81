import { existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import { findBun, findCli, type Probe } from "./cli.ts";
import type { BuildProblems } from "./problems-view.ts";
import type { LongRunning } from "./process.ts";
import { pickSiteRoot } from "./site.ts";
import type { StatusBar } from "./status-view.ts";

/** What the commands share: one output channel, one status item, one problems list, one dev server. */
export interface Bengal {
  readonly output: vscode.OutputChannel;
  readonly status: StatusBar;
  readonly problems: BuildProblems;
  server: { readonly process: LongRunning; readonly url: string | null; readonly site: string } | null;
  building: boolean;
}

export interface Site {
  readonly root: string;
  /** The workspace folder holding the site: relative settings and the node_modules search stop here. */
  readonly workspace: string;
}

export interface Tools {
  readonly bun: string;
  readonly cli: string;
}

/** The site to act on, or a message saying why there is none. */
export async function currentSite(): Promise<Site | undefined> {
  const configs = await vscode.workspace.findFiles("**/bengal.{toml,yaml,yml}", "**/node_modules/**", 50);
  const active = vscode.window.activeTextEditor?.document.uri;
  const root = pickSiteRoot(
    configs.filter((u) => u.scheme === "file").map((u) => u.fsPath),
    active?.scheme === "file" ? active.fsPath : undefined,
  );
  if (!root) {
    void vscode.window.showErrorMessage(
      "Bengal: no bengal.toml (or bengal.yaml) in this workspace. Open a site's folder, or create a site with `bengal new site <name>`.",
    );
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(root));
  return { root, workspace: folder?.uri.fsPath ?? root };
}

const probe = (): Probe => ({
  exists: (file) => {
    try {
      return existsSync(file);
    } catch {
      return false;
    }
  },
  env: process.env,
  platform: process.platform,
  home: os.homedir(),
});

/** Bun and the project's CLI, or an error message with a button to the setting to fix. */
export async function resolveTools(site: Site, output: vscode.OutputChannel): Promise<Tools | undefined> {
  const config = vscode.workspace.getConfiguration("bengal", vscode.Uri.file(site.root));
  const bun = findBun(config.get<string>("bunPath", ""), probe());
  const cli = bun.ok ? findCli(config.get<string>("cliPath", ""), site.root, site.workspace, probe()) : bun;
  if (bun.ok && cli.ok) return { bun: bun.path, cli: cli.path };
  const failed = !bun.ok ? bun : cli;
  const setting = !bun.ok ? "bengal.bunPath" : "bengal.cliPath";
  const message = failed.ok ? "" : failed.message;
  output.appendLine(`✗ ${message}`);
  const choice = await vscode.window.showErrorMessage(`Bengal: ${message}`, "Open Settings", "Show Output");
  if (choice === "Open Settings")
    await vscode.commands.executeCommand("workbench.action.openSettings", setting);
  if (choice === "Show Output") output.show(true);
  return undefined;
}

/** `content/` folders of a site, relative and POSIX, for the New Page section picker. */
export async function contentSections(root: string): Promise<string[]> {
  const pattern = new vscode.RelativePattern(
    vscode.Uri.file(path.join(root, "content")),
    "**/*.{md,markdown}",
  );
  const files = await vscode.workspace.findFiles(pattern, "**/node_modules/**", 5000);
  const contentDir = path.join(root, "content");
  const bundles = new Set(
    files.filter((f) => path.basename(f.fsPath) === "index.md").map((f) => path.dirname(f.fsPath)),
  );
  const dirs = new Set<string>();
  for (const f of files) {
    const dir = path.dirname(f.fsPath);
    // A leaf bundle's folder (it has an index.md) is one page, not a section to add pages to.
    if (dir === contentDir || bundles.has(dir)) continue;
    dirs.add(path.relative(contentDir, dir).split(path.sep).join("/"));
  }
  return [...dirs];
}
