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

function countIn(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (WORDLIKE.test(w)) n++;
  return n;
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
