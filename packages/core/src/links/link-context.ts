import { baseurlPath } from "../content/urls.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { OutputFile } from "../model/output.ts";
import type { LinkRef } from "../model/render.ts";
import type { RenderTarget, SiteIndex } from "../model/site.ts";
import { checkLinks } from "./check.ts";
import { extractHtmlLinks, type HtmlFacts } from "./html-links.ts";
import type { LinkPrints } from "./link-prints.ts";
import { hrefKey, type MarkdownLinks, rangeKey, type SourceLink } from "./markdown-match.ts";
import { type OutputLink, type OutputSite, resolveOutputLink } from "./output-links.ts";
import { type FileExists, rewriteHref } from "./resolve.ts";

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
  /** Outputs rendered this time: their link fingerprint and ids signature, made as they rendered. */
  readonly prints?: ReadonlyMap<string, LinkPrints>;
}

/**
 * What one output's links came to, independent of every other output: the broken hrefs (in
 * page order, with the `rel` they were written with) and which of its page's own markdown
 * links never reached its HTML. Where and how they are reported is decided for the whole site
 * at once (`reportLinks`), so this can be kept from one build to the next.
 */
export interface TargetCheck {
  readonly broken: ReadonlyArray<readonly [href: string, rel: string]>;
  /** http(s) links, only when external links are collected. */
  readonly external: ReadonlyArray<readonly [href: string, rel: string]>;
  /** `rangeKey`s of the page's markdown links not found in this output. */
  readonly unseen: readonly string[];
}

/** A scheme or a leading `/`: the page an href is on does not change where it leads. */
const PAGE_INDEPENDENT = /^(?:[a-z][a-z0-9+.-]*:|\/)/i;
const HTML = /\.html?$/i;
const decoder = new TextDecoder();

