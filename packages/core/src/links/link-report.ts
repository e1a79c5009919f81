import { diagnostic } from "../diagnostics/create.ts";
import { join } from "../host/path.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Page } from "../model/page.ts";
import { type Range, ZERO_RANGE } from "../model/range.ts";
import type { LinkRef } from "../model/render.ts";
import type { RenderTarget } from "../model/site.ts";
import { createLineIndex, type LineIndex } from "../parse/positions.ts";
import { describeProblem, type LinkProblem } from "./html-problems.ts";
import type { LinkContext, TargetCheck } from "./link-context.ts";
import { rangeKey, type SourceLink } from "./markdown-match.ts";

/** Where a link is reported: its markdown source range, else the page's file. */
export interface LinkUse {
  readonly file: string;
  readonly range: Range;
  /** Site URL of the page the link is on. */
  readonly pageUrl: string;
}

export interface HtmlCheckResult {
  readonly diagnostics: Diagnostic[];
  /** http(s) URLs outside the site with every place they occur, for `--check-external`. */
  readonly external: ReadonlyMap<string, readonly LinkUse[]>;
}

/** Which markdown links may never have reached HTML. */
export interface ReportScope {
  /** The markdown pages to look at: all of them, or those a check found unseen links on. */
  readonly pages: Iterable<{ readonly sourcePath: string; readonly links: readonly LinkRef[] }>;
  /** The link-checked outputs of a page. */
  outputsOf(pageId: string): readonly string[];
}

/** Resource hints name hosts, not documents: nothing to check. */
const HINT_RELS = /(^|\s)(preconnect|dns-prefetch)(\s|$)/;

/**
 * Turns per-output checks into the site's report. A link written in markdown is reported at
 * its source range (with the very diagnostic `checkLinks` gives the language server, when that
 * one finds it too); raw HTML in markdown at its place in the body; a layout's link once, at the
 * first page it is on. `checks` need only hold the outputs with something to report (by
 * output path); `scope` says where links that reached no HTML can be. Cost grows with the
 * problems, not with the site.
 */
