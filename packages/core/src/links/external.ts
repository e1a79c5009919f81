import { diagnostic } from "../diagnostics/create.ts";
import type { Host } from "../host/host.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Range } from "../model/range.ts";
import { rangeKey } from "./markdown-match.ts";

/** Where a link is reported (a subset of `LinkUse` from html-check.ts). */
export interface ExternalUse {
  readonly file: string;
  readonly range: Range;
  readonly pageUrl: string;
}

export interface ExternalCheckOptions {
  readonly host: Host;
  /** Absolute path of the cache (`<site>/.bengal/external-links.json`). */
  readonly cachePath: string;
  /** Requests in flight at once (default 8). */
  readonly concurrency?: number;
  /** Per request, HEAD and GET fallback each (default 10 s). */
  readonly timeoutMs?: number;
  /** How long an answer is reused from the cache (default 24 h). */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/** `status` is the HTTP status, or null when no answer came (`error` says why). */
export interface ExternalStatus {
  readonly status: number | null;
  readonly error?: string;
  readonly checkedAt: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const CACHE_VERSION = 1;

async function readCache(host: Host, path: string): Promise<Record<string, ExternalStatus>> {
  try {
    const data = JSON.parse(await host.readText(path)) as {
      version?: number;
      urls?: Record<string, ExternalStatus>;
    };
    return data.version === CACHE_VERSION && data.urls && typeof data.urls === "object" ? data.urls : {};
  } catch {
    // Missing or unreadable: everything is checked again.
    return {};
  }
}

async function request(
  url: string,
  options: ExternalCheckOptions,
): Promise<Omit<ExternalStatus, "checkedAt">> {
  const doFetch = options.fetch ?? ((u: string, init: RequestInit) => fetch(u, init));
  const timeout = options.timeoutMs ?? 10_000;
  const attempt = async (method: "HEAD" | "GET") => {
    const response = await doFetch(url, {
      method,
      redirect: "follow",
      signal: AbortSignal.timeout(timeout),
      headers: { "user-agent": "bengal-link-checker" },
    });
    await response.body?.cancel().catch(() => undefined);
    return response.status;
  };
  try {
    const head = await attempt("HEAD");
    // Many servers refuse or mishandle HEAD: a failure is confirmed with GET.
    return { status: head < 400 ? head : await attempt("GET") };
  } catch (error) {
    const name = (error as Error)?.name;
    const reason =
      name === "TimeoutError" || name === "AbortError"
        ? `no answer within ${timeout / 1000} s`
        : String((error as Error)?.message ?? error);
    return { status: null, error: reason };
  }
}

/**
 * Checks each URL once (fragments ignored), at most `concurrency` at a time; HTTP answers
 * are cached for `maxAgeMs`, network failures are not (they are retried next build).
 */
export async function checkExternalUrls(
  urls: Iterable<string>,
  options: ExternalCheckOptions,
): Promise<Map<string, ExternalStatus>> {
  const now = options.now ?? Date.now;
  const maxAge = options.maxAgeMs ?? DAY_MS;
  const cache = await readCache(options.host, options.cachePath);
  const results = new Map<string, ExternalStatus>();
  const pending: string[] = [];
  for (const url of new Set([...urls].map((u) => u.split("#")[0]!))) {
    const hit = cache[url];
    if (hit && typeof hit.checkedAt === "number" && now() - hit.checkedAt < maxAge && hit.status !== null) {
      results.set(url, hit);
    } else pending.push(url);
  }
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const url = pending[next++]!;
      results.set(url, { ...(await request(url, options)), checkedAt: now() });
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, pending.length) }, worker));

  const kept: Record<string, ExternalStatus> = {};
  for (const [url, entry] of Object.entries(cache)) {
    if (typeof entry?.checkedAt === "number" && now() - entry.checkedAt < maxAge && entry.status !== null)
      kept[url] = entry;
  }
  for (const [url, r] of results) if (r.status !== null) kept[url] = r;
  const sorted = Object.fromEntries(Object.entries(kept).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await options.host.write(
    options.cachePath,
    `${JSON.stringify({ version: CACHE_VERSION, urls: sorted }, null, 2)}\n`,
  );
  return results;
}

/** A diagnostic at every place a failing URL is linked from: `link.external-broken` for an HTTP error, `link.external-unreachable` for no answer. */
export function externalDiagnostics(
  uses: ReadonlyMap<string, readonly ExternalUse[]>,
  results: ReadonlyMap<string, ExternalStatus>,
): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  for (const [url, list] of uses) {
    const r = results.get(url.split("#")[0]!);
    if (!r || (r.status !== null && r.status < 400)) continue;
    for (const use of list) {
      const d =
        r.status !== null
          ? diagnostic("link.external-broken", {
              file: use.file,
              range: use.range,
              message: `${url} answers HTTP ${r.status} (linked on ${use.pageUrl})`,
            })
          : diagnostic("link.external-unreachable", {
              file: use.file,
              range: use.range,
              message: `${url} could not be reached: ${r.error} (linked on ${use.pageUrl})`,
            });
      const key = `${d.code}|${rangeKey(d.file, d.range)}|${url}`;
      if (!out.has(key)) out.set(key, d);
    }
  }
  return [...out.values()];
}
