import { Marked, type Token, type Tokens } from "marked";
import type { Position, Range } from "../../model/range.ts";
import type { Heading, LinkRef } from "../../model/render.ts";
import { bengalSyntax } from "./extensions.ts";
import { type HeadingToken, lexMarkdown, setextPrefilter } from "./lex.ts";
import { collectLinks } from "./offsets.ts";

/** Where a heading was written, for outlines, go-to-heading and heading renames. */
export interface HeadingRange {
  /** The heading's first source line, markers included. */
  readonly range: Range;
  /** Only the heading's text: no `#` markers, closing `#`s or `{#custom-id}`. */
  readonly textRange: Range;
}

/** What the language server and the link checker know about a page body without rendering it. */
export interface MarkdownAnalysis {
  readonly headings: Heading[];
  /** `headingRanges[i]` is where `headings[i]` is in the file (whole-file coordinates). */
  readonly headingRanges: HeadingRange[];
  /** Every id the rendered page will carry (same ids as the renderer's). */
  readonly anchors: string[];
  readonly links: LinkRef[];
}

let lexer: Marked | undefined;

const ATX = /^([ \t]*#{1,6}[ \t]*)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const CUSTOM_ID = /[ \t]*\{#[^\s{}#]+\}[ \t]*$/;

function headingRange(token: Token, start: Position): HeadingRange {
  const raw = token.raw;
  const nl = raw.indexOf("\n");
  const first = nl < 0 ? raw : raw.slice(0, nl);
  const at = (character: number): Position => ({ line: start.line, character: start.character + character });
  const range = { start: at(0), end: at(first.length) };
  const atx = ATX.exec(first);
  let textStart = 0;
  let text = first.trimEnd();
  if (atx && /^[ \t]*#/.test(first)) {
    textStart = atx[1]!.length;
    text = atx[2]!;
  } else {
    textStart = first.length - first.trimStart().length;
    text = text.trimStart();
  }
  const custom = CUSTOM_ID.exec(text);
  if (custom) text = text.slice(0, custom.index);
  return { range, textRange: { start: at(textStart), end: at(textStart + text.length) } };
}

/**
 * Lexes a page body (no highlighting, no HTML) with the renderer's own tokenizers, so heading ids
 * and link ranges are exactly what the build sees. Runs on Node as well as Bun.
 * `bodyLine` is the 0-based line where the body starts in the file; `_path` (site-relative) is kept
 * for symmetry with the renderer's input.
 */
export function analyzeMarkdown(_path: string, body: string, bodyLine: number): MarkdownAnalysis {
  lexer ??= new Marked(bengalSyntax, setextPrefilter);
  const lexed = lexMarkdown(lexer, body);
  // Heading ids are unique except repeated `{#custom}` ids, so positions queue up per id.
  const byId = new Map<string, HeadingRange[]>();
  const links = collectLinks(lexed.tokens, lexed.source, bodyLine, (token, start) => {
    if (token.type !== "heading") return;
    const id = (token as HeadingToken & Tokens.Heading).id ?? "";
    const list = byId.get(id) ?? [];
    list.push(headingRange(token, start));
    byId.set(id, list);
  });
  const nowhere = { start: { line: bodyLine, character: 0 }, end: { line: bodyLine, character: 0 } };
  const headingRanges = lexed.headings.map(
    (h) => byId.get(h.id)?.shift() ?? { range: nowhere, textRange: nowhere },
  );
  return { headings: lexed.headings, headingRanges, anchors: lexed.anchors, links };
}
