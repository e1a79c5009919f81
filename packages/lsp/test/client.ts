import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type ClientCapabilities,
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver/node";

const REPO = join(import.meta.dir, "..", "..", "..");
export const BUN_SERVER = ["bun", join(REPO, "packages/lsp/src/bin.ts"), "--stdio"];

/** A site written to a fresh temp folder; `dispose()` removes it. */
export function tempSite(files: Record<string, string>): {
  root: string;
  uri(rel: string): string;
  write(rel: string, text: string): void;
  dispose(): void;
} {
  const root = mkdtempSync(join(tmpdir(), "bengal-lsp-"));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return {
    root,
    uri: (rel) => pathToFileURL(join(root, rel)).href,
    write,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface TestClient {
  readonly conn: ProtocolConnection;
  readonly diagnostics: Map<string, Diagnostic[]>;
  /** What the client answers to `workspace/configuration`, by section; tests may change it. */
  readonly settings: Record<string, unknown>;
  /** `window/logMessage` texts the server sent. */
  readonly logs: string[];
  /** Resolves when `check` holds for the pushed diagnostics; fails after 10 s with what was seen. */
  until(check: (d: Map<string, Diagnostic[]>) => boolean, what: string): Promise<void>;
  open(uri: string, text: string): void;
  change(uri: string, text: string): void;
  stop(): Promise<void>;
}

/** Starts a server process and speaks LSP to it over stdio, as an editor would. */
export async function startClient(
  root: string,
  options: {
    command?: string[];
    capabilities?: ClientCapabilities;
    initializationOptions?: unknown;
    settings?: Record<string, unknown>;
  } = {},
): Promise<TestClient> {
  const [cmd, ...args] = options.command ?? BUN_SERVER;
  const proc: ChildProcess = spawn(cmd!, args, { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr!.on("data", (b) => {
    stderr += String(b);
  });
  const conn = createProtocolConnection(
    new StreamMessageReader(proc.stdout!),
    new StreamMessageWriter(proc.stdin!),
  );
  const diagnostics = new Map<string, Diagnostic[]>();
  const listeners = new Set<() => void>();
  conn.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: Diagnostic[] }) => {
    diagnostics.set(p.uri, p.diagnostics);
    for (const l of listeners) l();
  });
  const logs: string[] = [];
  conn.onNotification("window/logMessage", (p: { message: string }) => {
    logs.push(p.message);
  });
  const settings: Record<string, unknown> = { ...options.settings };
  conn.onRequest("workspace/configuration", (p: { items: Array<{ section?: string }> }) =>
    p.items.map((i) => (i.section ? (settings[i.section] ?? null) : settings)),
  );
  conn.onRequest("client/registerCapability", () => null);
  conn.onRequest("workspace/diagnostic/refresh", () => null);
  conn.listen();
  const rootUri = pathToFileURL(root).href;
  await conn.sendRequest("initialize", {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: "site" }],
    initializationOptions: options.initializationOptions,
    capabilities: options.capabilities ?? {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
    },
  });
  await conn.sendNotification("initialized", {});
  const versions = new Map<string, number>();
  return {
    conn,
    diagnostics,
    settings,
    logs,
    until(check, what) {
      return new Promise((resolve, reject) => {
        const done = () => {
          if (!check(diagnostics)) return;
          listeners.delete(done);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(done);
          const seen = JSON.stringify(Object.fromEntries(diagnostics), null, 1).slice(0, 4000);
          reject(new Error(`timed out waiting for ${what}; diagnostics: ${seen}\nstderr: ${stderr}`));
        }, 10_000);
        listeners.add(done);
        done();
      });
    },
    open(uri, text) {
      versions.set(uri, 1);
      void conn.sendNotification("textDocument/didOpen", {
        textDocument: { uri, languageId: "markdown", version: 1, text },
      });
    },
    change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      void conn.sendNotification("textDocument/didChange", {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    },
    async stop() {
      await conn.sendRequest("shutdown").catch(() => undefined);
      await conn.sendNotification("exit").catch(() => undefined);
      conn.dispose();
      proc.kill();
    },
  };
}

/** Codes and 0-based ranges as `code@line:char-line:char`, sorted, for exact comparisons. */
export function summary(list: readonly Diagnostic[] | undefined): string[] {
  return (list ?? [])
    .map(
      (d) =>
        `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
    )
    .sort();
}
