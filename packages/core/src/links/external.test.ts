import { afterAll, describe, expect, test } from "bun:test";
import { createMemoryHost } from "../host/memory-host.ts";
import { ZERO_RANGE } from "../model/range.ts";
import { checkExternalUrls, externalDiagnostics } from "./external.ts";

// A local server only: tests never touch the network.
const hits = new Map<string, number>();
const server = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  async fetch(req): Promise<Response> {
    const path = new URL(req.url).pathname;
    const key = `${req.method} ${path}`;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, path === "/slow" ? 1_000 : 5));
    if (path.startsWith("/ok")) return new Response("fine");
    if (path === "/no-head")
      return req.method === "HEAD" ? new Response(null, { status: 405 }) : new Response("got");
    if (path === "/moved") return Response.redirect(`${base}/ok-target`, 301);
    return new Response("nope", { status: 404 });
  },
});
const base: string = `http://127.0.0.1:${server.port}`;
afterAll(() => server.stop(true));

function setup(now = 1_000_000) {
  const host = createMemoryHost({});
  return { host, cachePath: "/site/.bengal/external-links.json", now: () => now };
}

describe("checkExternalUrls", () => {
  test("one request per unique URL, HEAD with a GET fallback, redirects followed, 404 and timeouts told apart", async () => {
    hits.clear();
    const options = { ...setup(), timeoutMs: 200 };
    const urls = [
      `${base}/ok#a`,
      `${base}/ok#b`,
      `${base}/ok`,
      `${base}/gone`,
      `${base}/no-head`,
      `${base}/moved`,
      `${base}/slow`,
    ];
    const results = await checkExternalUrls(urls, options);
    expect(results.get(`${base}/ok`)!.status).toBe(200);
    expect(results.get(`${base}/gone`)!.status).toBe(404);
    expect(results.get(`${base}/no-head`)!.status).toBe(200);
    expect(results.get(`${base}/moved`)!.status).toBe(200);
    expect(results.get(`${base}/slow`)).toMatchObject({ status: null, error: "no answer within 0.2 s" });
    expect(hits.get("HEAD /ok")).toBe(1);
    expect(hits.get("GET /ok")).toBeUndefined();
    expect(hits.get("GET /no-head")).toBe(1);
  });

  test("never more requests in flight than the concurrency bound", async () => {
    let open = 0;
    let peak = 0;
    const counting = async (url: string, init: RequestInit) => {
      open++;
      peak = Math.max(peak, open);
      try {
        return await fetch(url, init);
      } finally {
        open--;
      }
    };
    const urls = Array.from({ length: 30 }, (_, i) => `${base}/ok-${i}`);
    const results = await checkExternalUrls(urls, { ...setup(), concurrency: 3, fetch: counting });
    expect(results.size).toBe(30);
    expect([...results.values()].every((r) => r.status === 200)).toBe(true);
    expect(peak).toBe(3);
  });

  test("answers are cached for 24 hours; network failures are not", async () => {
    hits.clear();
    const first = { ...setup(1_000_000), timeoutMs: 200 };
    await checkExternalUrls([`${base}/ok-cached`, `${base}/gone-cached`, `${base}/slow`], first);
    const cache = JSON.parse(await first.host.readText(first.cachePath));
    expect(Object.keys(cache.urls)).toEqual([`${base}/gone-cached`, `${base}/ok-cached`]);

    const again = await checkExternalUrls([`${base}/ok-cached`, `${base}/gone-cached`], {
      ...first,
      now: () => 1_000_000 + 3_600_000,
    });
    expect(again.get(`${base}/gone-cached`)!.status).toBe(404);
    expect(hits.get("HEAD /ok-cached")).toBe(1);

    await checkExternalUrls([`${base}/ok-cached`], { ...first, now: () => 1_000_000 + 25 * 3_600_000 });
    expect(hits.get("HEAD /ok-cached")).toBe(2);
  });
});

describe("externalDiagnostics", () => {
  test("an HTTP error and an unreachable host are reported at every use; working links are not", () => {
    const use = (file: string) => ({ file, range: ZERO_RANGE, pageUrl: "/p/" });
    const ds = externalDiagnostics(
      new Map([
        ["https://a.test/x", [use("content/a.md"), use("content/b.md")]],
        ["https://b.test/#frag", [use("content/a.md")]],
        ["https://c.test/", [use("content/c.md")]],
      ]),
      new Map([
        ["https://a.test/x", { status: 404, checkedAt: 0 }],
        ["https://b.test/", { status: null, error: "connection refused", checkedAt: 0 }],
        ["https://c.test/", { status: 204, checkedAt: 0 }],
      ]),
    );
    expect(ds.map((d) => [d.code, d.severity, d.file])).toEqual([
      ["link.external-broken", "warning", "content/a.md"],
      ["link.external-broken", "warning", "content/b.md"],
      ["link.external-unreachable", "warning", "content/a.md"],
    ]);
    expect(ds[0]!.message).toBe("https://a.test/x answers HTTP 404 (linked on /p/)");
  });
});
