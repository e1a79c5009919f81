import type { Token, Tokens } from "marked";
import type { Position, Range } from "../../model/range.ts";
import type { LinkRef } from "../../model/render.ts";

/**
 * marked tokens carry no positions. A token's `raw` is a verbatim slice of the source, except
 * inside containers (blockquotes, list items, indented blocks) where prefixes such as `> ` or
 * indentation were stripped from each line. So each token is found by matching its raw line by
 * line, moving a cursor forward: within one parent, siblings are consecutive.
 */

/** Converts offsets in a `\n`-normalized body to whole-file positions (the body starts at `bodyLine`). */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** The line of the last answer: offsets are mostly asked for in document order. */
  private last = 0;
  constructor(
    source: string,
    private readonly bodyLine: number,
  ) {
    for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    const starts = this.starts;
    let lo = this.last;
    if (starts[lo]! <= offset && (lo + 1 >= starts.length || starts[lo + 1]! > offset)) {
      // Same line as the last answer.
    } else if (starts[lo]! <= offset && lo + 2 < starts.length && starts[lo + 2]! > offset) {
      lo++;
    } else {
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
    }
    this.last = lo;
    return { line: this.bodyLine + lo, character: offset - starts[lo]! };
  }
  range(offset: number, length: number): Range {
    return { start: this.position(offset), end: this.position(offset + length) };
  }
}

/**
 * `source.indexOf(needle, from)` for a needle that starts with no whitespace. A token usually
 * starts right after the blanks at the cursor, and checking there first spares a string search
 * (for a long paragraph, a costly one); no match can start on a blank, so the answer is the same.
 */
function find(source: string, needle: string, from: number): number {
  let p = from;
  for (; p < source.length; p++) {
    const c = source.charCodeAt(p);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
  }
  // A slice compared whole: `startsWith` walks character by character on V8.
  return source.slice(p, p + needle.length) === needle ? p : source.indexOf(needle, from);
}

/** Where `raw` starts in `source` at or after `from`, matching its first non-empty line; -1 if absent. */
function locate(source: string, raw: string, from: number): number {
  const nl = raw.indexOf("\n");
  const first = nl < 0 ? raw : raw.slice(0, nl);
  // Leading whitespace is matched loosely: marked expands tabs and re-indents continuation lines.
  const trimmed = first.trimStart();
  if (trimmed === "") return from;
  const at = find(source, trimmed, from);
  if (at < 0) return -1;
  const lineStart = source.lastIndexOf("\n", at - 1) + 1;
  return Math.max(lineStart, from, at - (first.length - trimmed.length));
}

/** What may remain on a source line that a blank line of `raw` stands for: container markers. */
const BLANK_REST = /^[\s>]*$/;

/** The offset just past `raw`, which starts at `start`, matching it line by line. */
function advance(source: string, raw: string, start: number): number {
  if (!raw.includes("\n")) {
    // One line (most inline tokens): the loop below without splitting.
    const line = raw.trimStart();
    if (line === "") return start;
    const at = find(source, line, start);
    return at < 0 ? start : at + line.length;
  }
  const lines = raw.split("\n");
  let pos = start;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimStart();
    if (line !== "") {
      const at = find(source, line, pos);
      if (at < 0) return pos;
      pos = at + line.length;
    } else if (i > 0 && !BLANK_REST.test(source.slice(pos, source.indexOf("\n", pos) >>> 0))) {
      // marked sometimes inserts a blank line the source lacks (lazy list continuations).
      continue;
    }
    if (i < lines.length - 1) {
      const next = source.indexOf("\n", pos);
      pos = next < 0 ? source.length : next + 1;
    }
  }
  return pos;
}

/** Block tokens whose children are inline content. */
const INLINE_PARENTS = new Set(["paragraph", "heading", "text"]);

/** Whether inline tokens hold a link or an image, at any depth. */
function holdsLinks(tokens: readonly Token[]): boolean {
  for (const t of tokens) {
    if (t.type === "link" || t.type === "image") return true;
    const children = (t as Tokens.Generic).tokens;
    if (children && holdsLinks(children)) return true;
  }
  return false;
}

/**
 * Calls `visit` with each token and the offset of its first character in `source`, in document
 * order: every block token, and the inline tokens of paragraphs, headings and list texts that
 * hold a link or an image (table cells always).
 */
