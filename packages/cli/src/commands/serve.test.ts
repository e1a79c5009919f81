import { describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = join(import.meta.dir, "..", "bin.ts");

function makeSite(): { root: string; [Symbol.dispose](): void } {
  const root = mkdtempSync(join(tmpdir(), "bengal-serve-cli-"));
  mkdirSync(join(root, "content"));
  writeFileSync(join(root, "bengal.toml"), '[site]\ntitle = "CLI"\n\n[build]\nparallel = false\n');
  writeFileSync(join(root, "content", "_index.md"), "---\ntitle: Home\n---\nServed by the CLI.\n");
  return { root, [Symbol.dispose]: () => rmSync(root, { recursive: true, force: true }) };
}

/** A port that was free a moment ago. */
function freePort(): number {
  const probe = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = probe.port!;
  probe.stop(true);
  return port;
}

/** Starts `bengal serve` and resolves once it prints its URL. */
async function spawnServe(args: string[]) {
  const child = Bun.spawn(["bun", BIN, "serve", ...args], {
    stdout: "pipe",
    stderr: "pipe",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const reader = child.stdout.getReader();
  const decoder = new TextDecoder();
  let out = "";
  for (;;) {
    const url = /Serving (http:\/\/\S+)/.exec(out)?.[1];
    if (url) {
      const rest = async () => {
        for (let r = await reader.read(); !r.done; r = await reader.read()) out += decoder.decode(r.value);
        return out;
      };
      return { child, url, output: rest };
    }
    const { value, done } = await reader.read();
    if (done)
      throw new Error(`bengal serve ended early:\n${out}\n${await new Response(child.stderr).text()}`);
    out += decoder.decode(value);
  }
}

describe("bengal serve", () => {
  test("serves the built site, stops on SIGINT with exit 0 and frees the port", async () => {
    using site = makeSite();
    const port = freePort();
    const { child, url } = await spawnServe([site.root, "--port", String(port), "--no-watch"]);
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Served by the CLI.");
    child.kill("SIGINT");
    expect(await child.exited).toBe(0);
    const again = Bun.serve({ port, hostname: "127.0.0.1", fetch: () => new Response() });
    expect(again.port).toBe(port);
    again.stop(true);
  }, 20_000);

  test("SIGTERM with the watcher running also exits 0", async () => {
    using site = makeSite();
    const { child } = await spawnServe([site.root, "--port", "0"]);
    child.kill("SIGTERM");
    expect(await child.exited).toBe(0);
  }, 20_000);

  test("a taken port moves to the next one, unless --strict-port", async () => {
    using site = makeSite();
    const blocker = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("busy") });
    try {
      const { child, url } = await spawnServe([site.root, "--port", String(blocker.port), "--no-watch"]);
      expect(url).not.toBe(`http://127.0.0.1:${blocker.port}/`);
      expect(await (await fetch(url)).text()).toContain("Served by the CLI.");
      child.kill("SIGINT");
      expect(await child.exited).toBe(0);

      const strict = Bun.spawn(
        ["bun", BIN, "serve", site.root, "--port", String(blocker.port), "--strict-port", "--no-watch"],
        { stdout: "pipe", stderr: "pipe", env: { ...process.env, NO_COLOR: "1" } },
      );
      expect(await strict.exited).toBe(1);
      expect(await new Response(strict.stderr).text()).toContain(`port ${blocker.port} is already in use`);
    } finally {
      blocker.stop(true);
    }
  }, 20_000);

  test("warns when listening beyond loopback", async () => {
    using site = makeSite();
    const { child, output } = await spawnServe([site.root, "--port", "0", "--host", "0.0.0.0", "--no-watch"]);
    child.kill("SIGINT");
    expect(await child.exited).toBe(0);
    expect(await output()).toContain("warning: listening on 0.0.0.0");
  }, 20_000);

  test("--help lists every flag; a bad port is a usage error", async () => {
    const help = Bun.spawnSync(["bun", BIN, "serve", "--help"], { env: { ...process.env, NO_COLOR: "1" } });
    const text = help.stdout.toString();
    for (const flag of [
      "--host",
      "--port",
      "--strict-port",
      "--open",
      "--no-watch",
      "--drafts",
      "--config",
    ]) {
      expect(text).toContain(flag);
    }
    const bad = Bun.spawnSync(["bun", BIN, "serve", "--port", "http"], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.toString()).toContain("--port needs a number");
  });
});
