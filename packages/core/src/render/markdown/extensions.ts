import type { MarkedExtension, Token, TokenizerThis } from "marked";

/**
 * Tokenizers for the syntax Bengal adds to GFM: footnotes, GitHub alerts and `!!!` admonitions.
 * Only tokenizers live here (no HTML), so the language server lexes exactly what the build renders.
 */

export interface FootnoteDefToken {
  type: "footnoteDef";
  raw: string;
  label: string;
  tokens: Token[];
}

export interface FootnoteRefToken {
  type: "footnoteRef";
  raw: string;
  label: string;
  /** Set by `prepareTokens`: the footnote's number and this reference's own id. */
  index?: number;
  refId?: string;
}

export interface AdmonitionToken {
  type: "admonition";
  raw: string;
  kind: string;
  /** `null` means no title bar (`!!! note ""`). */
  title: string | null;
  tokens: Token[];
}

export const ALERT_KINDS = ["note", "tip", "important", "warning", "caution"] as const;

/** Labels of the footnotes defined in the document being lexed; refs to others stay text. */
const definedFootnotes = new WeakMap<object, Set<string>>();

function footnoteLabels(lexer: object): Set<string> {
  let labels = definedFootnotes.get(lexer);
  if (!labels) {
    labels = new Set();
    definedFootnotes.set(lexer, labels);
  }
  return labels;
}

/**
 * marked asks block extensions where they might start in the rest of the document, to cut the
 * paragraph being read. A paragraph ends at a blank line anyway, so looking further is wasted work.
 */
function startInParagraph(src: string, pattern: RegExp): number | undefined {
  const end = src.indexOf("\n\n");
  return (end < 0 ? src : src.slice(0, end)).match(pattern)?.index;
}

/** Continuation of an indented block: lines indented 4 spaces (or a tab) and blank lines between them. */
function indentedBody(src: string, from: number): { body: string; end: number } {
  const lines: string[] = [];
  let pos = from;
  let end = from;
  while (pos < src.length) {
    const nl = src.indexOf("\n", pos);
    const lineEnd = nl < 0 ? src.length : nl + 1;
    const line = src.slice(pos, nl < 0 ? src.length : nl);
    if (/^(?: {4}|\t)/.test(line)) {
      lines.push(line.replace(/^(?: {4}|\t)/, ""));
      end = lineEnd;
    } else if (line.trim() === "") {
      lines.push("");
    } else {
      break;
    }
    pos = lineEnd;
  }
  // Blank lines after the last indented line belong to what follows.
  const kept = lines.slice(0, countUntilLastContent(lines));
  return { body: kept.join("\n"), end };
}

function countUntilLastContent(lines: string[]): number {
  let n = lines.length;
  while (n > 0 && lines[n - 1] === "") n--;
  return n;
}

const FOOTNOTE_DEF = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*([^\n]*)(?:\n|$)/;
/** Lines that would start a new block end a footnote's lazy first paragraph. */
const BLOCK_START = /^ {0,3}(?:[#>*+-]|\d{1,9}[.)]|```|~~~|\[\^|!!!|\||<)/;

const footnoteDef = {
  name: "footnoteDef",
  level: "block" as const,
  start(src: string) {
    return startInParagraph(src, /^ {0,3}\[\^[^\]\s]+\]:/m);
  },
  tokenizer(this: TokenizerThis, src: string): FootnoteDefToken | undefined {
    const m = FOOTNOTE_DEF.exec(src);
    if (!m) return undefined;
    let end = m[0].length;
    const lines = [m[2]!];
    // The first paragraph runs on over indented and lazy lines until a blank line or a new block.
    while (end < src.length) {
      const nl = src.indexOf("\n", end);
      const line = src.slice(end, nl < 0 ? src.length : nl);
      if (line.trim() === "" || BLOCK_START.test(line)) break;
      lines.push(line.replace(/^(?: {4}|\t)/, ""));
      end = nl < 0 ? src.length : nl + 1;
    }
    const rest = indentedBody(src, end);
    if (rest.body !== "") {
      lines.push("", rest.body);
      end = rest.end;
    }
    const label = m[1]!;
    footnoteLabels(this.lexer).add(label);
    return {
      type: "footnoteDef",
      raw: src.slice(0, end),
      label,
      tokens: this.lexer.blockTokens(lines.join("\n").trimEnd(), []),
    };
  },
};

const footnoteRef = {
  name: "footnoteRef",
  level: "inline" as const,
  start(src: string) {
    const i = src.indexOf("[^");
    return i < 0 ? undefined : i;
  },
  tokenizer(this: TokenizerThis, src: string): FootnoteRefToken | undefined {
    const m = /^\[\^([^\]\s]+)\]/.exec(src);
    if (!m || !footnoteLabels(this.lexer).has(m[1]!)) return undefined;
    return { type: "footnoteRef", raw: m[0], label: m[1]! };
  },
};

const ADMONITION = /^!!![ \t]*([\w-]+)(?:[ \t]+"([^"\n]*)")?[ \t]*(?:\n|$)/;

function titleCase(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

const admonition = {
  name: "admonition",
  level: "block" as const,
  start(src: string) {
    return startInParagraph(src, /^!!![ \t]*[\w-]+(?:[ \t]+"[^"\n]*")?[ \t]*$/m);
  },
  tokenizer(this: TokenizerThis, src: string): AdmonitionToken | undefined {
    const m = ADMONITION.exec(src);
    if (!m) return undefined;
    const kind = m[1]!.toLowerCase();
    const { body, end } = indentedBody(src, m[0].length);
    const title = m[2] === undefined ? titleCase(kind) : m[2] === "" ? null : m[2];
    return {
      type: "admonition",
      raw: src.slice(0, end),
      kind,
      title,
      tokens: this.lexer.blockTokens(body, []),
    };
  },
};

const ALERT = /^ {0,3}>[ \t]?\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;
const QUOTE_LINE = /^ {0,3}>[^\n]*(?:\n|$)/;

/** GitHub alerts: a blockquote whose first line is only `[!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION). */
const alert = {
  name: "alert",
  level: "block" as const,
  start(src: string) {
    return startInParagraph(src, /^ {0,3}>[ \t]?\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$/im);
  },
  tokenizer(this: TokenizerThis, src: string): AdmonitionToken | undefined {
    const m = ALERT.exec(src);
    if (!m) return undefined;
    let end = m[0].length;
    const lines: string[] = [];
    for (let q = QUOTE_LINE.exec(src.slice(end)); q; q = QUOTE_LINE.exec(src.slice(end))) {
      lines.push(q[0].replace(/\n$/, "").replace(/^ {0,3}>[ \t]?/, ""));
      end += q[0].length;
    }
    const kind = m[1]!.toLowerCase();
    return {
      type: "admonition",
      raw: src.slice(0, end),
      kind,
      title: titleCase(kind),
      tokens: this.lexer.blockTokens(lines.join("\n"), []),
    };
  },
};

/** The lexing half shared by analysis and rendering: GFM plus Bengal's tokenizers. */
export const bengalSyntax: MarkedExtension = {
  gfm: true,
  extensions: [footnoteDef, admonition, alert, footnoteRef],
};
