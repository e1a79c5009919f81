import { type ChildProcess, spawn } from "node:child_process";

export interface RunOptions {
  readonly cwd: string;
  /** Aborting kills the child (and its process group on POSIX). */
  readonly signal?: AbortSignal;
  /** Each stderr line as it arrives: progress for the output channel. */
  readonly onStderr?: (line: string) => void;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly cancelled: boolean;
  /** Set when the executable could not be started at all. */
  readonly spawnError?: string;
}

const GRACE_MS = 3000;

/** SIGTERM the child's whole group, then SIGKILL if it lingers. */
export function terminate(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const send = (sig: NodeJS.Signals) => {
    try {
      if (process.platform === "win32") child.kill(sig);
      else process.kill(-pid, sig);
    } catch {
      child.kill(sig);
    }
  };
  send("SIGTERM");
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) send("SIGKILL");
  }, GRACE_MS);
  timer.unref?.();
  child.once("exit", () => clearTimeout(timer));
}

function lines(onLine: ((line: string) => void) | undefined): (chunk: string) => void {
  let rest = "";
  return (chunk) => {
    rest += chunk;
    const parts = rest.split(/\r?\n/);
    rest = parts.pop() ?? "";
    for (const p of parts) onLine?.(p);
  };
}

/** Runs a command to completion, collecting its output. */
export function runToEnd(exe: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve) => {
    if (opts.signal?.aborted) {
      resolve({ code: null, stdout: "", stderr: "", cancelled: true });
      return;
    }
    const child = spawn(exe, args, {
      cwd: opts.cwd,
      detached: process.platform !== "win32",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    let stdout = "";
    let stderr = "";
    let cancelled = false;
    const errLine = lines(opts.onStderr);
    child.stdout!.setEncoding("utf8").on("data", (c: string) => {
      stdout += c;
    });
    child.stderr!.setEncoding("utf8").on("data", (c: string) => {
      stderr += c;
      errLine(c);
    });
    const abort = () => {
      cancelled = true;
      terminate(child);
    };
    opts.signal?.addEventListener("abort", abort, { once: true });
    child.on("error", (error) => {
      opts.signal?.removeEventListener("abort", abort);
      resolve({ code: null, stdout, stderr, cancelled, spawnError: error.message });
    });
    child.on("close", (code) => {
      opts.signal?.removeEventListener("abort", abort);
      resolve({ code, stdout, stderr, cancelled });
    });
  });
}

export interface LongRunning {
  readonly child: ChildProcess;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts a process that runs until stopped (the dev server), streaming every output line. */
export function startLongRunning(
  exe: string,
  args: readonly string[],
  cwd: string,
  onLine: (line: string, stream: "stdout" | "stderr") => void,
): LongRunning {
  const child = spawn(exe, args, {
    cwd,
    detached: process.platform !== "win32",
    stdio: ["ignore", "pipe", "pipe"],
    // The server ends itself if this extension host dies without stopping it.
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", BENGAL_PARENT_PID: String(process.pid) },
  });
  const out = lines((l) => onLine(l, "stdout"));
  const err = lines((l) => onLine(l, "stderr"));
  child.stdout!.setEncoding("utf8").on("data", out);
  child.stderr!.setEncoding("utf8").on("data", err);
  const exited = new Promise<number | null>((resolve) => {
    child.on("error", (e) => {
      onLine(`could not start ${exe}: ${e.message}`, "stderr");
      resolve(null);
    });
    child.on("close", (code) => resolve(code));
  });
  return {
    child,
    exited,
    async stop() {
      terminate(child);
      await exited;
    },
  };
}
