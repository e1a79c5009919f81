import type { Server } from "bun";
import { BuildError } from "../build/options.ts";
import { createBuildSession, type FileChange } from "../build/session.ts";
import { internalError } from "../diagnostics/create.ts";
import { createBunHost } from "../host/bun-host.ts";
import { join } from "../host/path.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { BuildResult } from "../model/output.ts";
import { clientScript } from "./client.ts";
import { injectBeforeBodyEnd } from "./inject.ts";
import { type OverlayError, overlayErrors } from "./overlay.ts";
import { LIVE_PATH, type LiveMessage } from "./protocol.ts";
import { planMessages } from "./reload-plan.ts";
import { resolveRequest } from "./resolve-path.ts";
import { fileResponse, plainResponse } from "./respond.ts";
import { readSiteLayout, SERVE_OUTPUT_DIR, type SiteLayout } from "./site-layout.ts";
import { watchSite } from "./watcher.ts";

export interface DevServerOptions {
  /** Absolute site root. */
  readonly root: string;
  readonly configPath?: string;
  readonly drafts?: boolean;
  readonly parallel?: boolean;
  /** Interface to bind; loopback unless told otherwise. */
  readonly hostname?: string;
  /** `0` lets the system choose. A taken port moves to the next one unless `strictPort`. */
  readonly port?: number;
  readonly strictPort?: boolean;
  /** `false`: build once and serve, without watching files. */
  readonly watch?: boolean;
  readonly debounceMs?: number;
  readonly onRebuild?: (event: RebuildEvent) => void;
}

/** One finished build, for the log. */
export interface RebuildEvent {
  readonly initial: boolean;
  /** What triggered it (absolute paths); empty for the first build. */
  readonly changes: readonly FileChange[];
  readonly ms: number;
  /** Null when the build could not run (an unusable config, a crash): see `diagnostics`. */
  readonly result: BuildResult | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly messages: readonly LiveMessage[];
}

export interface DevServer {
  /** `http://host:port/prefix/`. */
  readonly url: string;
  readonly hostname: string;
  readonly port: number;
  /** The first build's event (the server listens once it is done). */
  readonly initial: RebuildEvent;
  /** Rebuilds with these changes (serialised and coalesced with the watcher's); resolves when done. */
  rebuild(changes?: readonly FileChange[]): Promise<void>;
  /** Stops watching, waits for the running build, ends workers and frees the port. */
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
    this.name = "PortInUseError";
  }
}

const TOPIC = "live";
const FALLBACK_404 =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>' +
  "<body><h1>Not found</h1><p>Nothing is built at this address.</p></body></html>";
const PORT_ATTEMPTS = 20;

