import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DevServer, startDevServer } from "./server.ts";
import { SITE_FILES, tempSite } from "./test-support.ts";

/** Sends the request line exactly as written: fetch and URL would normalise `..` away first. */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
    });
    socket.on("error", reject);
    socket.on("close", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf("\r\n\r\n") + 4) });
    });
  });
}

describe("dev server over HTTP", () => {
  const site = tempSite();
  const outside = mkdtempSync(join(tmpdir(), "bengal-outside-"));
  let server: DevServer;
  let base: string;

  beforeAll(async () => {
    writeFileSync(join(outside, "secret.txt"), "TOP-SECRET");
    server = await startDevServer({ root: site.root, port: 0, watch: false });
    base = server.url;
    // A symlink inside the output folder that points out of it.
    symlinkSync(outside, join(site.root, ".bengal/serve", "escape"));
    symlinkSync(join(outside, "secret.txt"), join(site.root, ".bengal/serve", "secret.txt"));
  });
  afterAll(async () => {
    await server.close();
    site[Symbol.dispose]();
    rmSync(outside, { recursive: true, force: true });
  });

  test("prints a loopback URL with the chosen port", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  test("serves pages with the live-reload script injected; the built file has none", async () => {
    const res = await fetch(new URL("/a/", base));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const html = await res.text();
    expect(html).toContain("First version of A.");
    expect(html).toContain("<script data-bengal-live>");
    expect(html).toContain('"page":"a/index.html"');
    expect(html.indexOf("data-bengal-live")).toBeLessThan(html.lastIndexOf("</body>"));
    expect(readFileSync(join(site.root, ".bengal/serve/a/index.html"), "utf8")).not.toContain("bengal-live");
    // The dev server never writes the build's output folder.
    expect(existsSync(join(site.root, "public"))).toBe(false);
  });

  test("non-HTML files are sent untouched with their content types", async () => {
    const json = await fetch(new URL("/data.json", base));
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await json.text()).toBe(SITE_FILES["static/data.json"]!);
    const txt = await fetch(new URL("/notes.txt", base));
    expect(txt.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const xml = await fetch(new URL("/sitemap.xml", base));
    expect(xml.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(await xml.text()).not.toContain("bengal-live");
    const html = await (await fetch(new URL("/", base))).text();
    // The dev server builds without fingerprints, so a CSS edit changes no page.
    const css = /href="(\/assets\/css\/custom\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    const sheet = await fetch(new URL(css!, base));
    expect(sheet.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await sheet.text()).toBe("body{color:#010203}\n");
  });

  test("unknown paths get the theme's 404 page with status 404", async () => {
    const res = await fetch(new URL("/no/such/page/", base));
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("<title>Page Not Found");
    expect(html).toContain('"page":"404.html"');
  });

  test("a folder URL without its slash redirects to the slash form, keeping the query", async () => {
    const res = await fetch(new URL("/docs?x=1", base), { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/docs/?x=1");
    const followed = await fetch(new URL("/docs", base));
    expect(followed.url).toBe(new URL("/docs/", base).href);
    expect(await followed.text()).toContain("The docs.");
  });

  test("ETag revalidation answers 304 without a body, and 200 once the content differs", async () => {
    const first = await fetch(new URL("/a/", base));
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await fetch(new URL("/a/", base), { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("cache-control")).toBe("no-cache");
    const other = await fetch(new URL("/a/", base), { headers: { "If-None-Match": '"deadbeef"' } });
    expect(other.status).toBe(200);
  });

  test("HEAD gets headers only; other methods are refused", async () => {
    const head = await fetch(new URL("/a/", base), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(100);
    expect((await fetch(new URL("/a/", base), { method: "POST" })).status).toBe(405);
  });

  test.each([
    "/../../../../etc/passwd",
    "/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/%252e%252e/%252e%252e/etc/passwd",
    "/..%5c..%5c..%5cetc%5cpasswd",
    "/..\\..\\..\\etc\\passwd",
    "//etc/passwd",
    "/%2fetc%2fpasswd",
    "/a/%00/index.html",
    "/%",
  ])("traversal attempt %p never leaves the output folder", async (path) => {
    const { status, body } = await rawGet(server.port, path);
    expect([400, 404]).toContain(status);
    expect(body).not.toContain("root:");
  });

  test("symlinks pointing out of the output folder are not followed", async () => {
    for (const path of ["/escape/secret.txt", "/secret.txt", "/escape/"]) {
      const { status, body } = await rawGet(server.port, path);
      expect([400, 404]).toContain(status);
      expect(body).not.toContain("TOP-SECRET");
    }
  });
});

describe("dev server under a baseurl path", () => {
  const site = tempSite({
    ...SITE_FILES,
    "bengal.toml":
      '[site]\ntitle = "Prefixed"\nbaseurl = "https://example.com/docs/"\n\n[build]\nparallel = false\n',
  });
  let server: DevServer;

  beforeAll(async () => {
    server = await startDevServer({ root: site.root, port: 0, watch: false });
  });
  afterAll(async () => {
    await server.close();
    site[Symbol.dispose]();
  });

  test("serves the site under the prefix and sends the bare root there", async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/docs/`);
    const page = await fetch(new URL("/docs/a/", server.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("First version of A.");
    const root = await fetch(new URL("/", server.url), { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/docs/");
    const bare = await fetch(new URL("/docs", server.url), { redirect: "manual" });
    expect(bare.headers.get("location")).toBe("/docs/");
    const outsidePrefix = await fetch(new URL("/a/", server.url));
    expect(outsidePrefix.status).toBe(404);
  });
});

describe("a build that cannot run", () => {
  test("the server still starts and reports the config errors on connect", async () => {
    using site = tempSite({ ...SITE_FILES, "bengal.toml": "[site\n" });
    mkdirSync(join(site.root, ".bengal/serve"), { recursive: true });
    const server = await startDevServer({ root: site.root, port: 0, watch: false });
    try {
      expect(server.initial.result).toBeNull();
      expect(server.initial.diagnostics[0]?.code).toBe("config.invalid-toml");
      const { liveClient } = await import("./test-support.ts");
      const client = await liveClient(server.url);
      const hello = await client.next("hello");
      expect(hello.errors[0]).toMatchObject({ file: "bengal.toml", line: 1, code: "config.invalid-toml" });
      expect(hello.errors[0]!.frame).toContain("> 1 | [site");
      // Nothing was built, yet the page a browser gets carries the overlay script.
      const page = await fetch(server.url);
      expect(page.status).toBe(404);
      expect(await page.text()).toContain("data-bengal-live");
      client.close();
    } finally {
      await server.close();
    }
  });
});
