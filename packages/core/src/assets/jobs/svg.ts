import { XMLValidator } from "fast-xml-parser";
import { diagnostic } from "../../diagnostics/create.ts";
import { decodeUtf8 } from "../../host/host.ts";
import type { AssetJob, Processed, ReadBytes } from "./types.ts";

/** Whitespace inside these is content (text layout, scripts, styles), so it is kept. */
const PRESERVE = new Set([
  "text",
  "tspan",
  "textpath",
  "title",
  "desc",
  "style",
  "script",
  "foreignobject",
  "pre",
]);

/**
 * Checks that the SVG is well-formed XML (a browser refuses a malformed one) and, when minifying,
 * drops comments and whitespace-only text between tags outside text-bearing elements. Tags,
 * attributes and real text are kept byte for byte.
 */
export async function processSvg(job: AssetJob, read: ReadBytes): Promise<Processed> {
  let text: string;
  try {
    text = decodeUtf8(job.source, await read(job.source));
  } catch (error) {
    return fail(job, `cannot read ${job.rel}: ${(error as Error).message}`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const range = {
      start: { line: line - 1, character: col - 1 },
      end: { line: line - 1, character: col - 1 },
    };
    return fail(job, `invalid SVG in ${job.rel}: ${msg}`, range);
  }
  return { ok: true, content: job.options.minify ? minifySvg(text) : text, diagnostics: [] };
}

export function minifySvg(text: string): string {
  const out: string[] = [];
  const stack: { name: string; preserve: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "<") {
      const next = text.indexOf("<", i);
      const end = next < 0 ? text.length : next;
      const chunk = text.slice(i, end);
      if (chunk.trim() !== "" || stack.at(-1)?.preserve) out.push(chunk);
      i = end;
      continue;
    }
    if (text.startsWith("<!--", i)) {
      i = endOf(text, "-->", i + 4);
      continue;
    }
    const end = text.startsWith("<![CDATA[", i)
      ? endOf(text, "]]>", i + 9)
      : text.startsWith("<!", i)
        ? doctypeEnd(text, i)
        : tagEnd(text, i);
    const tag = text.slice(i, end);
    out.push(tag);
    i = end;
    const open = /^<([A-Za-z_][\w:.-]*)/.exec(tag);
    if (open && !tag.endsWith("/>")) {
      const name = open[1]!.toLowerCase().replace(/^.*:/, "");
      const preserve =
        (stack.at(-1)?.preserve ?? false) ||
        PRESERVE.has(name) ||
        /\sxml:space\s*=\s*["']preserve["']/.test(tag);
      stack.push({ name, preserve });
    } else if (tag.startsWith("</")) {
      stack.pop();
    }
  }
  return out.join("").trim();
}

function endOf(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? text.length : at + marker.length;
}

/** A tag ends at the first `>` outside a quoted attribute value. */
function tagEnd(text: string, start: number): number {
  let quote = "";
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i + 1;
  }
  return text.length;
}

/** `<!DOCTYPE svg [ <!ENTITY …> ]>`: the internal subset may hold `>` of its own. */
function doctypeEnd(text: string, start: number): number {
  let bracket = 0;
  for (let i = start + 2; i < text.length; i++) {
    const c = text[i]!;
    if (c === "[") bracket++;
    else if (c === "]") bracket--;
    else if (c === ">" && bracket <= 0) return i + 1;
  }
  return text.length;
}

function fail(job: AssetJob, message: string, range?: import("../../model/range.ts").Range): Processed {
  return {
    ok: false,
    diagnostics: [diagnostic("asset.failed", { file: job.file, message, ...(range ? { range } : {}) })],
  };
}
