import type { InputStats } from "../cache/quick-check.ts";
import type { DiscoverResult } from "../discover/discover-site.ts";
import { relative } from "../host/path.ts";
import type { FileChange } from "./options.ts";

/** What the dev server keeps of one build's inputs for the next: its file list and stats. */
export interface KeptInputs {
  readonly discovered: DiscoverResult;
  readonly stats: InputStats;
  readonly outputDir: string;
}

/**
 * The watcher's changes as absolute paths to stat again, when they are all changes to files
 * that already existed (a save); null when something was created or deleted, or nothing was
 * said: folders must then be listed again.
 */
export function knownChanges(changes: readonly FileChange[] | undefined): Set<string> | null {
  if (!changes || changes.length === 0) return null;
  if (changes.some((c) => c.kind !== "change")) return null;
  return new Set(changes.map((c) => c.path));
}

/** The changed paths under the site's `content/`, site-relative, for the content cache. */
export function changedContent(root: string, paths: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const path of paths) {
    const rel = relative(root, path);
    if (rel.startsWith("content/")) out.add(rel);
  }
  return out;
}
