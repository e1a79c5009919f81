import type { Host } from "../host/host.ts";
import { join } from "../host/path.ts";
import type { RenderedMarkdown } from "../model/render.ts";
import { contentHash } from "../write/hash.ts";
import type { OutputManifest } from "../write/manifest.ts";
import { holdsOutput, type WrittenFile } from "../write/writer.ts";
import type { PageFacts, PageGroupResult } from "./page-render.ts";
import type { Deps } from "./track/dep-value.ts";

/** A page's result as a worker hands it back: its files already written when `written` is set. */
export interface PooledResult extends PageGroupResult {
  readonly written?: readonly WrittenFile[];
  /**
   * Its cache rows are already stored (by the worker, after writing its files). Its outputs'
   * link facts and every dependency list were left in those rows (`storedResult`): readers take
   * them from there (`collectPages`) or from `batchDeps` (`recordBuildKeyValues`).
   */
  readonly stored?: boolean;
  /**
   * On the last result of a batch whose rows a worker stored: the dependencies of all its
   * results, merged (`mergeDeps`), for the build's key-value table. Each result's own lists
   * stay in the rows.
   */
  readonly batchDeps?: Deps;
}

/** Where a worker stores its pages' cache rows itself, and whether feeds need the body HTML back. */
export interface WorkerStore {
  readonly cachePath: string;
  readonly keepBody: boolean;
}

/**
 * The result once its rows are stored: the body HTML, most of what is left of a reply, stays
 * behind unless full-content feeds show it, and so do the link facts and dependencies. Held for
 * every page until the link check, those were ~180 MB of the build process's heap at 10,000
 * pages while both workers still ran; the build reads the facts back from the rows.
 */
export function storedResult(result: PooledResult, keepBody: boolean): PooledResult {
  const facts = withoutBodyHtml(result.facts, keepBody);
  return {
    ...result,
    facts: facts && { ...facts, deps: {} },
    targets: result.targets.map((t) => (t.html === null ? t : { ...t, htmlFacts: null, deps: {} })),
    stored: true,
  };
}

/**
 * A page's facts without the body HTML (once written and cached), unless full-content feeds
 * need it. The HTML is left out unread: cached facts read it from the cache on first use, and
 * a page rendered on a worker from those facts never needed it here.
 */
export function withoutBodyHtml(facts: PageFacts | null, keepBody: boolean): PageFacts | null {
  if (!facts || keepBody) return facts;
  // Copied key by key: naming `html` in a destructuring would read it.
  const rendered: Record<string, unknown> = {};
  for (const key in facts.rendered) {
    if (key !== "html") rendered[key] = facts.rendered[key as keyof RenderedMarkdown];
  }
  return { ...facts, rendered: { ...(rendered as unknown as RenderedMarkdown), html: "" } };
}

const encoder = new TextEncoder();

/** Where a worker writes its pages' files, and the manifest of what the last build wrote there. */
export interface WorkerOutput {
  readonly dir: string;
  readonly manifestPath: string;
}

/**
 * Writes a page's HTML files from the worker that rendered them and keeps only an empty string
 * in their place: the build thread then neither copies the HTML over (two bytes a character,
 * most of a result's size) nor spends its core writing it. A file that already holds the same
 * bytes is left alone by the same rule as the build's writer (`holdsOutput`).
 */
export async function writePageFiles(
  host: Host,
  outputDir: string,
  previous: OutputManifest,
  result: PageGroupResult,
): Promise<PooledResult> {
  const written: WrittenFile[] = [];
  await Promise.all(
    result.targets.map(async (t) => {
      if (t.html === null) return;
      const bytes = encoder.encode(t.html);
      const hash = contentHash(bytes);
      const changed = !(await holdsOutput(host, previous, outputDir, t.outputPath, bytes, hash));
      if (changed) await host.write(join(outputDir, t.outputPath), bytes);
      written.push({ path: t.outputPath, hash, changed });
    }),
  );
  return {
    ...result,
    targets: result.targets.map((t) => (t.html === null ? t : { ...t, html: "" })),
    written,
  };
}
