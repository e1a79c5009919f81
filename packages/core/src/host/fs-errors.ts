import { HostError } from "./host.ts";

/** Maps a node:fs / Bun error to the Host's three error codes. */
export function toHostError(path: string, e: unknown): HostError {
  if (e instanceof HostError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR")
    return new HostError("not-found", path, `${path} does not exist`);
  const reason = e instanceof Error ? e.message : String(e);
  return new HostError("unreadable", path, `${path} cannot be read: ${reason}`);
}
