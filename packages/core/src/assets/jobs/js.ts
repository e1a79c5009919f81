import { diagnostic } from "../../diagnostics/create.ts";
import { decodeUtf8 } from "../../host/host.ts";
import type { Diagnostic } from "../../model/diagnostic.ts";
import { logRange } from "./css-engine.ts";
import type { AssetJob, Processed, ReadBytes } from "./types.ts";

/**
 * Whitespace-only minification through Bun's transpiler: it keeps every statement and name
 * (classic scripts define globals; nothing is bundled or tree-shaken). The transpiler parses
 * as a module and drops `"use strict"` directives, so a file-level prologue is put back and a
 * file with directives inside functions is left unminified rather than changed in meaning.
 */
const transpiler = new Bun.Transpiler({
  loader: "js",
  target: "browser",
  minifyWhitespace: true,
  deadCodeElimination: false,
  treeShaking: false,
  trimUnusedImports: false,
});

const STRICT = /(["'])use strict\1/g;
const PROLOGUE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use strict\1/;

export async function processJs(job: AssetJob, read: ReadBytes): Promise<Processed> {
  let text: string;
  try {
    text = decodeUtf8(job.source, await read(job.source));
  } catch (error) {
    return fail(job, `cannot read ${job.rel}: ${(error as Error).message}`);
  }
  let minified: string;
  try {
    minified = transpiler.transformSync(text);
  } catch (error) {
    return { ok: false, diagnostics: syntaxErrors(job, error) };
  }
  if (!job.options.minify) return { ok: true, content: text, diagnostics: [] };
  const directives = text.match(STRICT)?.length ?? 0;
  if (directives === 0) return { ok: true, content: minified, diagnostics: [] };
  if (directives === 1 && PROLOGUE.test(text)) {
    return { ok: true, content: `"use strict";${minified}`, diagnostics: [] };
  }
  return { ok: true, content: text, diagnostics: [] };
}

interface BunLog {
  readonly message?: string;
  readonly position?: { line: number; column: number; length?: number } | null;
}

function syntaxErrors(job: AssetJob, error: unknown): readonly Diagnostic[] {
  const logs: BunLog[] = (error as { errors?: BunLog[] }).errors ?? [error as BunLog];
  const out = logs.map((log) => {
    const range = logRange(log.position, 1);
    return diagnostic("asset.failed", {
      file: job.file,
      message: `invalid JavaScript in ${job.rel}: ${log.message ?? String(error)}`,
      ...(range ? { range } : {}),
    });
  });
  return out.length > 0 ? out : fail(job, `invalid JavaScript in ${job.rel}`).diagnostics;
}

function fail(job: AssetJob, message: string): Processed {
  return { ok: false, diagnostics: [diagnostic("asset.failed", { file: job.file, message })] };
}
