import type { Range } from "../model/range.ts";
import type { KeyPath, SourceLocator } from "./locator.ts";
import { createLineIndex, type LineIndex } from "./positions.ts";

/**
 * A fast reader for the front matter nearly every page has: `key: scalar`, `key: [a, "b"]` and
 * `key:` followed by `- item` lines. It returns exactly what the `yaml` package's parse + toJS +
 * `locateYaml` give (same values, same ranges), and null for anything else — comments, tabs,
 * escapes, nesting, anchors, empty values, odd keys — which the `yaml` package then reads. The
 * `yaml` package costs ~40 µs a page, most of the language server's first index of a big site.
 */

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Entry {
  readonly key: Span;
  value: Span;
  items: Span[] | null;
}

export interface SimpleYaml {
  readonly data: Record<string, unknown>;
  readonly locator: SourceLocator;
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]{0,127}):(?: +|$)/;
/** Keys the core schema would not read as strings. */
const NON_STRING_KEYS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);
const ITEM = /^( *)- +/;
const PLAIN_START = /^(?:[A-Za-z0-9_(/.~+\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd]|-[^ ])/;

/** The YAML 1.2 core schema, in the `yaml` package's own order and with its own conversions. */
function resolvePlain(s: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === "t" || s[0] === "T";
  if (/^0o[0-7]+$/.test(s)) return Number.parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return Number.parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    if (s.slice(-3).toLowerCase() === "nan") return Number.NaN;
    return s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return Number.parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return Number.parseFloat(s);
  return s;
}

/** Printable characters only (valid surrogate pairs included), none of `"\#` and, in flow context, none of `[]{},:`. */
function printable(text: string, from: number, to: number, flow: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (i + 1 >= to || d < 0xdc00 || d > 0xdfff) return false;
      i++;
      continue;
    }
    if (c < 0x20 || (c > 0x7e && c < 0xa0) || (c >= 0xdc00 && c <= 0xdfff) || c === 0xfeff || c > 0xfffd)
      return false;
    if (c === 0x23 || c === 0x5c) return false;
    if (flow && (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2c || c === 0x3a))
      return false;
  }
  return true;
}

interface Scalar {
  readonly span: Span;
  readonly value: unknown;
}

/** A plain or quoted scalar at `start` running to `end` (trailing spaces allowed after it). */
function scalar(line: string, offset: number, start: number, end: number, flow: boolean): Scalar | null {
  const q = line[start];
  if (q === '"' || q === "'") {
    const close = line.indexOf(q, start + 1);
    if (close < 0 || close >= end || line[close + 1] === q) return null;
    if (!printable(line, start + 1, close, false) || line.slice(start + 1, close).includes('"')) return null;
    for (let i = close + 1; i < end; i++) if (line[i] !== " ") return null;
    return { span: { start: offset + start, end: offset + close + 1 }, value: line.slice(start + 1, close) };
  }
  let stop = end;
  while (stop > start && line[stop - 1] === " ") stop--;
  const text = line.slice(start, stop);
  if (text === "" || !PLAIN_START.test(text) || !printable(line, start, stop, flow)) return null;
  if (text.endsWith(":") || text.includes(": ") || text.includes('"')) return null;
  return { span: { start: offset + start, end: offset + stop }, value: resolvePlain(text) };
}

/** `[a, "b", c]` filling the rest of the line. */
function flowSeq(line: string, offset: number, start: number): { span: Span; items: Scalar[] } | null {
  const items: Scalar[] = [];
  let i = start + 1;
  const skip = () => {
    while (line[i] === " ") i++;
  };
  skip();
  if (line[i] !== "]") {
    for (;;) {
      skip();
      const q = line[i];
      let itemEnd: number;
      if (q === '"' || q === "'") {
        const close = line.indexOf(q, i + 1);
        if (close < 0) return null;
        itemEnd = close + 1;
      } else {
        itemEnd = i;
        while (itemEnd < line.length && line[itemEnd] !== "," && line[itemEnd] !== "]") itemEnd++;
      }
      const item = scalar(line, offset, i, itemEnd, true);
      if (!item) return null;
      items.push(item);
      i = itemEnd;
      skip();
      if (line[i] === ",") {
        i++;
        continue;
      }
      if (line[i] === "]") break;
      return null;
    }
  }
  const end = i + 1;
  for (let j = end; j < line.length; j++) if (line[j] !== " ") return null;
  return { span: { start: offset + start, end: offset + end }, items };
}

