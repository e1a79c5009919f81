import type { Diagnostic } from "../../model/diagnostic.ts";

export type AssetKind = "css" | "js" | "image" | "svg" | "copy";

export interface JobOptions {
  readonly minify: boolean;
  readonly fingerprint: boolean;
  readonly optimize: boolean;
}

/**
 * One asset to process. Plain data, so the same job runs inline or is posted to a worker.
 * `file` is the path diagnostics name (site-relative when the source is inside the site).
 */
export interface AssetJob {
  readonly rel: string;
  readonly source: string;
  readonly file: string;
  readonly kind: AssetKind;
  readonly options: JobOptions;
}

/** What CSS jobs need beyond their own file: where other assets live and what they became. */
export interface CssContext {
  readonly siteRoot: string;
  /** Every asset rel → absolute source (site files already override theme files). */
  readonly sources: Readonly<Record<string, string>>;
  /** Asset rel → output rel under `assets/` (hashed when fingerprinting). */
  readonly outputs: Readonly<Record<string, string>>;
}

export interface BatchTask {
  readonly jobs: readonly AssetJob[];
  readonly context: CssContext | null;
}

export interface JobResult {
  readonly rel: string;
  /** Output rel under `assets/`, `null` when the asset failed. */
  readonly out: string | null;
  readonly content: string | Uint8Array | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** File reading is injected: the inline path reads through the Host, workers read the disk. */
export type ReadBytes = (path: string) => Promise<Uint8Array>;

/** A job's processed bytes, or the diagnostics explaining why there are none. */
export type Processed =
  | { readonly ok: true; readonly content: string | Uint8Array; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
