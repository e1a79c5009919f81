import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { toHostError } from "./fs-errors.ts";
import { type DirEntry, decodeUtf8, type FileStat, type Host } from "./host.ts";
import { dirname, join } from "./path.ts";

async function statOrNull(path: string): Promise<FileStat | null> {
  try {
    const s = await stat(path);
    return { kind: s.isDirectory() ? "dir" : "file", size: s.size, mtimeMs: s.mtimeMs };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP") return null;
    throw toHostError(path, e);
  }
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const buf = await readFile(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    throw toHostError(path, e);
  }
}

async function list(dir: string): Promise<readonly DirEntry[]> {
  let dirents: import("node:fs").Dirent[];
  try {
    dirents = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw toHostError(dir, e);
  }
  const entries: DirEntry[] = [];
  for (const d of dirents) {
    let kind: DirEntry["kind"] | null = d.isDirectory() ? "dir" : d.isFile() ? "file" : null;
    // Symlinks are followed; broken ones are left out.
    if (d.isSymbolicLink()) kind = (await statOrNull(join(dir, d.name)))?.kind ?? null;
    if (kind) entries.push({ name: d.name, kind });
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The file system through node:fs/promises only, for the language server running on Node. */
export function createNodeHost(): Host {
  return {
    async readText(path) {
      return decodeUtf8(path, await readBytes(path));
    },
    readBytes,
    list,
    stat: statOrNull,
    // All at once: each stat is a thread-pool round trip, so one after another would wait on each.
    statMany: (paths) => Promise.all(paths.map(statOrNull)),
    async write(path, data) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    },
    async remove(path) {
      await rm(path, { recursive: true, force: true });
    },
  };
}
