import { diagnostic } from "../diagnostics/create.ts";
import type { Host } from "../host/host.ts";
import { rewriteHref } from "../links/resolve.ts";
import type { SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { OutputFile } from "../model/output.ts";
import type { LinkRef, RenderedMarkdown } from "../model/render.ts";
import type { SiteIndex } from "../model/site.ts";
import { createHighlighter, fenceLanguages } from "../render/highlight/highlighter.ts";
import { createLayoutEngine, LayoutError } from "../render/layouts/engine.ts";
import { buildLayoutProps } from "../render/layouts/page-props.ts";
import type { SiteView } from "../render/layouts/props.ts";
import { createMarkdownRenderer } from "../render/markdown/renderer.ts";

export interface RenderInput {
  readonly host: Host;
  readonly root: string;
  readonly config: SiteConfig;
  readonly index: SiteIndex;
  readonly site: SiteView;
  readonly files: { exists(sitePath: string): boolean };
  readonly themeDirs: readonly string[];
}

export interface RenderOutput {
  readonly outputs: OutputFile[];
  readonly rendered: Map<string, RenderedMarkdown>;
  readonly links: Array<{ sourcePath: string; links: LinkRef[] }>;
  readonly anchors: Map<string, ReadonlySet<string>>;
  readonly diagnostics: Diagnostic[];
  /** Outputs that could not be rendered this time; the writer keeps their previous file. */
  readonly failed: Set<string>;
}

/** Markdown for every content page, then a layout for every render target. */
export async function renderPages(input: RenderInput): Promise<RenderOutput> {
  const { config, index } = input;
  const diagnostics: Diagnostic[] = [];
  const highlight = config.markdown.highlight;
  const highlighter = highlight.enabled ? await createHighlighter(highlight) : null;
  const markdown = createMarkdownRenderer({
    highlighter,
    readingSpeed: config.markdown.reading_speed,
    tocMinLevel: config.markdown.toc_min_level,
    tocMaxLevel: config.markdown.toc_max_level,
  });

  const rendered = new Map<string, RenderedMarkdown>();
  const links: RenderOutput["links"] = [];
  const anchors = new Map<string, ReadonlySet<string>>();
  if (highlighter) {
    const langs = new Set<string>();
    for (const page of index.pages.values()) for (const lang of fenceLanguages(page.body)) langs.add(lang);
    await highlighter.prepare([...langs]);
  }
  for (const page of index.pages.values()) {
    if (page.sourcePath === null) continue;
    const from = page.sourcePath;
    const out = markdown.render({
      path: from,
      body: page.body,
      bodyLine: page.bodyLine,
      resolveLink: (href) => rewriteHref(index, from, href, input.files),
    });
    rendered.set(page.id, out.result);
    links.push({ sourcePath: from, links: out.links });
    anchors.set(page.id, new Set(out.result.anchors));
    diagnostics.push(...out.diagnostics);
  }

  const engine = await createLayoutEngine({
    host: input.host,
    siteRoot: input.root,
    themeDirs: [...input.themeDirs],
  });
  const outputs: OutputFile[] = [];
  const failed = new Set<string>();
  for (const target of index.targets) {
    const page = index.pages.get(target.pageId);
    if (!page) continue;
    const choice = engine.choose(page);
    if (choice.diagnostic) diagnostics.push(choice.diagnostic);
    try {
      const props = buildLayoutProps(target, index, input.site, rendered.get(page.id) ?? null);
      const { html } = engine.render(choice.name, props);
      outputs.push({ path: target.outputPath, content: html });
    } catch (error) {
      failed.add(target.outputPath);
      diagnostics.push(layoutFailure(error, page.sourcePath ?? target.url, choice.name));
    }
  }
  return { outputs, rendered, links, anchors, diagnostics, failed };
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
