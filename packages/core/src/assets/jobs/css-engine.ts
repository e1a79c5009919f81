import type { Range } from "../../model/range.ts";

/**
 * Bun's CSS parser, used to check each source file and to minify the finished bundle.
 * Files are given in memory under a root that does not exist, with every reference external,
 * so Bun neither reads the disk nor inlines `url()` targets: the bundler owns both.
 */
const VIRTUAL_ROOT = "/__bengal_css__";

export interface CssProblem {
  readonly message: string;
  readonly range: Range | null;
}

export type CssEngineResult = { ok: true; css: string } | { ok: false; problems: CssProblem[] };

export async function runCss(rel: string, text: string, minify: boolean): Promise<CssEngineResult> {
  const path = `${VIRTUAL_ROOT}/${rel}`;
  let result: Bun.BuildOutput;
  try {
    result = await Bun.build({
      entrypoints: [path],
      files: { [path]: text },
      external: ["*"],
      minify,
      throw: false,
    });
  } catch (error) {
    return { ok: false, problems: [{ message: (error as Error).message, range: null }] };
  }
  if (!result.success) {
    const problems = result.logs
      .filter((log) => log.level === "error")
      .map((log) => ({ message: log.message, range: logRange(log.position, 0) }));
    return {
      ok: false,
      problems: problems.length > 0 ? problems : [{ message: "invalid CSS", range: null }],
    };
  }
  const css = result.outputs.find((o) => o.path.endsWith(".css"));
  return css
    ? { ok: true, css: await css.text() }
    : { ok: false, problems: [{ message: "no CSS output", range: null }] };
}

/**
 * Bun reports 1-based lines; columns are 0-based from the CSS parser and 1-based from the
 * JS transpiler (checked against Bun 1.4.5), hence `columnBase`.
 */
export function logRange(
  position: { line: number; column: number; length?: number } | null | undefined,
  columnBase: 0 | 1,
): Range | null {
  if (!position || position.line < 1) return null;
  const line = position.line - 1;
  const character = Math.max(0, position.column - columnBase);
  return { start: { line, character }, end: { line, character: character + (position.length ?? 0) } };
}
