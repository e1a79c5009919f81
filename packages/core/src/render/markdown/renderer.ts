import { Marked, type Token, type Tokens } from "marked";
import { diagnostic } from "../../diagnostics/create.ts";
import type { Diagnostic } from "../../model/diagnostic.ts";
import type { Position } from "../../model/range.ts";
import type { LinkRef, RenderedMarkdown } from "../../model/render.ts";
import type { Highlighter, HighlightResult } from "../highlight/types.ts";
import { escapeHtml } from "../html-escape.ts";
import { bengalSyntax } from "./extensions.ts";
import { buildToc, countWords } from "./facts.ts";
import { footnotesHtml, type HtmlContext, htmlExtension, isMoreMarker } from "./html.ts";
import { type LexedMarkdown, lexMarkdown, setextPrefilter } from "./lex.ts";
import { collectLinks } from "./offsets.ts";

export interface MarkdownRendererOptions {
  /** `null` when highlighting is off: code blocks become escaped `<pre><code>`. */
  readonly highlighter: Highlighter | null;
  /** Words a minute, for `readingTime`. */
  readonly readingSpeed: number;
  readonly tocMinLevel: number;
  readonly tocMaxLevel: number;
}

export interface MarkdownInput {
  /** Site-relative path, used in diagnostics. */
  readonly path: string;
  readonly body: string;
  /** 0-based line of the file where the body starts (after front matter). */
  readonly bodyLine: number;
  /** Maps a link or image destination to its URL; `null` keeps it as written. */
  readonly resolveLink: (href: string) => string | null;
}

export interface MarkdownOutput {
  readonly result: RenderedMarkdown;
  readonly links: LinkRef[];
  readonly diagnostics: Diagnostic[];
}

/** A page lexed and its code highlighted, waiting for the HTML pass. */
export interface PreparedMarkdown {
  readonly input: MarkdownInput;
  readonly lexed: LexedMarkdown;
  readonly links: LinkRef[];
  readonly fences: ReadonlyMap<Token, Position>;
  readonly highlighted: ReadonlyMap<Tokens.Code, HighlightResult> | null;
}

export interface MarkdownRenderer {
  /**
   * Lexes the page and highlights its code blocks (async: a block in no cache may need shiki
   * created). Resolves no links, so it can run outside dependency tracking.
   */
  prepare(input: MarkdownInput): Promise<PreparedMarkdown>;
  /** The HTML pass, synchronous: links are resolved here through `input.resolveLink`. */
  finish(prepared: PreparedMarkdown): MarkdownOutput;
  /** `finish(await prepare(input))`. */
  render(input: MarkdownInput): Promise<MarkdownOutput>;
}

/** The language named by a fence's info string (`js title="x"` → `js`). */
export function fenceLanguage(info: string | undefined): string {
  return (info ?? "").trim().split(/\s/, 1)[0] ?? "";
}

/**
 * One renderer per options key: the `Marked` instance and its extensions are built here once and
 * reused for every page. Each page is lexed once; the tokens give headings, links, TOC and HTML.
 */
