import type { Diagnostic } from "./diagnostic.ts";

export interface OutputFile {
  /** Relative to the output dir, POSIX. */
  readonly path: string;
  readonly content: string | Uint8Array;
}

export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

export interface BuildResult {
  readonly pages: number;
  readonly assets: number;
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
  /** Output paths (relative to outputDir) written or removed by this build. */
  readonly changedPaths: readonly string[];
  readonly outputDir: string;
  readonly timings: readonly StageTiming[];
  /** Whether the cache made this build incremental, and if not, why. */
  readonly cache: {
    readonly mode: "incremental" | "full" | "off";
    readonly reason: string | null;
    /** Pages rendered this time, of all render targets. */
    readonly rendered: number;
    /** Changed content files (incremental builds). */
    readonly changed: readonly string[];
    /** Dependency that invalidated re-rendered pages → how many pages. */
    readonly reasons: Readonly<Record<string, number>>;
  };
  /** Worker threads used (0 = inline). */
  readonly workers: { readonly pages: number; readonly assets: number };
  readonly diagnostics: readonly Diagnostic[];
  /** True when any diagnostic is an error (after `--strict` promotion). */
  readonly failed: boolean;
  /** How busy the workers were (0..1 of their time over the stage), when the pool can tell. */
  readonly workerUtilization?: { readonly pages?: number; readonly assets?: number };
}
