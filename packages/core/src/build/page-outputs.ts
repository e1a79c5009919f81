import type { OutputFile } from "../model/output.ts";
import { type PooledResult, withoutBodyHtml } from "../render/worker-output.ts";
import type { WrittenFile } from "../write/writer.ts";

/** What happens to a page's result as it comes out of rendering: its files, then a lighter copy. */

/** The files still to write (none when a page worker wrote them). */
export function pageOutputs(result: PooledResult): OutputFile[] {
  const out: OutputFile[] = [];
  if (result.written) return out;
  for (const t of result.targets) if (t.html !== null) out.push({ path: t.outputPath, content: t.html });
  return out;
}

/** The files a page worker wrote, for the build's writer to count and record. */
export function writtenOutputs(result: PooledResult): readonly WrittenFile[] {
  return result.written ?? [];
}

/**
 * Once written (and cached), a page's HTML is not needed again: its links and ids travel as
 * `htmlFacts`, and its body HTML only for feeds that carry full content.
 */
export function withoutHtml(result: PooledResult, keepBody: boolean): PooledResult {
  const { written: _written, ...rest } = result;
  const targets = rest.targets.map((t) => (t.html === null ? t : { ...t, html: "" }));
  return { ...rest, facts: withoutBodyHtml(rest.facts, keepBody), targets };
}

/** Collects items and hands them over `size` at a time (and the rest on `flush`). */
export function batcher<T>(size: number, take: (batch: T[]) => unknown) {
  let batch: T[] = [];
  const flush = () => {
    if (batch.length > 0) take(batch);
    batch = [];
  };
  return {
    add(item: T) {
      batch.push(item);
      if (batch.length >= size) flush();
    },
    flush,
  };
}
