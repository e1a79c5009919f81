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
  /** Worker threads used (0 = inline). */
  readonly workers: { readonly pages: number; readonly assets: number };
  readonly diagnostics: readonly Diagnostic[];
  /** True when any diagnostic is an error (after `--strict` promotion). */
  readonly failed: boolean;
}
