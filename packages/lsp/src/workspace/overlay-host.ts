import { basename, type DirEntry, dirname, type FileStat, type Host, HostError } from "@bengal/core/analysis";

const encoder = new TextEncoder();

/**
 * A Host whose reads see the editor's open buffers instead of the disk, so unsaved text is what
 * gets analysed. Buffers of files that exist only in the editor show up in folder listings too.
 */
export function createOverlayHost(disk: Host, buffers: ReadonlyMap<string, string>): Host {
  return {
    async readText(path) {
      const open = buffers.get(path);
      if (open !== undefined) return open;
      return disk.readText(path);
    },
    async readBytes(path) {
      const open = buffers.get(path);
      return open !== undefined ? encoder.encode(open) : disk.readBytes(path);
    },
    async list(dir) {
      const entries = [...(await disk.list(dir))];
      const names = new Set(entries.map((e) => e.name));
      for (const path of buffers.keys()) {
        if (dirname(path) !== dir || names.has(basename(path))) continue;
        entries.push({ name: basename(path), kind: "file" } satisfies DirEntry);
      }
      return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    async stat(path): Promise<FileStat | null> {
      const open = buffers.get(path);
      if (open !== undefined) {
        const onDisk = await disk.stat(path).catch(() => null);
        return { kind: "file", size: open.length, mtimeMs: onDisk?.mtimeMs ?? 0 };
      }
      return disk.stat(path);
    },
    write: (path, data) => disk.write(path, data),
    remove: (path) => disk.remove(path),
  };
}

/** A read that never throws for a vanished file: the file was deleted while we were reading. */
export async function readOrNull(host: Host, path: string): Promise<string | HostError | null> {
  try {
    return await host.readText(path);
  } catch (error) {
    if (error instanceof HostError) return error.code === "not-found" ? null : error;
    return new HostError("unreadable", path, (error as Error)?.message ?? String(error));
  }
}
