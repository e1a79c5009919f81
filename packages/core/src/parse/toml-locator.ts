import type { Range } from "../model/range.ts";
import { type KeyPath, pathId, type SourceLocator } from "./locator.ts";
import { createLineIndex } from "./positions.ts";

interface Span {
  readonly start: number;
  readonly end: number;
}

interface ParsedKey {
  readonly segments: readonly { readonly name: string; readonly span: Span }[];
}

/**
 * smol-toml returns plain values without positions, so this scanner walks the (already valid)
 * TOML text once and records where each key path and value was written: `[table]`,
 * `[[array.of.tables]]` (indexed per occurrence), dotted keys, inline tables and arrays.
 */
export function locateToml(text: string): SourceLocator {
  const index = createLineIndex(text);
  const keys = new Map<string, Span>();
  const values = new Map<string, Span>();
  const arrayCounts = new Map<string, number>();
  const n = text.length;
  let i = 0;

  const record = (path: KeyPath, key: Span, value: Span): void => {
    const id = pathId(path);
    if (!keys.has(id)) keys.set(id, key);
    if (!values.has(id)) values.set(id, value);
  };

  const skipSpaces = (): void => {
    while (i < n && (text[i] === " " || text[i] === "\t")) i++;
  };
  const skipBlank = (): void => {
    while (i < n) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\r" || c === "\n") i++;
      else if (c === "#") while (i < n && text[i] !== "\n") i++;
      else break;
    }
  };
  const skipLine = (): void => {
    while (i < n && text[i] !== "\n") i++;
  };

  const parseKey = (): ParsedKey | null => {
    const segments: { name: string; span: Span }[] = [];
    for (;;) {
      skipSpaces();
      const start = i;
      let name: string;
      if (text[i] === '"') {
        i++;
        while (i < n && text[i] !== '"' && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
        i++;
        name = unquoteBasic(text.slice(start, i));
      } else if (text[i] === "'") {
        i++;
        while (i < n && text[i] !== "'" && text[i] !== "\n") i++;
        i++;
        name = text.slice(start + 1, i - 1);
      } else {
        while (i < n && /[A-Za-z0-9_-]/.test(text[i]!)) i++;
        if (i === start) return null;
        name = text.slice(start, i);
      }
      segments.push({ name, span: { start, end: i } });
      skipSpaces();
      if (text[i] !== ".") return { segments };
      i++;
    }
  };

  // Records implicit parents of a dotted key (`a.b.c = 1` defines `a` and `a.b`).
  const recordKey = (base: KeyPath, key: ParsedKey, value: Span): KeyPath => {
    const path: (string | number)[] = [...base];
    for (const seg of key.segments) {
      path.push(seg.name);
      record(path, seg.span, seg === key.segments.at(-1) ? value : seg.span);
    }
    return path;
  };

  const scanValue = (path: KeyPath): Span => {
    const start = i;
    if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      const quote = text.slice(i, i + 3);
      i += 3;
      while (i < n && !text.startsWith(quote, i)) i += quote === '"""' && text[i] === "\\" ? 2 : 1;
      i += 3;
      while (i < n && text[i] === quote[0]) i++;
    } else if (text[i] === '"') {
      i++;
      while (i < n && text[i] !== '"' && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      i++;
    } else if (text[i] === "'") {
      i++;
      while (i < n && text[i] !== "'" && text[i] !== "\n") i++;
      i++;
    } else if (text[i] === "[") {
      i++;
      for (let k = 0; ; k++) {
        skipBlank();
        if (i >= n || text[i] === "]") break;
        const before = i;
        const item = scanValue([...path, k]);
        record([...path, k], item, item);
        skipBlank();
        if (text[i] === ",") i++;
        else if (text[i] !== "]" || i === before) break;
      }
      i++;
    } else if (text[i] === "{") {
      i++;
      for (;;) {
        skipSpaces();
        if (i >= n || text[i] === "}") break;
        const key = parseKey();
        if (!key) break;
        skipSpaces();
        if (text[i] !== "=") break;
        i++;
        skipSpaces();
        const keyPath = [...path, ...key.segments.map((s) => s.name)];
        const value = scanValue(keyPath);
        recordKey(path, key, value);
        skipSpaces();
        if (text[i] === ",") i++;
        else break;
      }
      skipSpaces();
      i++;
    } else {
      while (i < n && !/[,\]}#\r\n]/.test(text[i]!)) i++;
      let end = i;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      return { start, end };
    }
    i = Math.min(i, n);
    return { start, end: i };
  };

  // Header paths pass through earlier `[[x]]` occurrences: `[x.y]` after `[[x]]` is `x[last].y`.
  const resolveHeader = (key: ParsedKey, arrayOfTables: boolean): (string | number)[] => {
    const path: (string | number)[] = [];
    key.segments.forEach((seg, j) => {
      path.push(seg.name);
      const last = j === key.segments.length - 1;
      const count = arrayCounts.get(pathId(path));
      if (arrayOfTables && last) {
        const id = pathId(path);
        arrayCounts.set(id, (count ?? 0) + 1);
        path.push(count ?? 0);
      } else if (count !== undefined) {
        path.push(count - 1);
      } else if (!last) {
        record(path, seg.span, seg.span);
      }
    });
    return path;
  };

  let table: KeyPath = [];
  while (i < n) {
    skipBlank();
    if (i >= n) break;
    const before = i;
    if (text[i] === "[") {
      const arrayOfTables = text[i + 1] === "[";
      i += arrayOfTables ? 2 : 1;
      const key = parseKey();
      if (!key) {
        skipLine();
        continue;
      }
      skipSpaces();
      i += arrayOfTables ? 2 : 1;
      const header = { start: before, end: Math.min(i, n) };
      const keySpan = { start: key.segments[0]!.span.start, end: key.segments.at(-1)!.span.end };
      table = resolveHeader(key, arrayOfTables);
      if (arrayOfTables) record(table.slice(0, -1), keySpan, header);
      record(table, keySpan, header);
      skipLine();
      continue;
    }
    const key = parseKey();
    skipSpaces();
    if (!key || text[i] !== "=") {
      skipLine();
      if (i === before) i++;
      continue;
    }
    i++;
    skipSpaces();
    const value = scanValue([...table, ...key.segments.map((s) => s.name)]);
    recordKey(table, key, value);
  }

  const toRange = (span: Span | undefined): Range | null =>
    span ? index.rangeAt(span.start, span.end) : null;
  return {
    value: (path) => toRange(values.get(pathId(path))),
    key: (path) => toRange(keys.get(pathId(path))),
  };
}

function unquoteBasic(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
