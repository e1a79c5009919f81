import { Marked } from "marked";
import type { Heading, LinkRef } from "../../model/render.ts";
import { bengalSyntax } from "./extensions.ts";
import { lexMarkdown } from "./lex.ts";
import { collectLinks } from "./offsets.ts";

/** What the language server and the link checker know about a page body without rendering it. */
export interface MarkdownAnalysis {
  readonly headings: Heading[];
  /** Every id the rendered page will carry (same ids as the renderer's). */
  readonly anchors: string[];
  readonly links: LinkRef[];
}

let lexer: Marked | undefined;

/**
 * Lexes a page body (no highlighting, no HTML) with the renderer's own tokenizers, so heading ids
 * and link ranges are exactly what the build sees. Runs on Node as well as Bun.
 * `bodyLine` is the 0-based line where the body starts in the file; `_path` (site-relative) is kept
 * for symmetry with the renderer's input.
 */
export function analyzeMarkdown(_path: string, body: string, bodyLine: number): MarkdownAnalysis {
  lexer ??= new Marked(bengalSyntax);
  const lexed = lexMarkdown(lexer, body);
  return {
    headings: lexed.headings,
    anchors: lexed.anchors,
    links: collectLinks(lexed.tokens, lexed.source, bodyLine),
  };
}
