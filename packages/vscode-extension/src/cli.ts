import * as path from "node:path";

/** What discovery may look at; the adapter passes the real file system and environment. */
export interface Probe {
  readonly exists: (file: string) => boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

export type Found =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly message: string };

const BUN_INSTALL =
  "Install Bun (https://bun.sh: `curl -fsSL https://bun.sh/install | bash`, or `npm install -g bun`)";

/** `bengal.bunPath` wins; otherwise `bun` on PATH, then Bun's default install folder (GUI-launched editors often miss it on PATH). */
export function findBun(setting: string, probe: Probe): Found {
  const exe = probe.platform === "win32" ? "bun.exe" : "bun";
  if (setting.trim()) {
    const file = setting.trim().replace(/^~(?=$|[\\/])/, probe.home);
    if (probe.exists(file)) return { ok: true, path: file };
    return {
      ok: false,
      message: `The setting "bengal.bunPath" is ${JSON.stringify(setting)}, but there is no file there. Set it to the full path of the bun executable (\`which bun\` prints it), or clear it to use bun from PATH.`,
    };
  }
  const pathVar = probe.env.PATH ?? probe.env.Path ?? "";
  const dirs = pathVar.split(probe.platform === "win32" ? ";" : ":").filter(Boolean);
  dirs.push(path.join(probe.home, ".bun", "bin"));
  for (const dir of dirs) {
    const file = path.join(dir, exe);
    if (probe.exists(file)) return { ok: true, path: file };
  }
  return {
    ok: false,
    message: `Bengal builds with Bun, and bun was not found on PATH or in ~/.bun/bin. ${BUN_INSTALL}, then reload the window; or set "bengal.bunPath" to the bun executable.`,
  };
}

/** Folders from `from` up to and including `stop` (or the file system root when `stop` is not above `from`). */
function upward(from: string, stop: string): string[] {
  const out: string[] = [];
  let dir = path.resolve(from);
  const limit = path.resolve(stop);
  const within = dir === limit || dir.startsWith(limit.endsWith(path.sep) ? limit : limit + path.sep);
  for (;;) {
    out.push(dir);
    if (within && dir === limit) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

/** Places the project's own CLI can be, nearest first. */
export function cliCandidates(siteRoot: string, workspaceRoot: string): string[] {
  const out: string[] = [];
  for (const dir of upward(siteRoot, workspaceRoot)) {
    out.push(path.join(dir, "node_modules", "bengal", "src", "bin.ts"));
    out.push(path.join(dir, "node_modules", ".bin", "bengal"));
  }
  return out;
}

/** `bengal.cliPath` (absolute, or relative to the workspace folder) wins; otherwise the project's `node_modules`. */
export function findCli(setting: string, siteRoot: string, workspaceRoot: string, probe: Probe): Found {
  if (setting.trim()) {
    const file = path.resolve(workspaceRoot, setting.trim().replace(/^~(?=$|[\\/])/, probe.home));
    if (probe.exists(file)) return { ok: true, path: file };
    return {
      ok: false,
      message: `The setting "bengal.cliPath" is ${JSON.stringify(setting)}, but ${file} does not exist. Set it to Bengal's CLI entry (for example node_modules/bengal/src/bin.ts), or clear it to use the project's node_modules.`,
    };
  }
  for (const file of cliCandidates(siteRoot, workspaceRoot)) {
    if (probe.exists(file)) return { ok: true, path: file };
  }
  return {
    ok: false,
    message: `Bengal's CLI is not installed in this project (no node_modules/bengal above ${siteRoot}). Run \`bun add -d bengal\` in ${workspaceRoot}, or set "bengal.cliPath" to Bengal's bin.ts.`,
  };
}

export type CliCommand =
  | { readonly kind: "build"; readonly full?: boolean; readonly drafts?: boolean }
  | { readonly kind: "serve"; readonly port?: number; readonly drafts?: boolean }
  | { readonly kind: "clean" }
  | { readonly kind: "newPage"; readonly page: string; readonly title: string };

/** Arguments after the bun executable: the CLI entry, then the command for the site at `siteRoot`. */
export function cliArgs(cli: string, siteRoot: string, command: CliCommand): string[] {
  switch (command.kind) {
    case "build":
      return [
        cli,
        "build",
        siteRoot,
        "--json",
        ...(command.full ? ["--full"] : []),
        ...(command.drafts ? ["--drafts"] : []),
      ];
    case "serve":
      return [
        cli,
        "serve",
        siteRoot,
        ...(command.port && command.port > 0 ? ["--port", String(command.port)] : []),
        ...(command.drafts ? ["--drafts"] : []),
      ];
    case "clean":
      return [cli, "clean", siteRoot];
    case "newPage":
      return [cli, "new", "page", command.page, "--title", command.title, "--dir", siteRoot];
  }
}

/** How a command line reads in the output channel: arguments with spaces quoted. */
export function showCommand(exe: string, args: readonly string[]): string {
  return [exe, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(" ");
}

/** The dev server's address from a line of its output (`Serving on http://localhost:8000/`). */
export function serverUrlIn(text: string): string | null {
  const match = /\bhttps?:\/\/[^\s"'<>)\]]+/.exec(text.replace(/\x1b\[[0-9;]*m/g, ""));
  return match ? match[0].replace(/[.,;:]+$/, "") : null;
}
