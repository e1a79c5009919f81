import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const BIN = join(import.meta.dir, "..", "bin.ts");
const available = existsSync(CHROMIUM);
if (!available)
  console.log(`serve.browser.test: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);

const FILES: Record<string, string> = {
  "bengal.toml": '[site]\ntitle = "Browser"\n\n[build]\nparallel = false\n',
  "content/_index.md": "---\ntitle: Home\n---\nHome page.\n",
  "content/a.md": "---\ntitle: Page A\n---\nFirst version of A.\n",
  "assets/css/custom.css": "body { border-top: 1px solid rgb(0, 0, 0); }\n",
};

describe.skipIf(!available)("bengal serve in a real browser", () => {
  const root = mkdtempSync(join(tmpdir(), "bengal-browser-site-"));
  const profile = mkdtempSync(join(tmpdir(), "bengal-browser-profile-"));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  let server: Bun.Subprocess<"ignore", "pipe", "inherit"> | null = null;
  let context: BrowserContext | null = null;
  let page: Page;
  let url = "";

  /** Starts `bengal serve` and resolves with its URL once it is listening. */
  const startServe = async (port: string): Promise<string> => {
    const child = Bun.spawn(["bun", BIN, "serve", root, "--port", port, "--strict-port"], {
      stdout: "pipe",
      stderr: "inherit",
      env: { ...process.env, NO_COLOR: "1" },
    });
    server = child;
    const reader = child.stdout.getReader();
    let out = "";
    while (!/Serving (http:\/\/\S+)/.test(out)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`bengal serve ended early:\n${out}`);
      out += new TextDecoder().decode(value);
    }
    // Keep draining the log so the child never blocks on a full pipe.
    void (async () => {
      while (!(await reader.read()).done) {}
    })();
    return /Serving (http:\/\/\S+)/.exec(out)![1]!;
  };

  beforeAll(async () => {
    for (const [rel, text] of Object.entries(FILES)) write(rel, text);
    url = await startServe("0");
    const { chromium } = await import("playwright-core");
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (server) {
      server.kill("SIGINT");
      expect(await server.exited).toBe(0);
    }
    rmSync(root, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }, 30_000);

  test("edits reload the page, CSS swaps in place, errors show an overlay until fixed", async () => {
    await page.goto(new URL("a/", url).href);
    expect(await page.textContent("body")).toContain("First version of A.");
    // Wait until the live-reload socket is open, so no edit happens before it listens.
    await page.waitForFunction(
      () => (window as { __bengalLive?: { connected: boolean } }).__bengalLive?.connected === true,
    );

    await page.evaluate(() => {
      (window as { marker?: number }).marker = 1;
    });
    write("content/a.md", "---\ntitle: Page A\n---\nSecond version of A.\n");
    await page.waitForFunction(() => document.body.textContent?.includes("Second version of A."));
    expect(await page.evaluate(() => (window as { marker?: number }).marker)).toBeUndefined();

    await page.evaluate(() => {
      (window as { marker?: number }).marker = 2;
    });
    write("assets/css/custom.css", "body { border-top: 7px solid rgb(200, 0, 0); }\n");
    await page.waitForFunction(() => getComputedStyle(document.body).borderTopWidth === "7px");
    expect(await page.evaluate(() => (window as { marker?: number }).marker)).toBe(2);
    expect(await page.locator('link[rel="stylesheet"][href*="custom."]').count()).toBe(1);

    write("content/a.md", "---\ntitle: [oops\n---\nBroken.\n");
    const where = page.locator("#__bengal-overlay .where");
    await where.waitFor({ state: "visible" });
    expect(await where.textContent()).toMatch(/^content\/a\.md:\d+:\d+$/);
    expect(await page.locator("#__bengal-overlay pre").textContent()).toContain("title: [oops");

    write("content/a.md", "---\ntitle: Page A\n---\nFixed version of A.\n");
    await page.locator("#__bengal-overlay").waitFor({ state: "detached" });
    await page.waitForFunction(() => document.body.textContent?.includes("Fixed version of A."));
  }, 60_000);

  test("the page reconnects and reloads when the server restarts", async () => {
    await page.evaluate(() => {
      (window as { marker?: number }).marker = 3;
    });
    server!.kill("SIGINT");
    expect(await server!.exited).toBe(0);
    write("content/a.md", "---\ntitle: Page A\n---\nEdited while the server was down.\n");
    await startServe(new URL(url).port);
    await page.waitForFunction(() =>
      document.body.textContent?.includes("Edited while the server was down."),
    );
    expect(await page.evaluate(() => (window as { marker?: number }).marker)).toBeUndefined();
  }, 60_000);
});
