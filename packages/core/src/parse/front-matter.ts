/** Where the front matter block of a Markdown file is, before any parsing of its content. */
export type FrontMatterBlock =
  | { readonly format: "none" }
  | {
      readonly format: "yaml" | "toml";
      readonly closed: boolean;
      /** Offset of the first character after the opening fence line. */
      readonly rawStart: number;
      /** Offset of the closing fence line (the end of the text when unclosed). */
      readonly rawEnd: number;
      /** 0-based line of `rawStart`: always 1, the opening fence being line 0. */
      readonly rawLine: number;
      readonly bodyStart: number;
      readonly bodyLine: number;
      /** Length of the opening fence on line 0, for diagnostics. */
      readonly fenceLength: number;
    };

const FENCES = { "---": "yaml", "+++": "toml" } as const;

/** Finds `---`/`+++` fences; accepts CRLF, trailing spaces after fences, and YAML's `...` end marker. */
export function findFrontMatter(text: string): FrontMatterBlock {
  const firstBreak = text.indexOf("\n");
  const firstLine = (firstBreak < 0 ? text : text.slice(0, firstBreak)).trimEnd();
  const format = FENCES[firstLine as keyof typeof FENCES];
  if (format === undefined) return { format: "none" };
  const rawStart = firstBreak < 0 ? text.length : firstBreak + 1;
  let lineStart = rawStart;
  let line = 1;
  while (lineStart < text.length) {
    const br = text.indexOf("\n", lineStart);
    const lineEnd = br < 0 ? text.length : br;
    const content = text.slice(lineStart, lineEnd).trimEnd();
    if (content === firstLine || (format === "yaml" && content === "...")) {
      const bodyStart = br < 0 ? text.length : br + 1;
      return {
        format,
        closed: true,
        rawStart,
        rawEnd: lineStart,
        rawLine: 1,
        bodyStart,
        bodyLine: line + 1,
        fenceLength: 3,
      };
    }
    if (br < 0) break;
    lineStart = br + 1;
    line++;
  }
  return {
    format,
    closed: false,
    rawStart,
    rawEnd: text.length,
    rawLine: 1,
    bodyStart: rawStart,
    bodyLine: 1,
    fenceLength: 3,
  };
}
