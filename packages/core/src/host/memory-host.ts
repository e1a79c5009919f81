import { type DirEntry, decodeUtf8, type FileStat, type Host, HostError } from "./host.ts";
import { normalize } from "./path.ts";

const encoder = new TextEncoder();

/** Absolute POSIX path; relative keys are taken from `/`. */
function absolute(path: string): string {
  return normalize(path.startsWith("/") ? path : `/${path}`);
}

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === "string" ? encoder.encode(data) : data;
}

/**
 * A Host over a map of files, for tests and the language server's unsaved buffers.
 * Folders exist only through the files under them; `mtimeMs` is a write counter so
 * tests stay deterministic.
 */
export function createMemoryHost(files: Record<string, string | Uint8Array> = {}): Host & {
  /** Every file path, sorted. */
  paths(): string[];
} {
  const store = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
  let clock = 1;
  for (const [path, data] of Object.entries(files))
    store.set(absolute(path), { bytes: toBytes(data), mtimeMs: clock });

  const prefixOf = (dir: string): string => (dir === "/" ? "/" : `${dir}/`);
  const isDir = (dir: string): boolean => {
    if (dir === "/") return true;
    const prefix = prefixOf(dir);
    for (const p of store.keys()) if (p.startsWith(prefix)) return true;
    return false;
  };
  const readFile = (path: string): Uint8Array => {
    const p = absolute(path);
    const file = store.get(p);
    if (file) return file.bytes;
    if (isDir(p)) throw new HostError("unreadable", path, `${path} is a folder`);
    throw new HostError("not-found", path, `${path} does not exist`);
  };

  return {
    async readText(path) {
      return decodeUtf8(path, readFile(path));
    },
    async readBytes(path) {
      return readFile(path);
    },
    async list(dir) {
      const d = absolute(dir);
      const prefix = prefixOf(d);
      const entries = new Map<string, DirEntry["kind"]>();
      for (const p of store.keys()) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const slash = rest.indexOf("/");
        const name = slash < 0 ? rest : rest.slice(0, slash);
        if (slash >= 0 || !entries.has(name)) entries.set(name, slash < 0 ? "file" : "dir");
      }
      return [...entries]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, kind]): DirEntry => ({ name, kind }));
    },
    async stat(path): Promise<FileStat | null> {
      const p = absolute(path);
      const file = store.get(p);
      if (file) return { kind: "file", size: file.bytes.byteLength, mtimeMs: file.mtimeMs };
      return isDir(p) ? { kind: "dir", size: 0, mtimeMs: 0 } : null;
    },
    async write(path, data) {
      store.set(absolute(path), { bytes: toBytes(data), mtimeMs: ++clock });
    },
    async remove(path) {
      const p = absolute(path);
      store.delete(p);
      const prefix = prefixOf(p);
      for (const key of [...store.keys()]) if (key.startsWith(prefix)) store.delete(key);
    },
    paths() {
      return [...store.keys()].sort();
    },
  };
}
