import { existsSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { DevServer, DevServerOptions, FileChange, RebuildEvent } from "@bengal/core";
import { type ParsedArgs, UsageError } from "../args.ts";
import { countLine, formatDiagnostics } from "../report.ts";
import { paint, type Terminal } from "../terminal.ts";

/** The part of core the command uses; tests pass a stand-in. */
export interface ServeApi {
  readonly startDevServer: (options: DevServerOptions) => Promise<DevServer>;
  readonly PortInUseError: typeof import("@bengal/core").PortInUseError;
}

/** How the command waits for Ctrl+C; tests resolve it themselves. */
export type StopSignal = () => Promise<string>;

const loadCore = (): Promise<ServeApi> => import("@bengal/core");

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/**
 * Ctrl+C or SIGTERM; and, when an editor started the server (it sets `BENGAL_PARENT_PID`), the
 * editor going away — a server orphaned by a crashed editor would hold its port forever.
 */
function processSignal(): Promise<string> {
  return new Promise((done) => {
    let orphanCheck: ReturnType<typeof setInterval> | undefined;
    const on = (signal: string) => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      if (orphanCheck) clearInterval(orphanCheck);
      done(signal);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
    const parent = Number(process.env.BENGAL_PARENT_PID);
    if (Number.isInteger(parent) && parent > 0) {
      orphanCheck = setInterval(() => {
        try {
          process.kill(parent, 0);
        } catch {
          on("parent exited");
        }
      }, 1000);
      orphanCheck.unref();
    }
  });
}

/** `bengal serve [dir]`: build, serve with live reload until Ctrl+C (exit 0); 1 when it cannot start. */
export async function runServe(
  term: Terminal,
  args: ParsedArgs,
  load: () => Promise<ServeApi> = loadCore,
  stopSignal: StopSignal = processSignal,
): Promise<number> {
  if (args.positionals.length > 1) throw new UsageError(`unexpected argument ${args.positionals[1]}`);
  const root = resolve(term.cwd, args.positionals[0] ?? ".");
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`the site folder ${args.positionals[0] ?? "."} does not exist`);
  }
  const port = parsePort(args.flags.port);
  const hostname = typeof args.flags.host === "string" ? args.flags.host : "127.0.0.1";
  const stopped = stopSignal();
  const core = await load();
  let server: DevServer;
  try {
    server = await core.startDevServer({
      root,
      hostname,
      port,
      ...(args.flags["strict-port"] ? { strictPort: true } : {}),
      ...(args.flags["no-watch"] ? { watch: false } : {}),
      ...(args.flags.drafts ? { drafts: true } : {}),
      ...(typeof args.flags.config === "string" ? { configPath: resolve(term.cwd, args.flags.config) } : {}),
      onRebuild: (event) => logRebuild(term, root, event),
    });
  } catch (error) {
    if (error instanceof core.PortInUseError) {
      term.err(`${paint(term, "red", "✗")} ${error.message}; choose another with --port\n`);
      return 1;
    }
    throw error;
  }

  // One write, so the warning never trails behind the URL.
  let banner = `\n  ${paint(term, "bold", "Serving")} ${paint(term, "cyan", server.url)}\n`;
  if (!LOOPBACK.has(hostname)) {
    banner += `  ${paint(term, "yellow", "warning:")} listening on ${hostname}: anyone on your network can read this site\n`;
  }
  const watching = args.flags["no-watch"] ? "not watching files" : "watching for changes";
  banner += `  ${paint(term, "dim", `${watching} · Ctrl+C to stop`)}\n\n`;
  term.out(banner);
  if (args.flags.open) openBrowser(server.url);

  const signal = await stopped;
  term.out(`\n${paint(term, "dim", `${signal}: stopping`)}\n`);
  await server.close();
  return 0;
}

function parsePort(value: string | boolean | undefined): number {
  if (value === undefined || typeof value === "boolean") return 5173;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new UsageError(`--port needs a number from 0 to 65535, not ${value}`);
  return port;
}

/** Best effort: a missing opener or headless machine is not an error. */
function openBrowser(url: string): void {
  const command =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = Bun.spawn([command, url], { stdout: "ignore", stderr: "ignore", stdin: "ignore" });
    child.unref();
    child.exited.catch(() => undefined);
  } catch {
    // No opener installed.
  }
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

const VERB: Record<FileChange["kind"], string> = { create: "added", change: "changed", delete: "removed" };

function describeChanges(root: string, changes: readonly FileChange[]): string {
  const shown = changes.slice(0, 3).map((c) => `${relative(root, c.path) || c.path} ${VERB[c.kind]}`);
  if (changes.length > 3) shown.push(`${changes.length - 3} more`);
  return shown.join(", ");
}

function logRebuild(term: Terminal, root: string, event: RebuildEvent): void {
  const r = event.result;
  const ok = r !== null && !r.failed;
  const mark = ok ? paint(term, "green", "✓") : paint(term, "red", "✗");
  if (event.initial) {
    const counts = r
      ? `${r.pages} page${r.pages === 1 ? "" : "s"}, ${r.assets} asset${r.assets === 1 ? "" : "s"}`
      : "site";
    term.out(`${mark} Built ${counts}${ok ? "" : " with errors"} in ${ms(event.ms)}\n`);
  } else {
    const what = event.changes.length > 0 ? describeChanges(root, event.changes) : "full rebuild";
    const files = r
      ? `, ${r.changedPaths.length} output file${r.changedPaths.length === 1 ? "" : "s"} changed`
      : "";
    const live = event.messages.map((m) => m.type).filter((t) => t === "reload" || t === "css");
    const action = live.includes("css") ? " · styles swapped" : live.includes("reload") ? " · reloading" : "";
    term.out(
      `${paint(term, "dim", new Date().toLocaleTimeString())} ${what} ${paint(term, "dim", "→")} ${mark} rebuilt in ${ms(event.ms)}${files}${action}\n`,
    );
  }
  const problems = event.diagnostics.filter((d) => d.severity !== "info");
  if (problems.length > 0) {
    term.out(`\n${formatDiagnostics(term, problems, { root, showInfo: false })}`);
    term.out(countLine(term, problems));
  }
}
