import {
  analyzeMarkdown,
  type Diagnostic,
  diagnostic,
  type Host,
  join,
  type MarkdownAnalysis,
  type ParseResult,
  parseDocument,
} from "@bengal/core/analysis";
import { readOrNull } from "./overlay-host.ts";

/** One content file as last read: parsed and analysed once per text. */
export interface DocState {
  /** Site-relative path (`content/docs/intro.md`). */
  readonly path: string;
  readonly text: string;
  readonly requireTitle: boolean;
  readonly parsed: ParseResult;
  readonly analysis: MarkdownAnalysis;
  readonly anchors: ReadonlySet<string>;
  /** What the content index reads from this file; the index is rebuilt only when it changes. */
  readonly indexKey: string;
}

export type ReadOutcome =
  | { readonly kind: "doc"; readonly doc: DocState }
  | { readonly kind: "error"; readonly diagnostic: Diagnostic }
  | { readonly kind: "gone" };

/** Past this size a body is not lexed: its front matter still is, and nothing hangs on a stray log file. */
const MAX_ANALYSED = 4 * 1024 * 1024;

const EMPTY_ANALYSIS: MarkdownAnalysis = { headings: [], headingRanges: [], anchors: [], links: [] };

export function analyzeText(path: string, text: string, requireTitle: boolean): DocState {
  const parsed = parseDocument(path, text, { requireTitle });
  const { doc } = parsed;
  const analysis =
    doc.body.length > MAX_ANALYSED ? EMPTY_ANALYSIS : analyzeMarkdown(path, doc.body, doc.bodyLine);
  return {
    path,
    text,
    requireTitle,
    parsed,
    analysis,
    anchors: new Set(analysis.anchors),
    indexKey: JSON.stringify([doc.frontMatter, doc.keyRanges]),
  };
}

/**
 * Reads and analyses a content file, reusing `previous` when the text is unchanged. Read errors
 * become the build's own `content.unreadable` / `content.not-utf8` diagnostics.
 */
export async function readDoc(
  host: Host,
  root: string,
  path: string,
  requireTitle: boolean,
  previous: DocState | undefined,
): Promise<ReadOutcome> {
  const text = await readOrNull(host, join(root, path));
  if (text === null) return { kind: "gone" };
  if (typeof text !== "string") {
    const notUtf8 = text.code === "not-utf8";
    return {
      kind: "error",
      diagnostic: diagnostic(notUtf8 ? "content.not-utf8" : "content.unreadable", {
        file: path,
        message: notUtf8 ? `${path} is not valid UTF-8` : `cannot read ${path}: ${text.message}`,
      }),
    };
  }
  if (previous && previous.text === text && previous.requireTitle === requireTitle) {
    return { kind: "doc", doc: previous };
  }
  return { kind: "doc", doc: analyzeText(path, text, requireTitle) };
}
