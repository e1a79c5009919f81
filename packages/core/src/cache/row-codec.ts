import {
  type HtmlFacts,
  type PlainHtmlFacts,
  plainHtmlFacts,
  revivedHtmlFacts,
} from "../links/html-links.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { PageFacts } from "../render/page-render.ts";
import type { Deps } from "../render/track/dep-value.ts";

/**
 * The render tables' columns as JSON text. Every page stores a row of each kind, so their
 * encoding is paid once per page on a cold build: Bun's `v8.serialize` took 3-4x the time of
 * `JSON.stringify` on these plain objects (~100 ms of one thread per 1,000 pages), and the
 * only value JSON cannot carry, the set of element ids, travels as an array.
 */

/** Most outputs have no diagnostics: an empty column, with nothing to decode. */
export function encodeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.length === 0 ? "" : JSON.stringify(diagnostics);
}

export function decodeDiagnostics(text: string): Diagnostic[] {
  return text === "" ? [] : (JSON.parse(text) as Diagnostic[]);
}

export function encodeHtmlFacts(facts: HtmlFacts): string {
  return JSON.stringify(plainHtmlFacts(facts));
}

export function decodeHtmlFacts(text: string): HtmlFacts {
  return revivedHtmlFacts(JSON.parse(text) as PlainHtmlFacts);
}

/**
 * A page's markdown facts without the two parts stored in columns of their own: the body
 * HTML (read only when needed) and the dependencies (kept as text the planner searches).
 */
export function encodeFacts(facts: PageFacts): string {
  const { html: _html, ...rendered } = facts.rendered;
  return JSON.stringify({ rendered, links: facts.links, diagnostics: facts.diagnostics });
}

/** `html` is defined on the result by the caller (lazily); `deps` are the row's. */
export function decodeFacts(text: string, deps: Deps): PageFacts {
  const stored = JSON.parse(text) as Omit<PageFacts, "deps">;
  return { ...stored, deps };
}
