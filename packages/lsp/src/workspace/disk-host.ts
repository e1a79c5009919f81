import { readFileSync } from "node:fs";
import { createNodeHost, decodeUtf8, type Host, HostError } from "@bengal/core/analysis";

function readBytes(path: string): Uint8Array {
  try {
    const buf = readFileSync(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new HostError("not-found", path, `${path} does not exist`);
    const reason = e instanceof Error ? e.message : String(e);
    throw new HostError("unreadable", path, `${path} cannot be read: ${reason}`);
  }
}

/**
 * core's Node host with synchronous reads. On Node, `fs/promises.readFile` costs ~50 µs a file
 * (open, stat, read, close each a round trip to the thread pool) against ~12 µs for `readFileSync`:
 * 0.5 s against 0.12 s for the first read of 10,000 pages. A content file is small, so blocking
 * the event loop that long is harmless. Errors map to the same HostError codes as core's host.
 */
export function createDiskHost(): Host {
  return {
    ...createNodeHost(),
    readText: async (path) => decodeUtf8(path, readBytes(path)),
    readBytes: async (path) => readBytes(path),
  };
}
