import { existsSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { BuildResult, Diagnostic } from "@bengal/core";
import { type ParsedArgs, UsageError } from "../args.ts";
import { formatCacheReport } from "../cache-report.ts";
import { createProgress } from "../progress.ts";
import { countLine, diagnosticJson, failureSummary, formatDiagnostics } from "../report.ts";
import { formatStats, sampleMemory } from "../stats.ts";
import { paint, type Terminal } from "../terminal.ts";

type Mode = "normal" | "verbose" | "quiet" | "json";

function modeOf(args: ParsedArgs): Mode {
  if (args.flags.json) return "json";
  if (args.flags.quiet) return "quiet";
  return args.flags.verbose ? "verbose" : "normal";
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

/** The part of core the command uses; tests pass a stand-in. */
export interface BuildApi {
  readonly build: typeof import("@bengal/core/build").build;
  readonly BuildError: typeof import("@bengal/core/build").BuildError;
}

// Loaded on use, not at startup, so `--help` and `new` never pay for the renderer.
const loadCore = (): Promise<BuildApi> => import("@bengal/core/build");

/** `bengal build [dir]`: exit 0 on success (warnings allowed), 1 when the build had errors, 2 when the config is unusable. */
export async function runBuild(
  term: Terminal,
  args: ParsedArgs,
  load: () => Promise<BuildApi> = loadCore,
  display: { readonly progressDelayMs?: number } = {},
): Promise<number> {
  const mode = modeOf(args);
  if (args.positionals.length > 1) throw new UsageError(`unexpected argument ${args.positionals[1]}`);
  const root = resolve(term.cwd, args.positionals[0] ?? ".");
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`the site folder ${args.positionals[0] ?? "."} does not exist`);
  }
  const maxWorkers =
    typeof args.flags["max-workers"] === "string" ? positiveInt(args.flags["max-workers"]) : undefined;
  const started = performance.now();
  let core: BuildApi;
  try {
    core = await load();
  } catch (error) {
    return reportFatal(term, mode, root, "bengal could not start", [internalDiagnostic(error)], 1);
  }
  const progress = createProgress({
    write: term.err,
    enabled: (mode === "normal" || mode === "verbose") && term.interactive === true,
    ...(display.progressDelayMs !== undefined ? { delayMs: display.progressDelayMs } : {}),
  });
  const memory = args.flags.stats ? sampleMemory() : null;
  let result: BuildResult;
  try {
    result = await core.build({
      root,
      ...(typeof args.flags.config === "string" ? { configPath: resolve(term.cwd, args.flags.config) } : {}),
      ...(args.flags.drafts ? { drafts: true } : {}),
      ...(typeof args.flags.baseurl === "string" ? { baseurl: args.flags.baseurl } : {}),
      ...(typeof args.flags.output === "string" ? { outputDir: resolve(term.cwd, args.flags.output) } : {}),
      ...(args.flags.strict ? { strict: true } : {}),
      ...(args.flags["no-parallel"] ? { parallel: false } : {}),
      ...(args.flags.full ? { full: true } : {}),
      ...(maxWorkers !== undefined ? { maxWorkers } : {}),
      ...(args.flags["check-external"] ? { checkExternal: true } : {}),
      verbose: mode === "verbose",
      onItem: (stage, done, total) => progress.item(stage, done, total),
      onProgress: (e) => {
        if (mode !== "verbose") return;
        progress.clear();
        term.out(`  ${paint(term, "green", "✓")} ${e.stage.padEnd(12)} ${ms(e.ms)}\n`);
      },
    });
  } catch (error) {
    progress.clear();
    memory?.stop();
    if (error instanceof core.BuildError) {
      return reportFatal(term, mode, root, error.message, error.diagnostics, 2);
    }
    return reportFatal(term, mode, root, "the build crashed", [internalDiagnostic(error)], 1);
  }
  progress.clear();
  const peak = memory?.stop() ?? 0;
  const elapsed = performance.now() - started;

  if (mode === "json") {
    const stats = args.flags.stats
      ? {
          stats: {
            peakRssBytes: peak,
            workers: result.workers ?? null,
            workerUtilization: result.workerUtilization ?? null,
          },
        }
      : {};
    term.out(`${JSON.stringify({ ...resultJson(result), ...stats })}\n`);
    return result.failed ? 1 : 0;
  }
  const listed = formatDiagnostics(term, result.diagnostics, { root, showInfo: mode !== "quiet" });
  if (mode === "quiet") {
    if (listed) term.out(listed);
    return result.failed ? 1 : 0;
  }
  const counts = `${result.pages} page${result.pages === 1 ? "" : "s"}, ${result.assets} asset${
    result.assets === 1 ? "" : "s"
  }`;
  const summary = result.failed
    ? `${paint(term, "red", "✗")} Built ${counts} with errors in ${ms(elapsed)}`
    : `${paint(term, "green", "✓")} Built ${counts} in ${ms(elapsed)}`;
  term.out(`${summary}  ${paint(term, "dim", `→ ${relative(term.cwd, result.outputDir) || "."}`)}\n`);
  term.out(formatCacheReport(term, result, mode === "verbose"));
  if (mode === "verbose") {
    term.out(`  written ${result.written}, unchanged ${result.unchanged}, removed ${result.removed}\n`);
  } else if (result.timings.length > 0 && !args.flags.stats) {
    term.out(`  ${paint(term, "dim", result.timings.map((t) => `${t.stage} ${ms(t.ms)}`).join(" · "))}\n`);
  }
  if (args.flags.stats) term.out(`\n${formatStats(term, result, peak, elapsed)}`);
  if (listed) term.out(`\n${listed}`);
  const assetFailures = failureSummary(term, result.diagnostics, {
    root,
    code: "asset.failed",
    noun: "asset",
  });
  if (assetFailures) term.out(`${assetFailures}\n`);
  term.out(countLine(term, result.diagnostics));
  return result.failed ? 1 : 0;
}

/**
 * A crash is reported like any other error, so `--json` still prints one object. (Core has the
 * same helper, `internalError`, but this one must work when core itself failed to load.)
 */
function internalDiagnostic(error: unknown): Diagnostic {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    code: "build.internal",
    severity: "error",
    message: `internal error: ${message}`,
    file: "",
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

function positiveInt(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--max-workers takes a whole number of at least 1, not "${text}"`);
  return n;
}

function resultJson(result: BuildResult) {
  return {
    ok: !result.failed,
    pages: result.pages,
    assets: result.assets,
    written: result.written,
    unchanged: result.unchanged,
    removed: result.removed,
    outputDir: result.outputDir,
    timings: result.timings,
    cache: result.cache,
    diagnostics: result.diagnostics.map(diagnosticJson),
  };
}

function reportFatal(
  term: Terminal,
  mode: Mode,
  root: string,
  message: string,
  diagnostics: readonly Diagnostic[],
  code: number,
): number {
  if (mode === "json") {
    term.out(
      `${JSON.stringify({
        ok: false,
        pages: 0,
        assets: 0,
        written: 0,
        unchanged: 0,
        removed: 0,
        outputDir: null,
        timings: [],
        diagnostics: diagnostics.map(diagnosticJson),
      })}\n`,
    );
    return code;
  }
  term.err(formatDiagnostics(term, diagnostics, { root, showInfo: true }));
  term.err(`${paint(term, "red", "✗")} ${message}\n`);
  return code;
}
