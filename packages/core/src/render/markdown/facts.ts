import type { Token, Tokens } from "marked";
import type { Heading, TocEntry } from "../../model/render.ts";
import { plainText } from "./text.ts";

interface MutableTocEntry {
  level: number;
  text: string;
  id: string;
  children: MutableTocEntry[];
}

/** Headings within `[min, max]`, each nested under the closest shallower heading before it. */
export function buildToc(headings: readonly Heading[], min: number, max: number): TocEntry[] {
  const root: MutableTocEntry[] = [];
  const stack: MutableTocEntry[] = [];
  for (const h of headings) {
    if (h.level < min || h.level > max) continue;
    const entry: MutableTocEntry = { level: h.level, text: h.text, id: h.id, children: [] };
    while (stack.length > 0 && stack.at(-1)!.level >= h.level) stack.pop();
    (stack.at(-1)?.children ?? root).push(entry);
    stack.push(entry);
  }
  return root;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * How many whitespace-separated runs of `text` hold a letter or a digit: what
 * `text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length` gives, in one pass over the
 * character codes (a regex test only for a non-ASCII character of a run not yet known to count).
 */
export function countIn(text: string): number {
  let n = 0;
  let wordlike = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) {
        if (wordlike) n++;
        wordlike = false;
      } else if (!wordlike && ((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122))) {
        wordlike = true;
      }
    } else if (isUnicodeSpace(c)) {
      if (wordlike) n++;
      wordlike = false;
    } else if (!wordlike) {
      const point = text.codePointAt(i)!;
      wordlike = WORDLIKE.test(String.fromCodePoint(point));
      if (point > 0xffff) i++;
    }
  }
  return wordlike ? n + 1 : n;
}

/** The non-ASCII characters of JavaScript's `\s`. */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Words a reader reads: prose, headings, list and table text; not code blocks, raw HTML or URLs. */
export function countWords(tokens: readonly Token[]): number {
  let words = 0;
  for (const t of tokens) {
    switch (t.type) {
      case "paragraph":
      case "heading":
      case "text":
        words += countIn(plainText(t.tokens ?? [t]));
        break;
      case "list":
        words += countWords((t as Tokens.List).items);
        break;
      case "table": {
        const table = t as Tokens.Table;
        for (const cell of table.header) words += countIn(plainText(cell.tokens));
        for (const row of table.rows) for (const cell of row) words += countIn(plainText(cell.tokens));
        break;
      }
      case "list_item":
      case "blockquote":
      case "admonition":
        words += countWords(t.tokens ?? []);
        break;
      default:
        break;
    }
  }
  return words;
}