/**
 * `bengal serve`: builds the site, serves the output folder with live reload and an error
 * overlay, and rebuilds on every change the watcher reports. It builds into `.bengal/serve/`
 * (never `public/`), without asset fingerprints; the reload script is added to HTML as it is sent.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const host = createBunHost();
  const root = options.root;
  const session = createBuildSession({
    root,
    ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
    ...(options.drafts ? { drafts: true } : {}),
    ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
    profile: "serve",
    outputDir: join(root, SERVE_OUTPUT_DIR),
  });
  let layout: SiteLayout = await readSiteLayout(host, root, options);
  let errors: readonly OverlayError[] = [];
  let server: Server<undefined> | null = null;

  const runBuild = async (changes: readonly FileChange[], initial: boolean): Promise<RebuildEvent> => {
    const started = performance.now();
    layout = await readSiteLayout(host, root, options, layout);
    let result: BuildResult | null = null;
    let diagnostics: readonly Diagnostic[];
    try {
      result = await session.rebuild(changes);
      diagnostics = result.diagnostics;
    } catch (error) {
      diagnostics = error instanceof BuildError ? error.diagnostics : [internalError(error)];
    }
    const hadErrors = errors.length > 0;
    errors = overlayErrors(root, diagnostics);
    if (result === null && errors.length === 0) errors = overlayErrors(root, [internalError("build failed")]);
    const messages = initial
      ? []
      : planMessages({ changes, changedPaths: result?.changedPaths ?? [], errors, hadErrors });
    for (const m of messages) server?.publish(TOPIC, JSON.stringify(m));
    const event = { initial, changes, ms: performance.now() - started, result, diagnostics, messages };
    options.onRebuild?.(event);
    return event;
  };

  // Rebuilds run one at a time; changes seen meanwhile are gathered into the next one.
  let queued: FileChange[] = [];
  let dirty = false;
  let running: Promise<void> | null = null;
  const rebuild = (changes: readonly FileChange[] = []): Promise<void> => {
    queued.push(...changes);
    dirty = true;
    running ??= (async () => {
      try {
        while (dirty) {
          dirty = false;
          const batch = queued;
          queued = [];
          await runBuild(batch, false);
        }
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const initial = await runBuild([], true);

  const withClient = (html: string, rel: string) => injectBeforeBodyEnd(html, clientScript({ page: rel }));
  const handle = async (req: Request, srv: Server<undefined>): Promise<Response | undefined> => {
    const url = new URL(req.url);
    if (url.pathname === LIVE_PATH) {
      return srv.upgrade(req, { data: undefined }) ? undefined : plainResponse(426, "WebSocket expected");
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      return plainResponse(405, "method not allowed", { Allow: "GET, HEAD" });
    }
    const { outputDir, prefix } = layout;
    if (prefix !== "" && url.pathname === "/") return redirect(`${prefix}/`);
    const found = await resolveRequest(outputDir, prefix, url.pathname);
    if (found.kind === "file") return fileResponse(req, found, { transformHtml: withClient });
    if (found.kind === "redirect") return redirect(found.location + url.search);
    if (found.kind === "bad-request") return plainResponse(400, "bad request");
    const page404 = await resolveRequest(outputDir, "", "/404.html");
    if (page404.kind === "file")
      return fileResponse(req, page404, { status: 404, transformHtml: withClient });
    // No 404 page (the first build failed early): a bare page still carries the overlay.
    return new Response(withClient(FALLBACK_404, "404.html"), {
      status: 404,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" },
    });
  };

  server = listen(options, (port) =>
    Bun.serve<undefined>({
      hostname: options.hostname ?? "127.0.0.1",
      port,
      // Never share the port with another server: "the next free port" must mean free.
      reusePort: false,
      development: false,
      fetch: (req, srv) => handle(req, srv),
      error: (error) => plainResponse(500, `internal error: ${error.message}`),
      websocket: {
        open(ws) {
          ws.subscribe(TOPIC);
          ws.send(JSON.stringify({ type: "hello", errors } satisfies LiveMessage));
        },
        message() {},
      },
    }),
  );

  const watcher =
    options.watch === false
      ? null
      : watchSite({
          root,
          files: layout.configFiles,
          ignore: () => [layout.outputDir, join(root, ".bengal")],
          ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
          onChanges: (changes) => void rebuild(changes),
        });
  await watcher?.ready;

  const live = server;
  // A wildcard address is not somewhere a browser can go; this machine is.
  const bound = live.hostname ?? "127.0.0.1";
  const shownHost =
    bound === "0.0.0.0" || bound === "::" ? "localhost" : bound.includes(":") ? `[${bound}]` : bound;
  return {
    url: `http://${shownHost}:${live.port}${layout.prefix}/`,
    hostname: live.hostname ?? "",
    port: live.port ?? 0,
    initial,
    rebuild,
    async close() {
      watcher?.close();
      await running?.catch(() => undefined);
      await session.close();
      await live.stop(true);
    },
  };
}

function listen(options: DevServerOptions, start: (port: number) => Server<undefined>): Server<undefined> {
  const first = options.port ?? 5173;
  for (let port = first; ; port++) {
    try {
      return start(port);
    } catch (error) {
      const inUse = (error as { code?: string }).code === "EADDRINUSE";
      if (!inUse) throw error;
      if (options.strictPort || first === 0 || port - first >= PORT_ATTEMPTS - 1)
        throw new PortInUseError(port);
    }
  }
}

function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { Location: location, "Cache-Control": "no-cache" } });
}
