/**
 * Finds `@import` rules and `url()` tokens in CSS text, skipping comments and strings, so the
 * bundler can splice files and rewrite references without a full CSS parser.
 */
export interface CssImport {
  readonly kind: "import";
  /** Offsets of the whole rule, `;` included. */
  readonly start: number;
  readonly end: number;
  readonly url: string;
  /** What follows the URL (`screen`, `layer(base)`, `supports(display: grid)`), trimmed. */
  readonly conditions: string;
}

export interface CssUrl {
  readonly kind: "url";
  /** Offsets of the whole `url(...)` token. */
  readonly start: number;
  readonly end: number;
  readonly url: string;
  /** The quote the author used, `""` for an unquoted URL. */
  readonly quote: string;
}

export type CssRef = CssImport | CssUrl;

const IDENT = /[A-Za-z0-9_-]/;

export function scanCss(text: string): CssRef[] {
  const refs: CssRef[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (c === '"' || c === "'") {
      i = skipString(text, i);
    } else if (c === "{") {
      depth++;
      i++;
    } else if (c === "}") {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (c === "@" && depth === 0 && matchWord(text, i + 1, "import")) {
      const imp = readImport(text, i);
      if (imp) refs.push(imp);
      i = imp ? imp.end : i + 7;
    } else if ((c === "u" || c === "U") && matchWord(text, i, "url(") && !IDENT.test(text[i - 1] ?? " ")) {
      const url = readUrl(text, i);
      if (url) refs.push(url);
      i = url ? url.end : i + 4;
    } else {
      i++;
    }
  }
  return refs;
}

function matchWord(text: string, at: number, word: string): boolean {
  return text.slice(at, at + word.length).toLowerCase() === word;
}

/** Index just past the closing quote (or the end of the line for an unterminated string). */
function skipString(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\") i += 2;
    else if (c === quote) return i + 1;
    else if (c === "\n") return i;
    else i++;
  }
  return i;
}

function unescapeString(raw: string): string {
  return raw.replace(/\\(.)/g, "$1");
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function readUrl(text: string, start: number): CssUrl | null {
  let i = skipSpace(text, start + 4);
  const q = text[i];
  if (q === '"' || q === "'") {
    const endQuote = skipString(text, i);
    const url = unescapeString(text.slice(i + 1, endQuote - 1));
    i = skipSpace(text, endQuote);
    if (text[i] !== ")") return null;
    return { kind: "url", start, end: i + 1, url, quote: q };
  }
  const close = text.indexOf(")", i);
  if (close < 0) return null;
  return { kind: "url", start, end: close + 1, url: text.slice(i, close).trim(), quote: "" };
}

function readImport(text: string, start: number): CssImport | null {
  let i = skipSpace(text, start + 7);
  let url: string;
  const q = text[i];
  if (q === '"' || q === "'") {
    const endQuote = skipString(text, i);
    url = unescapeString(text.slice(i + 1, endQuote - 1));
    i = endQuote;
  } else if (matchWord(text, i, "url(")) {
    const u = readUrl(text, i);
    if (!u) return null;
    url = u.url;
    i = u.end;
  } else {
    return null;
  }
  const condStart = i;
  let parens = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i = skipString(text, i);
      continue;
    }
    if (c === "(") parens++;
    else if (c === ")") parens--;
    else if ((c === ";" && parens <= 0) || c === "{" || c === "}") break;
    i++;
  }
  if (text[i] !== ";") return null;
  return { kind: "import", start, end: i + 1, url, conditions: text.slice(condStart, i).trim() };
}
