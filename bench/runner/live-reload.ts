import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LIVE_PATH, type LiveMessage } from "../../packages/core/src/serve/protocol.ts";
import { type RebuildEvent, startDevServer } from "../../packages/core/src/serve/server.ts";

export interface EditTimes {
  /** File written → the live-reload message (`reload` or `css`) on the WebSocket. */
  readonly toMessage: number[];
  /** File written → the edited page's new HTML fetched from the server (page edits only). */
  readonly toHtml: number[];
  /** The dev server's own rebuild time for each edit. */
  readonly rebuild: number[];
}

export interface LatencyResult {
  /** Pages the site built (every output page). */
  readonly pages: number;
  /** The server's first (cold) build. */
  readonly initialMs: number;
  readonly page: EditTimes;
  readonly css: EditTimes;
  readonly failures: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Collects live-reload messages with their arrival time. */
function listen(url: string): Promise<{ socket: WebSocket; messages: { at: number; msg: LiveMessage }[] }> {
  const socket = new WebSocket(url);
  const messages: { at: number; msg: LiveMessage }[] = [];
  socket.onmessage = (event) => messages.push({ at: performance.now(), msg: JSON.parse(String(event.data)) });
  return new Promise((resolve, reject) => {
    socket.onopen = () => resolve({ socket, messages });
    socket.onerror = () => reject(new Error(`cannot connect to ${url}`));
  });
}

async function until<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (performance.now() > deadline) throw new Error(`${what}: nothing within ${timeoutMs / 1000} s`);
    await sleep(1);
  }
}

/**
 * Starts `startDevServer` on `root` (a copy: it is edited), connects to its live-reload socket
 * like the injected client does, then edits one page's body `edits` times and one stylesheet
 * `edits` times, timing each from the file write to the message that would reload the browser.
 */
export async function reloadLatency(
  root: string,
  page: string,
  css: string,
  edits: number,
  timeoutMs = 120_000,
): Promise<LatencyResult> {
  const events: RebuildEvent[] = [];
  const started = performance.now();
  const server = await startDevServer({ root, port: 0, onRebuild: (e) => events.push(e) });
  const initialMs = performance.now() - started;
  const origin = `http://127.0.0.1:${server.port}`;
  const failures: string[] = [];
  const result: LatencyResult = {
    pages: server.initial.result?.pages ?? 0,
    initialMs,
    page: { toMessage: [], toHtml: [], rebuild: [] },
    css: { toMessage: [], toHtml: [], rebuild: [] },
    failures,
  };
  const { socket, messages } = await listen(`ws://127.0.0.1:${server.port}${LIVE_PATH}`);
  const pageFile = join(root, page);
  const cssFile = join(root, css);
  const pageText = readFileSync(pageFile, "utf8");
  const cssText = readFileSync(cssFile, "utf8");
  try {
    await until(() => messages.find((m) => m.msg.type === "hello"), timeoutMs, "hello");
    await sleep(300);
    for (const [kind, file, text] of [
      ["page", pageFile, pageText],
      ["css", cssFile, cssText],
    ] as const) {
      for (let run = 0; run < edits; run++) {
        const marker = `bench-edit-${kind}-${run + 1}`;
        const seen = messages.length;
        const rebuilt = events.length;
        const t0 = performance.now();
        writeFileSync(
          file,
          kind === "page"
            ? `${text}\nA closing sentence, ${marker}.\n`
            : `${text}\n.${marker} { color: red }\n`,
        );
        try {
          const wanted = kind === "page" ? "reload" : "css";
          const hit = await until(
            () => messages.slice(seen).find((m) => m.msg.type === wanted),
            timeoutMs,
            `${kind} edit ${run + 1}`,
          );
          result[kind].toMessage.push(hit.at - t0);
          if (hit.msg.type === "reload") {
            const html = hit.msg.paths.filter((p) => p.endsWith(".html"));
            for (const p of html) {
              const body = await (await fetch(`${origin}/${p}`)).text();
              if (!body.includes(marker)) continue;
              result.page.toHtml.push(performance.now() - t0);
              break;
            }
          }
          const event = await until(() => events[rebuilt], timeoutMs, "rebuild event");
          result[kind].rebuild.push(event.ms);
        } catch (error) {
          failures.push((error as Error).message);
        }
        // Lets the watcher's debounce window close before the next save.
        await sleep(300);
      }
      // The restore rebuilds too: its event must not be taken for the next edit's.
      const before = events.length;
      writeFileSync(file, text);
      await until(() => (events.length > before ? true : undefined), timeoutMs, "restore").catch(() => {});
      await sleep(300);
    }
  } finally {
    socket.close();
    writeFileSync(pageFile, pageText);
    writeFileSync(cssFile, cssText);
    await server.close();
  }
  return result;
}
