import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { LiveMessage } from "./protocol.ts";

export const SITE_FILES: Readonly<Record<string, string>> = {
  "bengal.toml": '[site]\ntitle = "Serve test"\n\n[build]\nparallel = false\n',
  "content/_index.md": "---\ntitle: Home\n---\nWelcome home.\n",
  "content/a.md": "---\ntitle: Page A\n---\nFirst version of A.\n",
  "content/docs/_index.md": "---\ntitle: Docs\n---\nThe docs.\n",
  "assets/css/custom.css": "body { color: rgb(1, 2, 3); }\n",
  "static/data.json": '{"ok":true}\n',
  "static/notes.txt": "plain\n",
};

/** A throwaway site folder (real path, so watcher paths compare equal); removed by `Symbol.dispose`. */
export function tempSite(files: Readonly<Record<string, string>> = SITE_FILES) {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "bengal-serve-")));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return {
    root,
    write,
    path: (rel: string) => join(root, rel),
    [Symbol.dispose]: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A live-reload client: `next(type)` resolves with the next message of that type. */
export async function liveClient(baseUrl: string) {
  const url = new URL("/__bengal/live", baseUrl);
  url.protocol = "ws:";
  const ws = new WebSocket(url);
  const queue: LiveMessage[] = [];
  const waiters: { type: string; resolve: (m: LiveMessage) => void }[] = [];
  ws.onmessage = (event) => {
    const msg = JSON.parse(String(event.data)) as LiveMessage;
    const at = waiters.findIndex((w) => w.type === msg.type);
    if (at >= 0) waiters.splice(at, 1)[0]!.resolve(msg);
    else queue.push(msg);
  };
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error("WebSocket failed"));
  });
  return {
    next<T extends LiveMessage["type"]>(type: T): Promise<Extract<LiveMessage, { type: T }>> {
      const at = queue.findIndex((m) => m.type === type);
      if (at >= 0) return Promise.resolve(queue.splice(at, 1)[0] as Extract<LiveMessage, { type: T }>);
      return new Promise((resolve) => waiters.push({ type, resolve: resolve as (m: LiveMessage) => void }));
    },
    received: queue,
    close: () => ws.close(),
  };
}
