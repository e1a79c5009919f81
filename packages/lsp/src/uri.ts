import { fileURLToPath, pathToFileURL } from "node:url";
import { normalize } from "@bengal/core/analysis";

/** Absolute POSIX path of a `file:` URI, or null for other schemes (untitled buffers, git views). */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith("file:")) return null;
  try {
    return normalize(fileURLToPath(uri).replace(/\\/g, "/"));
  } catch {
    return null;
  }
}

/**
 * Remembers the exact URI spelling the client used for each path: editors encode some characters
 * differently from `pathToFileURL`, and a diagnostic published under another spelling is lost.
 */
export class UriMap {
  private readonly seen = new Map<string, string>();

  remember(uri: string): string | null {
    const path = uriToPath(uri);
    if (path !== null) this.seen.set(path, uri);
    return path;
  }

  toUri(path: string): string {
    return this.seen.get(path) ?? pathToFileURL(path).href;
  }
}
