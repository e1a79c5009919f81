import { Marked, type Token, type Tokens } from "marked";
import { diagnostic } from "../../diagnostics/create.ts";
import type { Diagnostic } from "../../model/diagnostic.ts";
import type { Position } from "../../model/range.ts";
import type { LinkRef, RenderedMarkdown } from "../../model/render.ts";
import type { Highlighter } from "../highlight/types.ts";
import { bengalSyntax } from "./extensions.ts";
import { buildToc, countWords } from "./facts.ts";
import { footnotesHtml, type HtmlContext, htmlExtension, isMoreMarker } from "./html.ts";
import { lexMarkdown, setextPrefilter } from "./lex.ts";
import { collectLinks } from "./offsets.ts";
import { escapeHtml } from "./text.ts";

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

export interface MarkdownRenderer {
  render(input: MarkdownInput): MarkdownOutput;
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

  return {
    render(input) {
      const lexed = lexMarkdown(marked, input.body);
      const diagnostics: Diagnostic[] = [];
      const fences = new Map<Token, Position>();
      const links = collectLinks(lexed.tokens, lexed.source, input.bodyLine, (t, start) => {
        if (t.type === "code") fences.set(t, start);
      });

      const code = (token: Tokens.Code): string => {
        const lang = fenceLanguage(token.lang);
        if (!highlighter) {
          const cls = lang ? ` class="language-${escapeHtml(lang)}"` : "";
          return `<pre><code${cls}>${escapeHtml(token.text)}</code></pre>`;
        }
        const out = highlighter.highlight(token.text, lang || "text");
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
      const result: RenderedMarkdown = {
        html: parts.join("") + notes,
        headings: lexed.headings,
        toc: buildToc(lexed.headings, options.tocMinLevel, options.tocMaxLevel),
        summaryHtml: summaryHtml.trim(),
        wordCount,
        readingTime: Math.max(1, Math.ceil(wordCount / Math.max(1, options.readingSpeed))),
        anchors: lexed.anchors,
      };
      return { result, links, diagnostics };
    },
  };
}
