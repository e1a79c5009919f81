import type { OutputFile } from "../model/output.ts";
import type { PageGroupResult } from "../render/page-render.ts";

/** What happens to a page's result as it comes out of rendering: its files, then a lighter copy. */

export function pageOutputs(result: PageGroupResult): OutputFile[] {
  const out: OutputFile[] = [];
  for (const t of result.targets) if (t.html !== null) out.push({ path: t.outputPath, content: t.html });
  return out;
}

/**
 * Once written (and cached), a page's HTML is not needed again: its links and ids travel as
 * `htmlFacts`, and its body HTML only for feeds that carry full content.
 */
export function withoutHtml(result: PageGroupResult, keepBody: boolean): PageGroupResult {
  const facts =
    result.facts && !keepBody
      ? { ...result.facts, rendered: { ...result.facts.rendered, html: "" } }
      : result.facts;
  return { ...result, facts, targets: result.targets.map((t) => (t.html === null ? t : { ...t, html: "" })) };
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
