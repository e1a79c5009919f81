import { realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";

export type Resolution =
  /** `file` is the real absolute path, `rel` its path inside the output folder (POSIX). */
  | { readonly kind: "file"; readonly file: string; readonly rel: string }
  | { readonly kind: "redirect"; readonly location: string }
  | { readonly kind: "not-found" }
  | { readonly kind: "bad-request" };

const NOT_FOUND: Resolution = { kind: "not-found" };
const BAD_REQUEST: Resolution = { kind: "bad-request" };

/**
 * Maps a request path to a file inside `outputDir`, or says why not. The site lives under
 * `prefix` (the baseurl's path, `""` or `/docs`). Dot segments, backslashes and NUL are
 * refused after decoding, and the file's real path must still be inside the output folder,
 * so neither encoded `..` nor a symlink can reach anything outside it.
 */
export async function resolveRequest(
  outputDir: string,
  prefix: string,
  pathname: string,
): Promise<Resolution> {
  let rest = pathname;
  if (prefix !== "") {
    if (pathname === prefix) return { kind: "redirect", location: `${prefix}/` };
    if (!pathname.startsWith(`${prefix}/`)) return NOT_FOUND;
    rest = pathname.slice(prefix.length);
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return BAD_REQUEST;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return BAD_REQUEST;
  const segments = decoded.split("/").filter((s) => s !== "");
  if (segments.some((s) => s === "." || s === "..")) return BAD_REQUEST;
  const trailingSlash = decoded.endsWith("/");
  const rel = segments.join("/");

  const found = await statOf(join(outputDir, rel));
  if (found === "dir") {
    if (!trailingSlash && rel !== "") {
      // Built from the cleaned segments, so `//host` can never become an off-site redirect.
      return { kind: "redirect", location: `${prefix}/${segments.map(encodeURIComponent).join("/")}/` };
    }
    return inside(outputDir, rel === "" ? "index.html" : `${rel}/index.html`);
  }
  if (found === "file" && !trailingSlash) return inside(outputDir, rel);
  // `/about` also finds `about.html`, as sites built with pretty_urls = false link to it.
  if (found === null && !trailingSlash && rel !== "" && !/\.[^/]*$/.test(rel)) {
    if ((await statOf(join(outputDir, `${rel}.html`))) === "file") return inside(outputDir, `${rel}.html`);
  }
  return NOT_FOUND;
}

async function statOf(path: string): Promise<"file" | "dir" | null> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? "dir" : s.isFile() ? "file" : null;
  } catch {
    return null;
  }
}

/** The file at `rel`, when it exists and its real path stays inside the output folder. */
async function inside(outputDir: string, rel: string): Promise<Resolution> {
  try {
    const [root, file] = await Promise.all([realpath(outputDir), realpath(join(outputDir, rel))]);
    if (!file.startsWith(root + sep)) return NOT_FOUND;
    if ((await statOf(file)) !== "file") return NOT_FOUND;
    return { kind: "file", file, rel };
  } catch {
    return NOT_FOUND;
  }
}
