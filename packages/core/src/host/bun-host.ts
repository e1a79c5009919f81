import { toHostError } from "./fs-errors.ts";
import { decodeUtf8, type Host } from "./host.ts";
import { createNodeHost } from "./node-host.ts";

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await Bun.file(path).bytes();
  } catch (e) {
    throw toHostError(path, e);
  }
}

/**
 * The build's Host: Bun's fast file reads and writes (Bun.write creates parent folders);
 * folder listing, stat and removal are node:fs, shared with the Node host.
 */
export function createBunHost(): Host {
  const node = createNodeHost();
  return {
    ...node,
    async readText(path) {
      return decodeUtf8(path, await readBytes(path));
    },
    readBytes,
    async write(path, data) {
      await Bun.write(path, data);
    },
  };
}
