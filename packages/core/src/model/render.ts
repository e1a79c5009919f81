import type { Range } from "./range.ts";

export interface Heading {
  readonly level: number;
  readonly text: string;
  readonly id: string;
}

/** A link or image found in a page body, with where it was written. */
export interface LinkRef {
  readonly kind: "link" | "image" | "definition";
  /** As written in the source. */
  readonly href: string;
  /** Range of the destination in the file (0-based, whole-file coordinates). */
  readonly range: Range;
}

/** What rendering one page's markdown returns: HTML plus the facts later passes need. */
export interface RenderedMarkdown {
  readonly html: string;
  readonly headings: readonly Heading[];
  /** Headings within the configured TOC levels, nested by level. */
  readonly toc: readonly TocEntry[];
  readonly summaryHtml: string;
  readonly wordCount: number;
  readonly readingTime: number;
  /** Every id in the rendered HTML (heading ids, `{#custom}`, raw HTML `id=`), for anchor checks. */
  readonly anchors: readonly string[];
  /**
   * Where the highlighted code blocks sit in `html`, as [start, end) pairs. Made of spans and
   * escaped text only, they hold no link or id: reading a page's links skips their insides
   * (~40% of a generated page's tags). Absent in facts cached before it was recorded.
   */
  readonly codeBlocks?: readonly number[];
}

export interface TocEntry {
  readonly level: number;
  readonly text: string;
  readonly id: string;
  readonly children: readonly TocEntry[];
}
