import { diagnostic } from "../../diagnostics/create.ts";
import type { Diagnostic } from "../../model/diagnostic.ts";
import { createLineIndex } from "../../parse/positions.ts";
import { bundleCss, type Segment, sourceAt } from "./css-bundle.ts";
import { type CssProblem, runCss } from "./css-engine.ts";
import type { AssetJob, CssContext, Processed, ReadBytes } from "./types.ts";

/**
 * Bundles the stylesheet, then runs the bundle once through Bun's CSS parser: that both checks
 * it and, when asked, minifies it. Parse errors are mapped back to the file they came from.
 */
export async function processCss(job: AssetJob, ctx: CssContext, read: ReadBytes): Promise<Processed> {
  const bundle = await bundleCss(job, ctx, read);
  if (bundle.text === null) return { ok: false, diagnostics: bundle.diagnostics };
  const result = await runCss(job.rel, bundle.text, job.options.minify);
  if (!result.ok) {
    const errors = result.problems.map((p) => problemDiagnostic(job, bundle.text!, bundle.segments, p));
    return { ok: false, diagnostics: [...bundle.diagnostics, ...errors] };
  }
  return {
    ok: true,
    content: job.options.minify ? result.css : bundle.text,
    diagnostics: bundle.diagnostics,
  };
}

function problemDiagnostic(
  job: AssetJob,
  text: string,
  segments: readonly Segment[],
  p: CssProblem,
): Diagnostic {
  if (!p.range)
    return diagnostic("asset.failed", { file: job.file, message: `invalid CSS in ${job.rel}: ${p.message}` });
  const lines = createLineIndex(text);
  const offset = lines.lineStart(p.range.start.line) + p.range.start.character;
  const origin = sourceAt(segments, offset);
  if (!origin)
    return diagnostic("asset.failed", { file: job.file, message: `invalid CSS in ${job.rel}: ${p.message}` });
  const { source, at } = origin;
  return diagnostic("asset.failed", {
    file: source.file,
    message: `invalid CSS in ${source.rel}: ${p.message}`,
    range: source.lines.rangeAt(at, at),
  });
}
