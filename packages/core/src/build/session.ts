import type { BuildResult } from "../model/output.ts";
import { build } from "./build.ts";
import type { BuildOptions, FileChange } from "./options.ts";

export type { FileChange } from "./options.ts";

/**
 * A long-lived build for `bengal serve` and the editor: rebuilds run one at a time, and a
 * rebuild asked for during a rebuild runs once after it, with all the changes seen meanwhile.
 */
export interface BuildSession {
  rebuild(changes?: readonly FileChange[]): Promise<BuildResult>;
  close(): Promise<void>;
}

export function createBuildSession(options: BuildOptions): BuildSession {
  let running: Promise<BuildResult> | null = null;
  let queued: { changes: FileChange[]; promise: Promise<BuildResult> } | null = null;

  // The first build of a session lists everything; later ones are told what the watcher saw.
  const run = (changes: readonly FileChange[]) =>
    build(changes.length > 0 ? { ...options, changes } : options);

  return {
    rebuild(changes = []) {
      if (!running) {
        running = run(changes).finally(() => {
          running = null;
        });
        return running;
      }
      if (queued) {
        queued.changes.push(...changes);
        return queued.promise;
      }
      const pending: FileChange[] = [...changes];
      const promise = running
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          queued = null;
          return this.rebuild(pending);
        });
      queued = { changes: pending, promise };
      return promise;
    },
    async close() {
      await running?.catch(() => undefined);
    },
  };
}
