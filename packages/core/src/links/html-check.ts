import type { RenderTarget } from "../model/site.ts";
import {
  checkTarget,
  createLinkContext,
  type HtmlCheckInput,
  hasIssues,
  type TargetCheck,
} from "./link-context.ts";
import { type HtmlCheckResult, type ReportScope, reportLinks } from "./link-report.ts";

export type { HtmlCheckInput, TargetCheck } from "./link-context.ts";
export { attributeRanges, findAttribute, type HtmlCheckResult, type LinkUse } from "./link-report.ts";

/** The render targets link validation covers: those whose output's links are known. */
export function checkedTargets(
  has: (path: string) => boolean,
  targets: readonly RenderTarget[],
): RenderTarget[] {
  return targets.filter((t) => has(t.outputPath));
}

/**
 * Link validation over the final HTML: every link of every page, layouts included, resolved
 * as a browser would. Each output is checked on its own (`checkTarget`), then the site's report
 * is made from the outputs with problems (`reportLinks`); the incremental build
 * (`incremental-check.ts`) keeps those per-output checks between builds.
 */
export function checkHtmlLinks(input: HtmlCheckInput): HtmlCheckResult {
  const ctx = createLinkContext(input);
  const checked = checkedTargets(ctx.has, input.index.targets);
  const checks = new Map<string, { target: RenderTarget; check: TargetCheck }>();
  for (const target of checked) {
    const check = checkTarget(ctx, target);
    if (hasIssues(check)) checks.set(target.outputPath, { target, check });
  }
  return reportLinks(ctx, checks, wholeSite(input, checked));
}

/** Every markdown page, and each page's checked outputs. */
export function wholeSite(input: HtmlCheckInput, checked: readonly RenderTarget[]): ReportScope {
  const outputs = new Map<string, string[]>();
  for (const t of checked) {
    const list = outputs.get(t.pageId);
    if (list) list.push(t.outputPath);
    else outputs.set(t.pageId, [t.outputPath]);
  }
  return { pages: input.markdown, outputsOf: (pageId) => outputs.get(pageId) ?? [] };
}
