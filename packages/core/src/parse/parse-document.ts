import { parse as parseToml, TomlError } from "smol-toml";
import { diagnostic } from "../diagnostics/create.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { FrontMatter, KeyRanges, ParsedDocument } from "../model/page.ts";
import { pointRange, type Range } from "../model/range.ts";
import { typeFrontMatter } from "./fields.ts";
import { findFrontMatter } from "./front-matter.ts";
import { type KeyPath, nearestValueRange, type SourceLocator } from "./locator.ts";
import { createLineIndex, type LineIndex, shiftRange } from "./positions.ts";
import { readYaml } from "./read-yaml.ts";
import { readSimpleYaml } from "./simple-yaml.ts";
import { locateToml } from "./toml-locator.ts";
import { describeValue, isPlainObject, tomlErrorRange, tomlMessage } from "./values.ts";

export interface ParseOptions {
  /** Report pages without a title (`[content] require_title`). */
  readonly requireTitle?: boolean;
}

export interface ParseResult {
  readonly doc: ParsedDocument;
  readonly diagnostics: Diagnostic[];
}

const EMPTY: FrontMatter = { params: {} };

/**
 * Splits and types one Markdown file. Pure and runtime-neutral: the build and the language
 * server both call it. A broken front matter is reported and treated as empty, and the body
 * is still the text after it, so the page renders while the build fails on the error.
 */
export function parseDocument(path: string, text: string, options: ParseOptions = {}): ParseResult {
  // Positions are counted without a BOM, as editors do.
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const index = createLineIndex(src);
  const block = findFrontMatter(src);
  const diagnostics: Diagnostic[] = [];

  let frontMatter = EMPTY;
  let keyRanges: KeyRanges = {};
  let frontMatterRange: Range = pointRange(0, 0);
  if (block.format !== "none") {
    frontMatterRange = index.rangeAt(0, block.rawEnd);
    if (!block.closed) {
      diagnostics.push(
        diagnostic("frontmatter.unclosed", {
          file: path,
          range: pointRange(0, 0, block.fenceLength),
          message: `The ${block.format === "yaml" ? "---" : "+++"} front matter is never closed`,
        }),
      );
    } else {
      const raw = src.slice(block.rawStart, block.rawEnd);
      const read = readRaw(path, block.format, raw, block.rawStart, block.rawLine, index);
      diagnostics.push(...read.diagnostics);
      if (read.data && read.locator) {
        const locator = read.locator;
        const rangeOf = (p: KeyPath): Range => shiftRange(nearestValueRange(locator, p), block.rawLine);
        const typed = typeFrontMatter(path, read.data, rangeOf);
        frontMatter = typed.frontMatter;
        diagnostics.push(...typed.diagnostics);
        const ranges: Record<string, Range> = {};
        for (const key of Object.keys(read.data)) ranges[key] = rangeOf([key]);
        keyRanges = ranges;
      }
    }
  }

  if (options.requireTitle && frontMatter.title === undefined) {
    diagnostics.push(
      diagnostic("frontmatter.missing-title", {
        file: path,
        range: keyRanges.title ?? frontMatterRange,
        message: "The page has no title",
        hint: "Add `title: …` to the front matter, or set [content] require_title = false.",
      }),
    );
  }

  const doc: ParsedDocument = {
    path,
    frontMatter,
    keyRanges,
    format: block.format,
    body: block.format === "none" ? src : src.slice(block.bodyStart),
    bodyLine: block.format === "none" ? 0 : block.bodyLine,
  };
  return { doc, diagnostics };
}

interface RawFrontMatter {
  readonly data: Record<string, unknown> | null;
  readonly locator: SourceLocator | null;
  readonly diagnostics: Diagnostic[];
}

function readRaw(
  file: string,
  format: "yaml" | "toml",
  raw: string,
  rawStart: number,
  rawLine: number,
  index: LineIndex,
): RawFrontMatter {
  const fail = (d: Diagnostic): RawFrontMatter => ({ data: null, locator: null, diagnostics: [d] });
  let data: unknown;
  let locator: SourceLocator;
  if (format === "toml") {
    try {
      data = parseToml(raw);
    } catch (e) {
      if (!(e instanceof TomlError)) throw e;
      return fail(
        diagnostic("frontmatter.invalid-toml", {
          file,
          range: tomlErrorRange(e, index, rawLine),
          message: tomlMessage(e),
        }),
      );
    }
    locator = locateToml(raw);
  } else {
    const simple = readSimpleYaml(raw);
    if (simple) return { data: simple.data, locator: simple.locator, diagnostics: [] };
    const read = readYaml(raw, (message, start, end) =>
      diagnostic("frontmatter.invalid-yaml", {
        file,
        range: index.rangeAt(rawStart + start, rawStart + end),
        message,
      }),
    );
    if (read.locator === null) return read;
    data = read.data;
    locator = read.locator;
  }
  if (!isPlainObject(data)) {
    return fail(
      diagnostic("frontmatter.not-a-map", {
        file,
        range: index.rangeAt(rawStart, rawStart + raw.trimEnd().length),
        message: `Front matter must be a map of keys to values, got ${describeValue(data)}`,
      }),
    );
  }
  return { data, locator, diagnostics: [] };
}
