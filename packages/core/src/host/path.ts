/** POSIX path helpers that behave the same on Bun, Node and in the browser-free LSP. */

export function join(...parts: string[]): string {
  // Two parts is nearly every call (root + relative path): no array to filter.
  if (parts.length === 2) {
    const [a, b] = parts as [string, string];
    return normalize(a === "" ? b : b === "" ? a : `${a}/${b}`);
  }
  return normalize(parts.filter((p) => p !== "").join("/"));
}

/**
 * Anything `normalize` would change: a backslash, an empty, `.` or `..` segment, a trailing
 * slash. Paths the build makes are almost always normal already, and a no-change rebuild
 * normalizes ~25,000 of them: those are returned as they are.
 */
const NOT_NORMAL = /\\|\/\/|(?:^|\/)\.\.?(?:\/|$)|.\/$/;

export function normalize(path: string): string {
  return path !== "" && !NOT_NORMAL.test(path) ? path : normalizeSegments(path);
}

/** `normalize` segment by segment, for paths that need it (exported for its test). */
export function normalizeSegments(path: string): string {
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
      continue;
    }
    out.push(seg);
  }
  const joined = out.join("/");
  return absolute ? `/${joined}` : joined || ".";
}

export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  if (i < 0) return ".";
  if (i === 0) return "/";
  return path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function extname(path: string): string {
  const base = basename(path);
  const i = base.lastIndexOf(".");
  return i <= 0 ? "" : base.slice(i);
}

/** `relative("/a/b", "/a/b/c/d.md")` → `c/d.md`. */
export function relative(from: string, to: string): string {
  const f = normalize(from).split("/").filter(Boolean);
  const t = normalize(to).split("/").filter(Boolean);
  let i = 0;
  while (i < f.length && i < t.length && f[i] === t[i]) i++;
  return [...f.slice(i).map(() => ".."), ...t.slice(i)].join("/");
}

export function isInside(parent: string, child: string): boolean {
  const p = normalize(parent);
  const c = normalize(child);
  return c === p || c.startsWith(p.endsWith("/") ? p : `${p}/`);
}
