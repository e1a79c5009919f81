import type { Host } from "../host/host.ts";
import { join } from "../host/path.ts";

/** Folders never read as site input anywhere. */
const ALWAYS_SKIPPED = new Set(["node_modules", ".git", ".bengal"]);

/** Symlinks are followed by hosts, so a cycle must end somewhere. */
const MAX_DEPTH = 32;

export interface WalkOptions {
  /** Absolute folders to leave out (the output folder). */
  readonly skipDirs?: ReadonlySet<string>;
  /** Whether an entry (file or folder name) is kept; dot-names are always skipped. */
  readonly keep?: (name: string, kind: "file" | "dir") => boolean;
}

/** Paths of all files under `dir`, relative to it, sorted. */
export async function walkFiles(host: Host, dir: string, options: WalkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  // Sibling folders are listed concurrently (the result is sorted at the end): one after
  // another, the 160 folders of a 10,000-page site took ~15 ms, concurrently ~4 ms.
  const visit = async (abs: string, rel: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    const folders: Promise<void>[] = [];
    for (const entry of await host.list(abs)) {
      if (entry.name.startsWith(".") || ALWAYS_SKIPPED.has(entry.name)) continue;
      if (options.keep && !options.keep(entry.name, entry.kind)) continue;
      const childAbs = join(abs, entry.name);
      const childRel = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.kind === "dir") {
        if (!options.skipDirs?.has(childAbs)) folders.push(visit(childAbs, childRel, depth + 1));
      } else {
        out.push(childRel);
      }
    }
    await Promise.all(folders);
  };
  await visit(dir, "", 0);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
