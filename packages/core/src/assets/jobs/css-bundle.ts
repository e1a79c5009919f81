import { diagnostic } from "../../diagnostics/create.ts";
import { decodeUtf8 } from "../../host/host.ts";
import type { Diagnostic } from "../../model/diagnostic.ts";
import { createLineIndex, type LineIndex } from "../../parse/positions.ts";
import { type CssImport, type CssUrl, scanCss } from "./css-scan.ts";
import { displayPath } from "./display.ts";
import { dirOf, isLocalRef, relativeRef, resolveRef, splitSuffix } from "./refs.ts";
import type { AssetJob, CssContext, ReadBytes } from "./types.ts";

export interface CssSource {
  readonly rel: string;
  /** The path diagnostics name. */
  readonly file: string;
  readonly text: string;
  readonly lines: LineIndex;
}

/** Where a stretch of the bundle came from: copied text maps offset by offset, made-up text to one spot. */
export interface Segment {
  readonly out: number;
  readonly source: CssSource;
  readonly at: number;
  readonly verbatim: boolean;
}

export interface CssBundle {
  /** `null` when a file of the bundle could not be read. */
  readonly text: string | null;
  readonly segments: readonly Segment[];
  readonly diagnostics: Diagnostic[];
}

const CHARSET = /^\s*@charset\s+("[^"]*"|'[^']*')\s*;[ \t]*\r?\n?/i;

/**
 * Inlines local `@import`s recursively (each resolved against the importing file, through the
 * asset table so site files override theme files) and points every local `url()` at the output
 * name of its target, relative to the entry's folder. External imports are hoisted to the top,
 * where CSS requires them. The segments let parse errors in the bundle be reported in the file
 * and at the position they come from.
 */
export async function bundleCss(job: AssetJob, ctx: CssContext, read: ReadBytes): Promise<CssBundle> {
  const diagnostics: Diagnostic[] = [];
  const entryDir = dirOf(job.rel);
  const head = new Output();
  const body = new Output();
  let failed = false;

  const load = async (rel: string, source: string): Promise<CssSource | null> => {
    const file = displayPath(ctx.siteRoot, source);
    try {
      const text = decodeUtf8(source, await read(source));
      return { rel, file, text, lines: createLineIndex(text) };
    } catch (error) {
      diagnostics.push(
        diagnostic("asset.failed", { file, message: `cannot read ${rel}: ${(error as Error).message}` }),
      );
      failed = true;
      return null;
    }
  };

  const rewriteUrl = (src: CssSource, ref: CssUrl): string => {
    const [path, suffix] = splitSuffix(ref.url);
    const target = resolveRef(src.rel, path);
    const known = ctx.outputs[target] ?? (ctx.sources[target] !== undefined ? target : null);
    if (known === null && !target.startsWith("../")) {
      diagnostics.push(
        diagnostic("asset.not-found", {
          file: src.file,
          severity: "warning",
          message: `${src.rel} refers to ${ref.url}, which is not an asset`,
          range: src.lines.rangeAt(ref.start, ref.end),
        }),
      );
    }
    return `url(${ref.quote}${relativeRef(entryDir, known ?? target)}${suffix}${ref.quote})`;
  };

  const importTarget = (src: CssSource, ref: CssImport): { rel: string; source: string } | null => {
    if (!isLocalRef(ref.url)) return null;
    const rel = resolveRef(src.rel, splitSuffix(ref.url)[0]);
    const source = ctx.sources[rel];
    if (source !== undefined) return { rel, source };
    diagnostics.push(
      diagnostic("asset.not-found", {
        file: src.file,
        message: `${src.rel} imports ${ref.url}, which is not an asset`,
        range: src.lines.rangeAt(ref.start, ref.end),
      }),
    );
    return null;
  };

  const visit = async (src: CssSource, stack: readonly string[]): Promise<void> => {
    const charset = CHARSET.exec(src.text);
    if (charset && stack.length === 1) head.synth(src, 0, `${charset[0].trim()}\n`);
    let pos = charset ? charset[0].length : 0;
    for (const ref of scanCss(src.text)) {
      if (ref.start < pos) continue;
      body.copy(src, pos, ref.start);
      pos = ref.end;
      if (ref.kind === "url") {
        if (isLocalRef(ref.url)) body.synth(src, ref.start, rewriteUrl(src, ref));
        else body.copy(src, ref.start, ref.end);
        continue;
      }
      // The rule's own line break goes with it, so a hoisted or inlined import leaves no blank line.
      if (src.text.startsWith("\r\n", pos)) pos += 2;
      else if (src.text[pos] === "\n") pos += 1;
      const target = importTarget(src, ref);
      if (!target) {
        head.synth(src, ref.start, `${src.text.slice(ref.start, ref.end)}\n`);
        continue;
      }
      if (stack.includes(target.rel)) {
        diagnostics.push(
          diagnostic("asset.failed", {
            file: src.file,
            severity: "warning",
            message: `circular @import of ${target.rel} from ${src.rel}; the import is dropped`,
            range: src.lines.rangeAt(ref.start, ref.end),
          }),
        );
        continue;
      }
      const child = await load(target.rel, target.source);
      if (!child) continue;
      const blocks = conditionBlocks(ref.conditions);
      if (blocks.length > 0) body.synth(src, ref.start, `${blocks.join("\n")}\n`);
      await visit(child, [...stack, target.rel]);
      if (blocks.length > 0)
        body.synth(src, ref.start, `${body.endsWithNewline() ? "" : "\n"}${"}".repeat(blocks.length)}\n`);
    }
    body.copy(src, pos, src.text.length);
  };

  const entry = await load(job.rel, job.source);
  if (entry) await visit(entry, [job.rel]);
  if (failed) return { text: null, segments: [], diagnostics };
  return {
    text: head.text + body.text,
    segments: [...head.segments, ...body.shifted(head.text.length)],
    diagnostics,
  };
}