export function readSimpleYaml(raw: string): SimpleYaml | null {
  if (raw.includes("\r") || raw.includes("\t") || raw.includes("#")) return null;
  const data: Record<string, unknown> = {};
  const entries = new Map<string, Entry>();
  let open: { entry: Entry; values: unknown[]; indent: number; dash: number } | null = null;
  let first: number | null = null;
  let last = 0;
  let pos = 0;
  while (pos < raw.length) {
    const nl = raw.indexOf("\n", pos);
    const lineEnd = nl < 0 ? raw.length : nl;
    const line = raw.slice(pos, lineEnd);
    const offset = pos;
    pos = lineEnd + 1;
    if (line.trim() === "") continue;
    const item = ITEM.exec(line);
    if (item) {
      if (!open || (open.values.length > 0 && item[1]!.length !== open.indent)) return null;
      const s = scalar(line, offset, item[0].length, line.length, false);
      if (!s) return null;
      // The list's range starts at its first dash, as the yaml package's does.
      if (open.values.length === 0) open.dash = offset + item[1]!.length;
      open.indent = item[1]!.length;
      open.values.push(s.value);
      open.entry.items!.push(s.span);
      open.entry.value = { start: open.dash, end: s.span.end };
      last = s.span.end;
      continue;
    }
    if (open?.values.length === 0) return null;
    open = null;
    const m = KEY.exec(line);
    if (!m) return null;
    const key = m[1]!;
    if (NON_STRING_KEYS.has(key) || key === "__proto__" || entries.has(key)) return null;
    const keySpan = { start: offset, end: offset + key.length };
    first ??= offset;
    const start = m[0].length;
    if (start === line.length || line.slice(start).trim() === "") {
      const entry: Entry = { key: keySpan, value: keySpan, items: [] };
      entries.set(key, entry);
      const values: unknown[] = [];
      data[key] = values;
      open = { entry, values, indent: 0, dash: 0 };
      continue;
    }
    if (line[start] === "[") {
      const seq = flowSeq(line, offset, start);
      if (!seq) return null;
      entries.set(key, { key: keySpan, value: seq.span, items: seq.items.map((x) => x.span) });
      data[key] = seq.items.map((x) => x.value);
      last = seq.span.end;
      continue;
    }
    const s = scalar(line, offset, start, line.length, false);
    if (!s) return null;
    entries.set(key, { key: keySpan, value: s.span, items: null });
    data[key] = s.value;
    last = s.span.end;
  }
  if (first === null || open?.values.length === 0) return null;
  return { data, locator: simpleLocator(raw, entries, { start: first, end: last }) };
}

function simpleLocator(raw: string, entries: ReadonlyMap<string, Entry>, whole: Span): SourceLocator {
  let index: LineIndex | undefined;
  const range = (s: Span | undefined): Range | null => {
    if (!s) return null;
    index ??= createLineIndex(raw);
    // As locateYaml does: a value ending in whitespace (a no-break space counts) is not squiggled there.
    let end = s.end;
    while (end > s.start && /\s/.test(raw[end - 1]!)) end--;
    return index.rangeAt(s.start, end);
  };
  const find = (path: KeyPath): { key: Span | undefined; value: Span | undefined } | null => {
    if (path.length === 0) return { key: undefined, value: whole };
    const entry = entries.get(String(path[0]));
    if (!entry) return null;
    if (path.length === 1) return { key: entry.key, value: entry.value };
    const seg = path[1];
    if (path.length > 2 || !entry.items || typeof seg !== "number") return null;
    const item = entry.items[seg];
    return { key: item, value: item };
  };
  return {
    value: (path) => {
      const found = find(path);
      return found ? (range(found.value) ?? range(found.key)) : null;
    },
    key: (path) => range(find(path)?.key),
  };
}
