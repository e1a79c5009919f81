import { baseurlPath } from "../content/urls.ts";
import { diagnostic } from "../diagnostics/create.ts";
import { join } from "../host/path.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { OutputFile } from "../model/output.ts";
import type { Page } from "../model/page.ts";
import { type Range, ZERO_RANGE } from "../model/range.ts";
import type { LinkRef } from "../model/render.ts";
import type { SiteIndex } from "../model/site.ts";
import { createLineIndex } from "../parse/positions.ts";
import { checkLinks } from "./check.ts";
import { extractHtmlLinks, type HtmlFacts } from "./html-links.ts";
import { describeProblem, type LinkProblem } from "./html-problems.ts";
import { indexMarkdownLinks, rangeKey, type SourceLink } from "./markdown-match.ts";
import { type OutputLink, type OutputSite, resolveOutputLink } from "./output-links.ts";
import type { FileExists } from "./resolve.ts";

export interface HtmlCheckInput {
  readonly index: SiteIndex;
  /** Every output of the build: pages, assets, feeds, sitemap, alias redirects. */
  readonly outputs: readonly OutputFile[];
  /** Markdown links with their source ranges, per content file. */
  readonly markdown: ReadonlyArray<{ readonly sourcePath: string; readonly links: readonly LinkRef[] }>;
  /** Ids per page id from markdown, for the markdown-level check of links that never reach HTML. */
  readonly anchors: ReadonlyMap<string, ReadonlySet<string>>;
  readonly files: FileExists;
  /** Outputs kept from the previous build (their page failed): they exist, their ids are unknown. */
  readonly kept?: ReadonlySet<string>;
  /**
   * Links and ids of pages not rendered this time (an incremental build reuses them from the
   * cache), and of rendered ones when already extracted, so no HTML is parsed twice.
   */
  readonly htmlFacts?: ReadonlyMap<string, HtmlFacts>;
  /** Collect external URLs with where they are written (only `--check-external` needs them). */
  readonly collectExternal?: boolean;
}

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

/** A scheme or a leading `/`: the page an href is on does not change where it leads. */
const PAGE_INDEPENDENT = /^(?:[a-z][a-z0-9+.-]*:|\/)/i;

/** Resource hints name hosts, not documents: nothing to check. */
const HINT_RELS = /(^|\s)(preconnect|dns-prefetch)(\s|$)/;
const decoder = new TextDecoder();

/**
 * Link validation over the final HTML: every link of every page, layouts included, resolved
 * as a browser would. A link written in markdown is reported at its source range (with the
 * very diagnostic `checkLinks` gives the language server, when that one finds it too); raw
 * HTML in markdown at its place in the body; a layout's link once, at the first page it is on.
 */