class Output {
  text = "";
  segments: Segment[] = [];

  copy(source: CssSource, from: number, to: number): void {
    if (to <= from) return;
    this.segments.push({ out: this.text.length, source, at: from, verbatim: true });
    this.text += source.text.slice(from, to);
  }

  synth(source: CssSource, at: number, text: string): void {
    this.segments.push({ out: this.text.length, source, at, verbatim: false });
    this.text += text;
  }

  endsWithNewline(): boolean {
    return this.text === "" || this.text.endsWith("\n");
  }

  shifted(by: number): Segment[] {
    return this.segments.map((s) => ({ ...s, out: s.out + by }));
  }
}

/** `layer(base) supports(display: grid) screen` → the blocks that apply the same conditions. */
function conditionBlocks(conditions: string): string[] {
  let rest = conditions;
  const open: string[] = [];
  const layer = /^layer(?:\(([^)]*)\))?(?=\s|$)/i.exec(rest);
  if (layer) {
    open.push(layer[1] ? `@layer ${layer[1].trim()} {` : "@layer {");
    rest = rest.slice(layer[0].length).trim();
  }
  if (/^supports\(/i.test(rest)) {
    const close = matchingParen(rest, "supports".length);
    const inner = rest.slice("supports(".length, close).trim();
    open.push(`@supports ${inner.startsWith("(") ? inner : `(${inner})`} {`);
    rest = rest.slice(close + 1).trim();
  }
  if (rest !== "") open.push(`@media ${rest} {`);
  return open;
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  return text.length;
}

/** The file and offset a bundle offset came from. */
export function sourceAt(
  segments: readonly Segment[],
  offset: number,
): { source: CssSource; at: number } | null {
  let found: Segment | null = null;
  for (const s of segments) {
    if (s.out > offset) break;
    found = s;
  }
  if (!found) return null;
  const at = found.verbatim ? found.at + (offset - found.out) : found.at;
  return { source: found.source, at: Math.min(at, found.source.text.length) };
}
