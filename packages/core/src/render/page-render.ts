import { assetUrlFor } from "../assets/pipeline.ts";
import { openBlockStore } from "../cache/block-store.ts";
import { hashText } from "../cache/link-cache.ts";
import { diagnostic } from "../diagnostics/create.ts";
import type { Host } from "../host/host.ts";
import { attributeRanges } from "../links/html-check.ts";
import { extractHtmlLinks, type HtmlFacts } from "../links/html-links.ts";
import { type LinkPrints, linkPrints } from "../links/link-prints.ts";
import { shareLookups } from "../links/lookup.ts";
import { rewriteHref } from "../links/resolve.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { LinkRef, RenderedMarkdown } from "../model/render.ts";
import type { RenderTarget } from "../model/site.ts";
import { sharedHighlighter } from "./highlight/shared.ts";
import type { Highlighter } from "./highlight/types.ts";
import { createLayoutEngine, LayoutError } from "./layouts/engine.ts";
import { layoutIdentities } from "./layouts/identities.ts";
import { buildLayoutProps } from "./layouts/page-props.ts";
import type { SiteView } from "./layouts/props.ts";
import { createSiteView } from "./layouts/site-view.ts";
import { createMarkdownRenderer } from "./markdown/renderer.ts";
import type { RenderSnapshot } from "./snapshot.ts";
import type { Deps } from "./track/dep-value.ts";
import { createTracker, type Tracker } from "./track/tracker.ts";

/** A page's markdown, rendered once and shared by all its pagers, with what it depended on. */
export interface PageFacts {
  readonly rendered: RenderedMarkdown;
  readonly links: readonly LinkRef[];
  readonly diagnostics: readonly Diagnostic[];
  readonly deps: Deps;
}

export interface TargetOutput {
  readonly outputPath: string;
  /** null when the layout failed (the diagnostic says why), or when reused from the cache. */
  readonly html: string | null;
  /** Links and ids of the HTML, for link validation (kept in the cache with the target). */
  readonly htmlFacts: HtmlFacts | null;
  /** What the incremental link check remembers of this output (with `htmlFacts`). */
  readonly prints?: LinkPrints;
  readonly deps: Deps;
  readonly diagnostics: readonly Diagnostic[];
}

export interface PageGroupResult {
  readonly pageId: string;
  readonly facts: PageFacts | null;
  readonly targets: readonly TargetOutput[];
}

export interface RenderContext {
  /** Problems found loading layouts (reported once per build). */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Renders one page's markdown (unless `facts` are given, from the cache) and every
   * target of that page through its layout.
   */
  renderGroup(pageId: string, targets: readonly RenderTarget[], facts?: PageFacts): Promise<PageGroupResult>;
  /** Writes the highlighted blocks not yet in the block store. */
  flush(): void;
  /** Flushes, then releases the block cache connection (the highlighter is shared across builds). */
  close(): void;
}

/** Pages rendered between two writes of new highlighted blocks to the block store. */
const FLUSH_EVERY = 100;

/** Builds the engines once (highlighter, markdown, layouts) and reuses them for every page. */
export interface RenderContextOptions {
  /**
   * The results are encoded and dropped as soon as they are made (a page worker's): their
   * link facts need not be copied out of the page's HTML (`extractHtmlLinks`).
   */
  readonly encoded?: boolean;
}

