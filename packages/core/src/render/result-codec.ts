import { type PlainHtmlFacts, plainHtmlFacts, revivedHtmlFacts } from "../links/html-links.ts";
import type { TargetOutput } from "./page-render.ts";
import type { PooledResult } from "./worker-output.ts";

/**
 * A worker's results as JSON text. A batch's results are megabytes of plain data (link facts,
 * dependencies, page facts), and `v8.serialize` took ~5% of a worker's time on them where
 * `JSON.stringify` takes a third of that; the build process parses them faster too. The one
 * value JSON cannot carry, each output's set of element ids, travels as an array.
 */
export function encodeResults(results: readonly PooledResult[]): string {
  return JSON.stringify(results.map((r) => ({ ...r, targets: r.targets.map(idsAsArray) })));
}

export function decodeResults(text: string): PooledResult[] {
  return (JSON.parse(text) as PooledResult[]).map((r) => ({ ...r, targets: r.targets.map(idsAsSet) }));
}

function idsAsArray(t: TargetOutput): TargetOutput {
  return t.htmlFacts ? { ...t, htmlFacts: plainHtmlFacts(t.htmlFacts) as never } : t;
}

function idsAsSet(t: TargetOutput): TargetOutput {
  const facts = t.htmlFacts as PlainHtmlFacts | null;
  return facts ? { ...t, htmlFacts: revivedHtmlFacts(facts) } : t;
}
