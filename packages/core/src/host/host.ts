/**
 * The only door to the outside world for core. Paths are absolute POSIX paths.
 * Implementations: `bun-host.ts` (the build), `node-host.ts` (the language server on
 * VS Code's Node), `memory-host.ts` (tests), and the language server's overlay of open buffers.
 */
export interface DirEntry {
  readonly name: string;
  readonly kind: "file" | "dir";
}

export interface FileStat {
  readonly kind: "file" | "dir";
  readonly size: number;
  readonly mtimeMs: number;
}

export interface Host {
  /** UTF-8 text. Throws `HostError` with `code: "not-utf8"` when the bytes are not valid UTF-8. */
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
  /** Entries sorted by name; `[]` when the folder does not exist. Symlinks are followed. */
  list(dir: string): Promise<readonly DirEntry[]>;
  /** `null` when nothing is there. */
  stat(path: string): Promise<FileStat | null>;
  /** Many stats at once, in order, when the host has a faster way than one after another (see `statMany`). */
  statMany?(paths: readonly string[]): Promise<(FileStat | null)[]>;
  /** Creates parent folders as needed. */
  write(path: string, data: string | Uint8Array): Promise<void>;
  /** Removes a file, or a folder recursively; no error when absent. */
  remove(path: string): Promise<void>;
}

/** Stats of `paths`, in order: the host's batch call when it has one. */
export async function statMany(host: Host, paths: readonly string[]): Promise<(FileStat | null)[]> {
  if (host.statMany) return host.statMany(paths);
  const out: (FileStat | null)[] = [];
  for (const p of paths) out.push(await host.stat(p));
  return out;
}

export type HostErrorCode = "not-found" | "not-utf8" | "unreadable";

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}

/** Strict UTF-8 decoding shared by every host, so a Latin-1 file is reported, not garbled. */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeUtf8(path: string, bytes: Uint8Array): string {
  try {
    const text = strictUtf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new HostError("not-utf8", path, "the file is not valid UTF-8");
  }
}