export async function createRenderContext(
  snapshot: RenderSnapshot,
  host: Host,
  options: RenderContextOptions = {},
): Promise<RenderContext> {
  const detach = options.encoded !== true;
  // Only an incremental link check (links validated, with a cache) keeps them.
  const printing = snapshot.config.build.validate_links && snapshot.cachePath !== null;
  const { config, index } = snapshot;
  const highlight = config.markdown.highlight;
  const blocks = snapshot.cachePath ? tryOpenBlockStore(snapshot.cachePath) : null;
  const highlighter: Highlighter | null = highlight.enabled
    ? await sharedHighlighter(highlight, blocks)
    : null;
  const markdown = createMarkdownRenderer({
    highlighter,
    readingSpeed: config.markdown.reading_speed,
    tocMinLevel: config.markdown.toc_min_level,
    tocMaxLevel: config.markdown.toc_max_level,
  });
  const engine = await createLayoutEngine({
    host,
    siteRoot: snapshot.root,
    themeDirs: [...snapshot.themeDirs],
  });
  const layoutHashes = await layoutIdentities(host, snapshot.root, snapshot.themeDirs);

  const urlFor = assetUrlFor(snapshot.assetManifest, config.site.baseurl);
  const assetRels = new Set(Object.keys(snapshot.assetManifest));
  const fileSet = new Set(snapshot.files);
  const tracker = createTracker({
    index,
    assetValue: (rel) => (assetRels.has(rel) ? urlFor(rel) : "-"),
    layoutValue: (name) => layoutHashes.get(name) ?? "-",
    fileExists: (p) => fileSet.has(p),
  });
  const files = {
    exists: (p: string) => {
      tracker.note(`file:${p}`);
      return fileSet.has(p);
    },
  };
  const site = trackSiteView(
    tracker,
    createSiteView(tracker.index, {
      assetUrl: (rel) => {
        tracker.note(`asset:${rel}`);
        return urlFor(rel);
      },
      assetExists: (rel) => {
        tracker.note(`asset:${rel}`);
        return assetRels.has(rel);
      },
      buildDate: new Date(snapshot.buildDate),
      generator: snapshot.generator,
      untracked: (fn) => tracker.untracked(fn),
    }),
  );
  let lookupsReady = false;
  let unflushed = 0;
  const flush = () => {
    blocks?.flush();
    unflushed = 0;
  };

  const renderFacts = async (pageId: string): Promise<PageFacts | null> => {
    const page = index.pages.get(pageId);
    if (!page || page.sourcePath === null) return null;
    const from = page.sourcePath;
    // Lexing and highlighting read only the body (noted below); links are resolved in `finish`.
    const prepared = await markdown.prepare({
      path: from,
      body: page.body,
      bodyLine: page.bodyLine,
      resolveLink: (href) => rewriteHref(tracker.index, from, href, files),
    });
    if (!lookupsReady && prepared.links.length > 0) {
      // The URL lookups are built once over the whole index; built inside a tracked render, the
      // page that happened to build them would depend on every URL of the site (`urls*`).
      // Made from the plain index (whose lists a long-lived process carries over between builds)
      // and handed to the recording view, which then never reads them itself.
      shareLookups(index, tracker.index);
      lookupsReady = true;
    }
    const { value, deps } = tracker.run(() => {
      tracker.note(`body:${pageId}`);
      return markdown.finish(prepared);
    });
    // Blocks go to the database in batches: a transaction per page cost ~0.3 ms a page.
    if (blocks && ++unflushed >= FLUSH_EVERY) flush();
    return { rendered: value.result, links: value.links, diagnostics: value.diagnostics, deps };
  };

  return {
    diagnostics: engine.diagnostics,
    flush,
    close() {
      flush();
      blocks?.close();
    },
    async renderGroup(pageId, targets, cached) {
      const facts = cached ?? (await renderFacts(pageId));
      const page = index.pages.get(pageId);
      const outputs: TargetOutput[] = [];
      if (!page) return { pageId, facts, targets: outputs };
      const choice = engine.choose(page, page.layoutRange ?? undefined);
      for (const target of targets) {
        const diagnostics: Diagnostic[] = choice.diagnostic ? [choice.diagnostic] : [];
        const { value, deps } = tracker.run(() => {
          tracker.note(`meta:${pageId}`);
          // A list page's items come with its target, not through the index.
          if (target.pager) tracker.note(`pager:${target.outputPath}`);
          try {
            const props = buildLayoutProps(target, tracker.index, site, facts?.rendered ?? null);
            const result = engine.render(choice.name, props);
            for (const name of result.used) tracker.note(`layout:${name}`);
            return result.html;
          } catch (error) {
            tracker.note(`layout:${choice.name}`);
            diagnostics.push(layoutFailure(error, page.sourcePath ?? target.url, choice.name));
            return null;
          }
        });
        const htmlFacts =
          value === null ? null : htmlFactsOf(value, page.sourcePath === null, detach, facts?.rendered);
        outputs.push({
          outputPath: target.outputPath,
          html: value,
          htmlFacts,
          ...(htmlFacts && printing
            ? { prints: linkPrints(target.url, page.sourcePath, htmlFacts, facts?.links ?? [], hashText) }
            : {}),
          deps,
          diagnostics,
        });
      }
      return { pageId, facts, targets: outputs };
    },
  };
}

function htmlFactsOf(
  html: string,
  generated: boolean,
  detach: boolean,
  rendered: RenderedMarkdown | undefined,
): HtmlFacts {
  const facts = extractHtmlLinks(html, { detach, codeBlocks: codeBlocksIn(html, rendered) });
  if (!generated) return facts;
  return {
    ...facts,
    ranges: attributeRanges(
      html,
      facts.links.map((l) => l.href),
    ),
  };
}

/**
 * Where the page's highlighted code blocks sit in a target's HTML: at their place in the body,
 * if the layout put the body in it as it is.
 */
function codeBlocksIn(html: string, rendered: RenderedMarkdown | undefined): readonly number[] | undefined {
  const blocks = rendered?.codeBlocks;
  if (!blocks || blocks.length === 0 || rendered.html === "") return undefined;
  const at = html.indexOf(rendered.html);
  return at < 0 ? undefined : blocks.map((offset) => offset + at);
}

/** Site-view members that hand out whole lists (computed once per build) note that they were read. */
const SITE_LISTS: Partial<Record<keyof SiteView, string>> = {
  menu: "menu",
  taxonomies: "taxonomies",
  regularPages: "regular",
};

function trackSiteView(tracker: Tracker, site: SiteView): SiteView {
  return new Proxy(site, {
    get(target, prop, receiver) {
      const key = SITE_LISTS[prop as keyof SiteView];
      if (key) tracker.note(key);
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** The block cache is an optimisation: if it cannot be opened, highlighting simply runs. */
function tryOpenBlockStore(path: string): ReturnType<typeof openBlockStore> | null {
  try {
    return openBlockStore(path);
  } catch {
    return null;
  }
}

function layoutFailure(error: unknown, pagePath: string, layout: string): Diagnostic {
  if (error instanceof LayoutError) {
    return diagnostic("layout.failed", {
      file: error.file,
      ...(error.range ? { range: error.range } : {}),
      message: `layout "${layout}" failed while rendering ${pagePath}: ${error.message}`,
    });
  }
  return diagnostic("layout.failed", {
    file: pagePath,
    message: `layout "${layout}" failed while rendering ${pagePath}: ${(error as Error)?.message ?? String(error)}`,
  });
}