/** 32-bit FNV-1a: dependency keys only need to be told apart most of the time (a clash re-checks more). */
export function depHash(kind: "f" | "#", path: string): number {
  let h = kind === "f" ? 0x811c9dc5 : 0x050c5d1f;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface Resolved {
  readonly result: OutputLink;
  /** `depHash`es of every file whose presence, and every HTML file whose ids, decided the result. */
  readonly deps: readonly number[];
}

/** The finished output as link validation sees it, with lazily built lookups shared by all outputs. */
export interface LinkContext {
  readonly input: HtmlCheckInput;
  readonly index: SiteIndex;
  readonly baseurl: string;
  readonly prefix: string;
  /** Every output file: given ones, kept ones, pages with link facts. */
  readonly files: { has(path: string): boolean };
  readonly byPath: ReadonlyMap<string, OutputFile>;
  /** An output whose links and ids are known (link-checked if it is a render target). */
  has(path: string): boolean;
  facts(path: string): HtmlFacts;
  html(path: string): string;
  resolve(pageUrl: string, href: string): Resolved;
  /** A content file's markdown links, as given. */
  page(sourcePath: string): { readonly sourcePath: string; readonly links: readonly LinkRef[] } | undefined;
  /** The page's markdown links keyed by the href the renderer wrote for them. */
  own(sourcePath: string): ReadonlyMap<string, readonly SourceLink[]>;
  /** Every markdown link of the site, for HTML that shows another page's text (summaries). */
  markdown(): MarkdownLinks;
  /** The markdown-level diagnostics of one content file, by `rangeKey`. */
  mdDiagnostics(sourcePath: string): ReadonlyMap<string, readonly Diagnostic[]>;
  /** `hrefKey`, remembered: the same layout hrefs recur on every page. */
  key(href: string): string;
}

export function createLinkContext(input: HtmlCheckInput): LinkContext {
  const { index } = input;
  const baseurl = index.config.site.baseurl;
  const byPath = new Map(input.outputs.map((o) => [o.path, o]));
  const htmlFacts = input.htmlFacts;
  const kept = input.kept;
  const has = (path: string) => byPath.has(path) || (htmlFacts?.has(path) ?? false);
  const exists = (path: string) => has(path) || (kept?.has(path) ?? false);
  const extracted = new Map<string, HtmlFacts>();
  const html = (path: string): string => {
    const content = byPath.get(path)!.content;
    return typeof content === "string" ? content : decoder.decode(content);
  };
  const facts = (path: string): HtmlFacts => {
    let f = extracted.get(path) ?? htmlFacts?.get(path);
    if (!f) {
      f = extractHtmlLinks(html(path));
      extracted.set(path, f);
    }
    return f;
  };
  const redirects = new Map<string, string>();
  for (const alias of index.aliases) {
    const target = index.pages.get(alias.targetId);
    if (target) redirects.set(alias.outputPath, target.outputPath);
  }
  // What a resolution consulted, recorded through the site view below.
  let sink: number[] = [];
  const site: OutputSite = {
    files: {
      has: (p) => {
        sink.push(depHash("f", p));
        return exists(p);
      },
    },
    idsOf: (p) => {
      sink.push(depHash("#", p));
      return has(p) && HTML.test(p) ? facts(p).ids : undefined;
    },
    redirects: {
      get: (p) => {
        sink.push(depHash("#", p));
        return redirects.get(p);
      },
    },
  };
  const shared = new Map<string, Resolved>();
  const resolveNow = (pageUrl: string, href: string): Resolved => {
    sink = [];
    const result = resolveOutputLink(site, baseurl, pageUrl, href);
    return { result, deps: sink };
  };
  const keys = new Map<string, string>();
  const key = (href: string) => {
    let k = keys.get(href);
    if (k === undefined) {
      k = hrefKey(href);
      keys.set(href, k);
    }
    return k;
  };
  const ownCache = new Map<string, Map<string, SourceLink[]>>();
  let pagesBySource: Map<string, { sourcePath: string; links: readonly LinkRef[] }> | null = null;
  const pageOf = (sourcePath: string) => {
    pagesBySource ??= new Map(input.markdown.map((p) => [p.sourcePath, p]));
    return pagesBySource.get(sourcePath);
  };
  const own = (sourcePath: string): Map<string, SourceLink[]> => {
    let map = ownCache.get(sourcePath);
    if (map) return map;
    map = new Map();
    for (const link of pageOf(sourcePath)?.links ?? []) {
      const written = rewriteHref(index, sourcePath, link.href, input.files) ?? link.href;
      const k = hrefKey(written);
      const list = map.get(k);
      if (list) list.push({ sourcePath, link });
      else map.set(k, [{ sourcePath, link }]);
    }
    ownCache.set(sourcePath, map);
    return map;
  };
  let everywhere: MarkdownLinks | null = null;
  const mdCache = new Map<string, Map<string, Diagnostic[]>>();

  return {
    input,
    index,
    baseurl,
    prefix: baseurlPath(baseurl),
    files: { has: exists },
    byPath,
    has,
    facts,
    html,
    key,
    resolve(pageUrl, href) {
      if (!PAGE_INDEPENDENT.test(href.trim())) return resolveNow(pageUrl, href);
      let r = shared.get(href);
      if (r === undefined) {
        r = resolveNow(pageUrl, href);
        shared.set(href, r);
      }
      return r;
    },
    page: pageOf,
    own,
    markdown() {
      if (everywhere) return everywhere;
      const all = new Map<string, SourceLink[]>();
      for (const page of input.markdown) {
        for (const [k, list] of own(page.sourcePath)) all.set(k, [...(all.get(k) ?? []), ...list]);
      }
      everywhere = {
        bySource: (sourcePath, href) => own(sourcePath).get(key(href)) ?? [],
        anywhere: (href) => all.get(key(href)) ?? [],
      };
      return everywhere;
    },
    mdDiagnostics(sourcePath) {
      let map = mdCache.get(sourcePath);
      if (map) return map;
      map = new Map();
      const page = pageOf(sourcePath);
      if (page) {
        const found = checkLinks({ index, pages: [page], anchors: input.anchors, files: input.files });
        for (const d of found) {
          const k = rangeKey(d.file, d.range);
          map.set(k, [...(map.get(k) ?? []), d]);
        }
      }
      mdCache.set(sourcePath, map);
      return map;
    },
  };
}

/**
 * Checks one output's links. `deps` (when given) receives the dependency hashes of every
 * resolution, so a later build knows which outputs a changed file can affect.
 */
export function checkTarget(ctx: LinkContext, target: RenderTarget, deps?: number[]): TargetCheck {
  const source = ctx.index.pages.get(target.pageId)?.sourcePath ?? null;
  const hrefs = new Map<string, string>();
  for (const link of ctx.facts(target.outputPath).links)
    hrefs.set(link.href, link.tag === "link" ? link.rel : "");
  const own = source ? ctx.own(source) : null;
  const seen = own && own.size > 0 ? new Set<string>() : null;
  const broken: Array<readonly [string, string]> = [];
  const external: Array<readonly [string, string]> = [];
  for (const [href, rel] of hrefs) {
    const { result, deps: used } = ctx.resolve(target.url, href);
    if (deps) for (const d of used) deps.push(d);
    if (seen) for (const m of own!.get(ctx.key(href)) ?? []) seen.add(rangeKey(m.sourcePath, m.link.range));
    if (result.kind === "ok" || result.kind === "ignored") continue;
    if (result.kind === "external") {
      if (ctx.input.collectExternal) external.push([href, rel]);
      continue;
    }
    broken.push([href, rel]);
  }
  const unseen: string[] = [];
  if (own) {
    for (const list of own.values()) {
      for (const m of list) {
        const k = rangeKey(m.sourcePath, m.link.range);
        if (!seen?.has(k)) unseen.push(k);
      }
    }
  }
  return { broken, external, unseen };
}

/** Whether a check has anything to report (most outputs have not). */
export function hasIssues(check: TargetCheck): boolean {
  return check.broken.length > 0 || check.external.length > 0 || check.unseen.length > 0;
}
