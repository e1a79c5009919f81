import { type FSWatcher, watch } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";
import type { FileChange } from "../build/session.ts";

/** The site folders whose files are build inputs. */
export const WATCHED_DIRS = ["content", "assets", "static", "templates", "themes", "data"] as const;

export interface WatchOptions {
  /** Absolute site root. */
  readonly root: string;
  /** Absolute files watched through their folder (config files, which editors often replace). */
  readonly files: readonly string[];
  /** Absolute paths whose changes never count (the output folder, `.bengal/`). */
  readonly ignore: () => readonly string[];
  /** Quiet time after the last event before the batch is reported. */
  readonly debounceMs?: number;
  readonly onChanges: (changes: FileChange[]) => void;
}

export interface SiteWatcher {
  /** Resolves once the files present at start are known (changes are judged against them). */
  readonly ready: Promise<void>;
  close(): void;
}

// Editors' swap, backup and atomic-save files: vim (4913, ~, .swp), emacs (.#x, #x#), JetBrains, Chrome.
const EDITOR_TEMP = /(^4913$|~$|^#.*#$|\.sw[a-px]$|\.tmp$|\.tmp\.\d+$|___jb_(tmp|old)___$|\.crswap$)/i;
const MAX_WAIT_MS = 1000;
/**
 * Quiet time that ends a batch. Editors' save sequences (a temporary file renamed over the
 * original, a backup written and removed) take a few milliseconds, and a rebuild asked for
 * during a rebuild waits for it anyway, so a short wait keeps most of the 100 ms
 * save-to-reload budget for the rebuild itself.
 */
export const DEFAULT_DEBOUNCE_MS = 20;

/**
 * Watches the site's input folders recursively (and the root, to see them appear, vanish
 * or be renamed) and reports batches of changes once events have been quiet for a moment:
 * a save that writes a temporary file and renames it over the original, or a burst of
 * writes, becomes one batch. Kinds come from comparing the disk with the files known
 * before the batch, so a temporary file that came and went within it is not reported.
 */
export function watchSite(options: WatchOptions): SiteWatcher {
  const { root } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const watchers = new Map<string, FSWatcher>();
  const pending = new Set<string>();
  const known = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstEventAt = 0;
  let closed = false;

  const skipped = (path: string): boolean => {
    for (const dir of options.ignore()) if (path === dir || path.startsWith(dir + sep)) return true;
    if (options.files.includes(path)) return false;
    const rel = relative(root, path);
    if (rel.startsWith("..")) return true;
    return (
      rel.split(sep).some((part) => part.startsWith(".") || part === "node_modules") ||
      EDITOR_TEMP.test(basename(path))
    );
  };

  const note = (path: string) => {
    if (closed || skipped(path)) return;
    pending.add(path);
    if (timer === null) firstEventAt = Date.now();
    else clearTimeout(timer);
    // A file written without pause must still be rebuilt now and then.
    const wait = Math.max(0, Math.min(debounceMs, firstEventAt + MAX_WAIT_MS - Date.now()));
    timer = setTimeout(() => void flush(), wait);
  };

  const topDirs = [...WATCHED_DIRS.map((d) => join(root, d))];
  const ready = (async () => {
    for (const dir of topDirs) for (const file of await filesUnder(dir, skipped)) known.add(file);
    for (const file of options.files) if ((await stat(file).catch(() => null))?.isFile()) known.add(file);
  })();

  const flush = async () => {
    timer = null;
    await ready;
    const batch = [...pending];
    pending.clear();
    const changes = new Map<string, FileChange["kind"]>();
    for (const path of batch) {
      const info = await stat(path).catch(() => null);
      if (info?.isFile()) {
        // A file found through its new folder earlier in this batch stays a creation.
        changes.set(path, known.has(path) && changes.get(path) !== "create" ? "change" : "create");
        known.add(path);
      } else if (info?.isDirectory()) {
        // A folder moved in or created with files: its files are new (a plain folder event is not).
        for (const file of await filesUnder(path, skipped)) {
          if (!known.has(file)) changes.set(file, "create");
          known.add(file);
        }
      } else if (info === null) {
        // Gone: the file itself, or every known file of a folder that went away.
        for (const file of known) {
          if (file === path || file.startsWith(path + sep)) {
            changes.set(file, "delete");
            known.delete(file);
          }
        }
      }
    }
    if (closed || changes.size === 0) return;
    const list = [...changes].map(([path, kind]) => ({ path, kind }));
    options.onChanges(list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  };

  const watchDir = (dir: string) => {
    if (watchers.has(dir)) return;
    try {
      const w = watch(dir, { recursive: true }, (_event, name) => {
        if (name) note(join(dir, name.toString()));
      });
      w.on("error", () => unwatch(dir));
      watchers.set(dir, w);
    } catch {
      // Not there (yet): the root watcher starts this one when the folder appears.
    }
  };
  const unwatch = (dir: string) => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
  };

  for (const dir of topDirs) watchDir(dir);
  const parents = new Set([root, ...options.files.map((f) => dirname(f))]);
  for (const parent of parents) {
    try {
      const w = watch(parent, (_event, name) => {
        if (!name) return;
        const path = join(parent, name.toString());
        if (topDirs.includes(path)) {
          // The folder was created, deleted or renamed: (re)start its watcher.
          unwatch(path);
          watchDir(path);
          note(path);
        } else if (options.files.includes(path)) {
          note(path);
        }
      });
      w.on("error", () => undefined);
      watchers.set(`${parent}\0parent`, w);
    } catch {
      // A --config folder that cannot be watched: its edits need a restart.
    }
  }

  return {
    ready,
    close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

async function filesUnder(dir: string, skipped: (path: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !skipped(p));
}
