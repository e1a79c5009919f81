import type { Host } from "../host/host.ts";
import type { Diagnostic } from "../model/diagnostic.ts";

/** One file the watcher saw change, by comparing the disk with the files it knew. */
export interface FileChange {
  /** Absolute path of the file that changed. */
  readonly path: string;
  readonly kind: "create" | "change" | "delete";
}

export interface BuildOptions {
  /** Site root (absolute or relative to the working directory). */
  readonly root: string;
  readonly configPath?: string;
  readonly drafts?: boolean;
  readonly baseurl?: string;
  /** Output folder, relative to the site root or absolute; overrides `[build] output_dir`. */
  readonly outputDir?: string;
  readonly strict?: boolean;
  readonly parallel?: boolean;
  /** Overrides `[build] max_workers`. */
  readonly maxWorkers?: number;
  readonly verbose?: boolean;
  readonly host?: Host;
  /**
   * `serve` builds for the dev server: asset fingerprints off (a CSS edit then changes no page)
   * and a cache of its own, so that serving and `bengal build` never invalidate each other.
   */
  readonly profile?: "build" | "serve";
  /** Ignore the cache and rebuild everything (the cache is then rewritten). */
  readonly full?: boolean;
  /** Use the incremental cache in `.bengal/` (default: on when building from disk). */
  readonly cache?: boolean;
  /** Called as each stage ends. */
  readonly onProgress?: (event: { stage: string; ms: number }) => void;
  /** Also request every http(s) link (`--check-external`); answers are cached in `.bengal/external-links.json`. */
  readonly checkExternal?: boolean;
  /**
   * What the dev server's file watcher saw since the last build. When it is only changes to
   * files the last build knew (nothing created or deleted), folders are not listed again and
   * only those files are stat'ed; otherwise, or without it, every input is looked at.
   */
  readonly changes?: readonly FileChange[];
  /** Called as items of a long stage finish (`render`: pages done of total), for progress displays. */
  readonly onItem?: (stage: string, done: number, total: number) => void;
}

/** The build cannot start or go on (an unusable config). The CLI exits 2. */
export class BuildError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(message);
    this.name = "BuildError";
  }
}