export function createMarkdownRenderer(options: MarkdownRendererOptions): MarkdownRenderer {
  const { highlighter } = options;
  let current: HtmlContext | null = null;
  const marked = new Marked(
    bengalSyntax,
    setextPrefilter,
    htmlExtension(() => {
      if (!current) throw new Error("markdown renderer used outside render()");
      return current;
    }),
  );

  const prepare = async (input: MarkdownInput): Promise<PreparedMarkdown> => {
    const lexed = lexMarkdown(marked, input.body);
    const fences = new Map<Token, Position>();
    const links = collectLinks(lexed.tokens, lexed.source, input.bodyLine, (t, start) => {
      if (t.type === "code") fences.set(t, start);
    });
    const highlighted = highlighter ? await highlightAll(highlighter, lexed.tokens) : null;
    return { input, lexed, links, fences, highlighted };
  };

  const finish = (prepared: PreparedMarkdown): MarkdownOutput => {
    const { input, lexed, links, fences, highlighted } = prepared;
    const diagnostics: Diagnostic[] = [];

    const code = (token: Tokens.Code): string => {
      const lang = fenceLanguage(token.lang);
      if (!highlighted) {
        const cls = lang ? ` class="language-${escapeHtml(lang)}"` : "";
        return `<pre><code${cls}>${escapeHtml(token.text)}</code></pre>`;
      }
      const out = highlighted.get(token);
      if (!out) throw new Error("a code block was rendered that the highlighting pass did not see");
      if (!out.known && lang) {
        const start = fences.get(token) ?? { line: input.bodyLine, character: 0 };
        const fenceLine = token.raw.split("\n", 1)[0]!;
        diagnostics.push(
          diagnostic("markdown.unknown-language", {
            message: `Unknown code block language "${lang}" in ${input.path}; shown as plain text.`,
            file: input.path,
            range: { start, end: { line: start.line, character: start.character + fenceLine.length } },
          }),
        );
      }
      return out.html;
    };

    current = { resolveLink: input.resolveLink, code };
    let parts: string[];
    let notes: string;
    try {
      // Top-level tokens render independently, so the summary is a slice of the same pass.
      parts = lexed.tokens.map((t) => marked.parser([t]));
      notes = footnotesHtml(lexed.footnotes, lexed.footnoteRefIds, (tokens) => marked.parser(tokens));
    } finally {
      current = null;
    }

    const more = lexed.tokens.findIndex(isMoreMarker);
    const firstParagraph = lexed.tokens.findIndex((t) => t.type === "paragraph");
    const summaryHtml =
      more >= 0 ? parts.slice(0, more).join("") : firstParagraph >= 0 ? parts[firstParagraph]! : "";
    const wordCount = countWords(lexed.tokens);
    const html = parts.join("") + notes;
    const result: RenderedMarkdown = {
      html,
      headings: lexed.headings,
      toc: buildToc(lexed.headings, options.tocMinLevel, options.tocMaxLevel),
      summaryHtml: summaryHtml.trim(),
      wordCount,
      readingTime: Math.max(1, Math.ceil(wordCount / Math.max(1, options.readingSpeed))),
      anchors: lexed.anchors,
      ...(highlighted && highlighted.size > 0 ? { codeBlocks: blockRanges(html, highlighted.values()) } : {}),
    };
    return { result, links, diagnostics };
  };

  return { prepare, finish, render: async (input) => finish(await prepare(input)) };
}

/**
 * Each highlighted block's [start, end) in the page's HTML, found in document order. Any place
 * that holds a block's exact HTML is a block, wherever it came from; one not found is left out.
 */
function blockRanges(html: string, blocks: Iterable<HighlightResult>): number[] {
  const out: number[] = [];
  let from = 0;
  for (const block of blocks) {
    const at = html.indexOf(block.html, from);
    if (at < 0) continue;
    out.push(at, at + block.html.length);
    from = at + block.html.length;
  }
  return out;
}

/** Every code block of the document (lists, tables, quotes, admonitions and footnotes included), in order. */
function codeBlocks(tokens: readonly Token[], out: Tokens.Code[] = []): Tokens.Code[] {
  for (const t of tokens) {
    if (t.type === "code") out.push(t as Tokens.Code);
    else if (t.type === "list") codeBlocks((t as Tokens.List).items, out);
    else if (t.type === "table") {
      const table = t as Tokens.Table;
      for (const cell of table.header) codeBlocks(cell.tokens, out);
      for (const row of table.rows) for (const cell of row) codeBlocks(cell.tokens, out);
    } else {
      const children = (t as Tokens.Generic).tokens;
      if (children) codeBlocks(children, out);
    }
  }
  return out;
}

async function highlightAll(
  highlighter: Highlighter,
  tokens: readonly Token[],
): Promise<Map<Tokens.Code, HighlightResult>> {
  const out = new Map<Tokens.Code, HighlightResult>();
  for (const token of codeBlocks(tokens)) {
    out.set(token, await highlighter.highlight(token.text, fenceLanguage(token.lang) || "text"));
  }
  return out;
}