export function reportLinks(
  ctx: LinkContext,
  checks: ReadonlyMap<string, { readonly target: RenderTarget; readonly check: TargetCheck }>,
  scope: ReportScope,
): HtmlCheckResult {
  const { index } = ctx;
  const reported = new Map<string, Diagnostic>();
  const report = (d: Diagnostic) => {
    const key = `${d.code}|${rangeKey(d.file, d.range)}`;
    if (!reported.has(key)) reported.set(key, d);
  };
  const layout = new Map<string, { problem: LinkProblem; use: LinkUse; pages: string[] }>();
  const external = new Map<string, Map<string, LinkUse>>();
  // Scanning every body is costly: once per href.
  const anyBody = new Map<string, { file: string; range: Range } | null>();
  for (const path of [...checks.keys()].sort()) {
    const { target, check } = checks.get(path)!;
    const page = index.pages.get(target.pageId);
    const source = page?.sourcePath ?? null;
    const pageFile = source ?? join(index.config.build.output_dir, target.outputPath);
    // Broken and external links never meet in the report, so each list keeps its own page order.
    const links = check.external.length > 0 ? [...check.broken, ...check.external] : check.broken;
    for (const [href, rel] of links) {
      const { result } = ctx.resolve(target.url, href);
      if (result.kind === "ok" || result.kind === "ignored") continue;
      if (result.kind === "external" && !ctx.input.collectExternal) continue;
      const own = source ? (ctx.own(source).get(ctx.key(href)) ?? []) : [];
      const written = own.length > 0 ? own : ctx.markdown().anywhere(href);
      const inBody = written.length === 0 ? findInBodies(page, href) : null;
      const uses: LinkUse[] = written.map((m) => ({
        file: m.sourcePath,
        range: m.link.range,
        pageUrl: target.url,
      }));
      if (inBody) uses.push({ file: inBody.file, range: inBody.range, pageUrl: target.url });
      if (result.kind === "external") {
        if (HINT_RELS.test(rel)) continue;
        const at = external.get(result.url) ?? new Map<string, LinkUse>();
        external.set(result.url, at);
        for (const use of uses.length > 0
          ? uses
          : [{ file: pageFile, range: ZERO_RANGE, pageUrl: target.url }]) {
          const key = rangeKey(use.file, use.range);
          if (!at.has(key)) at.set(key, use);
        }
        continue;
      }
      const problem = describeProblem(index, ctx.files, ctx.prefix, href, result);
      if (written.length > 0) {
        for (const m of written) reportWritten(m, problem, target.url);
      } else if (inBody) {
        report(at(problem, inBody.file, inBody.range, target.url));
      } else {
        const group = layout.get(problem.key);
        if (group) group.pages.push(target.url);
        else {
          // A generated page has no source: point into its output, from ranges recorded at render time
          // (so a page reused from the cache reports the same place).
          const range = source
            ? ZERO_RANGE
            : (ctx.facts(path).ranges?.[href] ??
              (ctx.byPath.has(path) ? findAttribute(ctx.html(path), href, 0) : null) ??
              ZERO_RANGE);
          layout.set(problem.key, {
            problem,
            use: { file: pageFile, range, pageUrl: target.url },
            pages: [target.url],
          });
        }
      }
    }
  }

  /** Raw HTML in markdown: this page's body first, then any page's (a summary shown on a list). */
  function findInBodies(page: Page | undefined, href: string): { file: string; range: Range } | null {
    if (page?.sourcePath) {
      const range = findAttribute(page.body, href, page.bodyLine);
      if (range) return { file: page.sourcePath, range };
    }
    let found = anyBody.get(href);
    if (found !== undefined) return found;
    found = null;
    for (const p of index.pages.values()) {
      if (!p.sourcePath) continue;
      const range = findAttribute(p.body, href, p.bodyLine);
      if (range) {
        found = { file: p.sourcePath, range };
        break;
      }
    }
    anyBody.set(href, found);
    return found;
  }

  function reportWritten(m: SourceLink, problem: LinkProblem, pageUrl: string) {
    const same = ctx.mdDiagnostics(m.sourcePath).get(rangeKey(m.sourcePath, m.link.range));
    if (same) for (const d of same) report(d);
    else report(at(problem, m.sourcePath, m.link.range, pageUrl));
  }

  // Links that never reached HTML (an unused reference definition, a page whose layout failed):
  // unseen by every checked output of their page.
  for (const page of scope.pages) {
    if (page.links.length === 0) continue;
    const pageId = index.bySource.get(page.sourcePath);
    const outputs = pageId !== undefined ? scope.outputsOf(pageId) : [];
    let unseen: Set<string> | null = null;
    for (const out of outputs) {
      const keys = checks.get(out)?.check.unseen ?? [];
      unseen = new Set(unseen === null ? keys : keys.filter((k) => unseen!.has(k)));
      if (unseen.size === 0) break;
    }
    if (unseen?.size === 0) continue;
    const md = ctx.mdDiagnostics(page.sourcePath);
    if (md.size === 0) continue;
    for (const link of page.links) {
      const key = rangeKey(page.sourcePath, link.range);
      if (unseen === null || unseen.has(key)) for (const d of md.get(key) ?? []) report(d);
    }
  }
  for (const { problem, use, pages } of layout.values()) {
    const where =
      pages.length === 1
        ? `on ${pages[0]}`
        : `on ${pages.length} pages (${pages.slice(0, 3).join(", ")}${pages.length > 3 ? ", …" : ""})`;
    report(
      diagnostic(problem.code, {
        file: use.file,
        range: use.range,
        message: `${problem.message}, in the layout ${where}`,
        ...(problem.hint ? { hint: problem.hint } : {}),
      }),
    );
  }
  const externalUses = new Map<string, LinkUse[]>();
  for (const url of [...external.keys()].sort()) externalUses.set(url, [...external.get(url)!.values()]);
  return { diagnostics: [...reported.values()], external: externalUses };
}

function at(problem: LinkProblem, file: string, range: Range, pageUrl: string): Diagnostic {
  return diagnostic(problem.code, {
    file,
    range,
    message: `${problem.message} on ${pageUrl}`,
    ...(problem.hint ? { hint: problem.hint } : {}),
  });
}

/** Where an attribute holding `href` was written in `text` (`="…"`, `='…'`), as a range, or null. */
export function findAttribute(text: string, href: string, firstLine: number): Range | null {
  const at = attributeValueAt(text, href);
  if (!at) return null;
  const r = createLineIndex(text).rangeAt(at[0], at[1]);
  return {
    start: { line: r.start.line + firstLine, character: r.start.character },
    end: { line: r.end.line + firstLine, character: r.end.character },
  };
}

/**
 * `findAttribute` for many hrefs of one text (a generated page's links), with one line index
 * for all: made again for each of a list page's hundred links, it was most of the cost.
 */
export function attributeRanges(text: string, hrefs: Iterable<string>): Record<string, Range> {
  const ranges: Record<string, Range> = {};
  let lines: LineIndex | null = null;
  for (const href of hrefs) {
    if (Object.hasOwn(ranges, href)) continue;
    const at = attributeValueAt(text, href);
    if (!at) continue;
    lines ??= createLineIndex(text);
    ranges[href] = lines.rangeAt(at[0], at[1]);
  }
  return ranges;
}

/** Start and end offsets of the first attribute value spelling `href`, quoted either way. */
function attributeValueAt(text: string, href: string): readonly [number, number] | null {
  for (const spelling of href.includes("&") ? [href, href.replaceAll("&", "&amp;")] : [href]) {
    for (const quote of ['"', "'"]) {
      const i = text.indexOf(`=${quote}${spelling}${quote}`);
      if (i >= 0) return [i + 2, i + 2 + spelling.length];
    }
  }
  return null;
}