export function checkHtmlLinks(input: HtmlCheckInput): HtmlCheckResult {
  const { index } = input;
  const baseurl = index.config.site.baseurl;
  const prefix = baseurlPath(baseurl);
  const byPath = new Map(input.outputs.map((o) => [o.path, o]));
  const has = (path: string) => byPath.has(path) || (input.htmlFacts?.has(path) ?? false);
  const files = new Set([...byPath.keys(), ...(input.kept ?? []), ...(input.htmlFacts?.keys() ?? [])]);
  const html = (path: string): string => {
    const content = byPath.get(path)!.content;
    return typeof content === "string" ? content : decoder.decode(content);
  };
  const factsCache = new Map<string, HtmlFacts>();
  const facts = (path: string): HtmlFacts => {
    let f = factsCache.get(path) ?? input.htmlFacts?.get(path);
    if (!f) {
      f = extractHtmlLinks(html(path));
      factsCache.set(path, f);
    }
    return f;
  };
  const redirects = new Map<string, string>();
  for (const alias of index.aliases) {
    const target = index.pages.get(alias.targetId);
    if (target) redirects.set(alias.outputPath, target.outputPath);
  }
  const site: OutputSite = {
    files,
    idsOf: (p) => (has(p) && /\.html?$/i.test(p) ? facts(p).ids : undefined),
    redirects,
  };

  // Root-relative and absolute hrefs (a layout's nav, stylesheets, most links) resolve the same
  // from every page: once each.
  const shared = new Map<string, OutputLink>();
  const resolveLink = (pageUrl: string, href: string): OutputLink => {
    if (!PAGE_INDEPENDENT.test(href.trim())) return resolveOutputLink(site, baseurl, pageUrl, href);
    let result = shared.get(href);
    if (result === undefined) {
      result = resolveOutputLink(site, baseurl, pageUrl, href);
      shared.set(href, result);
    }
    return result;
  };

  const markdown = indexMarkdownLinks(index, input.markdown, input.files);
  const mdDiagnostics = new Map<string, Diagnostic[]>();
  for (const d of checkLinks({ index, pages: input.markdown, anchors: input.anchors, files: input.files })) {
    const key = rangeKey(d.file, d.range);
    mdDiagnostics.set(key, [...(mdDiagnostics.get(key) ?? []), d]);
  }
  const seen = new Set<string>();
  const reported = new Map<string, Diagnostic>();
  const report = (d: Diagnostic) => {
    const key = `${d.code}|${rangeKey(d.file, d.range)}`;
    if (!reported.has(key)) reported.set(key, d);
  };
  const layout = new Map<string, { problem: LinkProblem; use: LinkUse; pages: string[] }>();
  const external = new Map<string, Map<string, LinkUse>>();
  // Scanning every body is costly: once per href.
  const anyBody = new Map<string, { file: string; range: Range } | null>();

  const targets = index.targets
    .filter((t) => has(t.outputPath))
    .sort((a, b) => (a.outputPath < b.outputPath ? -1 : a.outputPath > b.outputPath ? 1 : 0));
  for (const target of targets) {
    const page = index.pages.get(target.pageId);
    const source = page?.sourcePath ?? null;
    const pageFile = source ?? join(index.config.build.output_dir, target.outputPath);
    const hrefs = new Map<string, string>();
    for (const link of facts(target.outputPath).links)
      hrefs.set(link.href, link.tag === "link" ? link.rel : "");
    for (const [href, rel] of hrefs) {
      const result = resolveLink(target.url, href);
      const own = source ? markdown.bySource(source, href) : [];
      for (const m of own) seen.add(rangeKey(m.sourcePath, m.link.range));
      if (result.kind === "ok" || result.kind === "ignored") continue;
      if (result.kind === "external" && !input.collectExternal) continue;
      const written = own.length > 0 ? own : markdown.anywhere(href);
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
      const problem = describeProblem(index, files, prefix, href, result);
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
            : (facts(target.outputPath).ranges?.[href] ??
              (byPath.has(target.outputPath) ? findAttribute(html(target.outputPath), href, 0) : null) ??
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
    return findInAnyBody(href);
  }

  function findInAnyBody(href: string): { file: string; range: Range } | null {
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
    const same = mdDiagnostics.get(rangeKey(m.sourcePath, m.link.range));
    if (same) for (const d of same) report(d);
    else report(at(problem, m.sourcePath, m.link.range, pageUrl));
  }

  // Links that never reached HTML (an unused reference definition, a page whose layout failed).
  for (const page of input.markdown) {
    for (const link of page.links) {
      const key = rangeKey(page.sourcePath, link.range);
      if (!seen.has(key)) for (const d of mdDiagnostics.get(key) ?? []) report(d);
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
  for (const spelling of new Set([href, href.replaceAll("&", "&amp;")])) {
    for (const quote of ['"', "'"]) {
      const i = text.indexOf(`=${quote}${spelling}${quote}`);
      if (i < 0) continue;
      const r = createLineIndex(text).rangeAt(i + 2, i + 2 + spelling.length);
      return {
        start: { line: r.start.line + firstLine, character: r.start.character },
        end: { line: r.end.line + firstLine, character: r.end.character },
      };
    }
  }
  return null;
}
