import { existsSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { type ParsedArgs, UsageError } from "../args.ts";
import { formatDiagnostics } from "../report.ts";
import { paint, type Terminal } from "../terminal.ts";

/** `bengal clean [dir]`: exit 0 when done, 1 when a folder was refused, 2 when the config is unusable. */
export async function runClean(term: Terminal, args: ParsedArgs): Promise<number> {
  if (args.positionals.length > 1) throw new UsageError(`unexpected argument ${args.positionals[1]}`);
  const root = resolve(term.cwd, args.positionals[0] ?? ".");
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`the site folder ${args.positionals[0] ?? "."} does not exist`);
  }
  const { clean, BuildError } = await import("@bengal/core/build");
  let result: Awaited<ReturnType<typeof clean>>;
  try {
    result = await clean({
      root,
      ...(typeof args.flags.config === "string" ? { configPath: resolve(term.cwd, args.flags.config) } : {}),
      keepCache: args.flags["keep-cache"] === true,
    });
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    term.err(formatDiagnostics(term, error.diagnostics, { root, showInfo: true }));
    term.err(`${paint(term, "red", "✗")} ${error.message}\n`);
    return 2;
  }
  const shown = (path: string) => `${relative(term.cwd, path) || "."}/`;
  for (const path of result.removed) term.out(`${paint(term, "green", "✓")} Removed ${shown(path)}\n`);
  for (const r of result.refused) {
    term.err(`${paint(term, "red", "✗")} Not removing ${shown(r.path)}: ${r.reason}\n`);
  }
  if (result.removed.length === 0 && result.refused.length === 0) term.out("Nothing to clean\n");
  return result.refused.length > 0 ? 1 : 0;
}