export function walkWithOffsets(
  tokens: readonly Token[],
  source: string,
  visit: (token: Token, start: number) => void,
  from = 0,
): number {
  let cursor = from;
  for (const t of tokens) {
    const start = locate(source, t.raw, cursor);
    if (start < 0) continue;
    visit(t, start);
    if (t.type === "list") walkWithOffsets((t as Tokens.List).items, source, visit, start);
    else if (t.type === "table") {
      const table = t as Tokens.Table;
      let cell = start;
      for (const c of table.header) cell = walkWithOffsets(c.tokens, source, visit, cell);
      for (const row of table.rows)
        for (const c of row) cell = walkWithOffsets(c.tokens, source, visit, cell);
    } else {
      const children = (t as Tokens.Generic).tokens;
      // Inline content is only walked for the links it holds: placing every text run was most of the walk.
      if (children && (!INLINE_PARENTS.has(t.type) || holdsLinks(children))) {
        walkWithOffsets(children, source, visit, start);
      }
    }
    cursor = advance(source, t.raw, start);
  }
  return cursor;
}

/** Index of the `]` closing the bracket opened at `open`, skipping escapes and code spans; -1 if none. */
function closingBracket(raw: string, open: number): number {
  let depth = 0;
  for (let i = open; i < raw.length; i++) {
    const c = raw[i];
    if (c === "\\") i++;
    else if (c === "`") {
      let n = 1;
      while (raw[i + n] === "`") n++;
      const fence = "`".repeat(n);
      let close = raw.indexOf(fence, i + n);
      while (close >= 0 && raw[close + n] === "`") close = raw.indexOf(fence, close + n + 1);
      i = close < 0 ? i + n - 1 : close + n - 1;
    } else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i;
  }
  return -1;
}

/** A destination (or reference label) inside a token's raw text. */
interface Span {
  readonly offset: number;
  readonly text: string;
}

/** `(dest "title")` starting at `open` (the parenthesis or, for definitions, the first character after `:`). */
function destination(raw: string, from: number): Span {
  let i = from;
  while (i < raw.length && /\s/.test(raw[i]!)) i++;
  if (raw[i] === "<") {
    let j = i + 1;
    while (j < raw.length && raw[j] !== ">") j += raw[j] === "\\" ? 2 : 1;
    return { offset: i + 1, text: raw.slice(i + 1, Math.min(j, raw.length)) };
  }
  let j = i;
  let parens = 0;
  for (; j < raw.length; j++) {
    const c = raw[j]!;
    if (c === "\\") j++;
    else if (/\s/.test(c)) break;
    else if (c === "(") parens++;
    else if (c === ")" && parens-- === 0) break;
  }
  return { offset: i, text: raw.slice(i, Math.min(j, raw.length)) };
}

/** Where a link or image token names its target: the destination, or the reference label. */
function linkTarget(token: Tokens.Link | Tokens.Image): Span & { reference: boolean } {
  const raw = token.raw;
  if (token.type === "link" && token.autolink) {
    return raw.startsWith("<")
      ? { offset: 1, text: raw.slice(1, -1), reference: false }
      : { offset: 0, text: raw, reference: false };
  }
  const open = raw.indexOf("[");
  const close = closingBracket(raw, open);
  if (close < 0) return { offset: 0, text: raw, reference: false };
  const next = raw[close + 1];
  if (next === "(") return { ...destination(raw, close + 2), reference: false };
  if (next === "[") {
    const end = raw.indexOf("]", close + 2);
    if (end > close + 2) return { offset: close + 2, text: raw.slice(close + 2, end), reference: true };
  }
  return { offset: open + 1, text: raw.slice(open + 1, close), reference: true };
}

/**
 * Every link, image and reference definition in a lexed body, with the range of its destination
 * (for reference links, of the label) in whole-file coordinates. Reference links carry the href of
 * their definition. `source` is the `\n`-normalized body the tokens were lexed from.
 */
export function collectLinks(
  tokens: readonly Token[],
  source: string,
  bodyLine: number,
  /** Sees the tokens `walkWithOffsets` visits (every block token) with their whole-file start. */
  onToken?: (token: Token, start: Position) => void,
): LinkRef[] {
  const lines = new LineIndex(source, bodyLine);
  const links: LinkRef[] = [];
  walkWithOffsets(tokens, source, (t, start) => {
    onToken?.(t, lines.position(start));
    if (t.type === "link" || t.type === "image") {
      const token = t as Tokens.Link | Tokens.Image;
      const target = linkTarget(token);
      const href = target.reference || (token.type === "link" && token.autolink) ? token.href : target.text;
      links.push({ kind: token.type, href, range: lines.range(start + target.offset, target.text.length) });
    } else if (t.type === "def") {
      const close = closingBracket(t.raw, t.raw.indexOf("["));
      const dest = destination(t.raw, close + 2);
      links.push({
        kind: "definition",
        href: dest.text,
        range: lines.range(start + dest.offset, dest.text.length),
      });
    }
  });
  return links;
}
