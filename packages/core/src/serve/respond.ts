import { contentType } from "./mime.ts";

export interface ServedFile {
  /** Absolute path, already checked to be inside the output folder. */
  readonly file: string;
  /** Path inside the output folder, POSIX. */
  readonly rel: string;
}

/** Rewrites an HTML page before it is sent (the live-reload script); gets the page's output path. */
export type HtmlTransform = (html: string, rel: string) => string;

const HTML = /\.html?$/i;

/**
 * A file response with a content ETag and `Cache-Control: no-cache`: the browser may keep a
 * copy but must revalidate every time, so an edit is never hidden by a cached page.
 */
export async function fileResponse(
  req: Request,
  served: ServedFile,
  options: { readonly status?: number; readonly transformHtml?: HtmlTransform } = {},
): Promise<Response> {
  const status = options.status ?? 200;
  let body: Uint8Array<ArrayBuffer> | string;
  if (HTML.test(served.rel) && options.transformHtml) {
    body = options.transformHtml(await Bun.file(served.file).text(), served.rel);
  } else {
    body = await Bun.file(served.file).bytes();
  }
  const etag = `"${Bun.hash(body).toString(16)}"`;
  const headers = new Headers({
    "Content-Type": contentType(served.rel),
    "Cache-Control": "no-cache",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
  });
  if (status === 200 && matchesEtag(req.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  if (req.method === "HEAD") {
    headers.set("Content-Length", String(typeof body === "string" ? Buffer.byteLength(body) : body.length));
    return new Response(null, { status, headers });
  }
  return new Response(body, { status, headers });
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export function plainResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache", ...headers },
  });
}
