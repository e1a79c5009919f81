import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { Bengal } from "../context.ts";
import { buildSite } from "./build.ts";
import { cleanOutput } from "./clean.ts";
import { newPage } from "./new-page.ts";
import { openServer, startServer, stopServer } from "./serve.ts";

/** Every command in package.json's `contributes.commands`, by id. */
export function registerCommands(
  bengal: Bengal,
  client: () => LanguageClient | undefined,
): vscode.Disposable[] {
  const table: Record<string, () => Promise<unknown> | unknown> = {
    "bengal.build": () => buildSite(bengal, false),
    "bengal.buildFull": () => buildSite(bengal, true),
    "bengal.serve": () => startServer(bengal),
    "bengal.stopServer": () => stopServer(bengal),
    "bengal.openServer": () => openServer(bengal),
    "bengal.clean": () => cleanOutput(bengal),
    "bengal.newPage": () => newPage(bengal),
    "bengal.showOutput": () => bengal.output.show(true),
    "bengal.restartServer": async () => {
      const c = client();
      if (!c) return;
      await c.restart();
      void vscode.window.setStatusBarMessage("Bengal: language server restarted", 3000);
    },
  };
  return Object.entries(table).map(([id, run]) =>
    vscode.commands.registerCommand(id, async () => {
      try {
        await run();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        bengal.output.appendLine(`✗ ${id}: ${message}`);
        void vscode.window.showErrorMessage(`Bengal: ${message}`);
      }
    }),
  );
}
