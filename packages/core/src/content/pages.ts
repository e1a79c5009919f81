import type { SiteConfig } from "../model/config.ts";
import type { Page, PageKind, ParsedDocument, TaxonomyTerm } from "../model/page.ts";
import { titleFromFileName } from "../parse/title.ts";
import { absoluteUrl, outputPathFor, pageUrl, type SourceShape } from "./urls.ts";

/** Ids of generated pages: stable across builds so caches and links can key on them. */
export const GENERATED = {
  home: "@generated/home",
  notFound: "@generated/404",
  section: (key: string) => `@generated/section/${key}`,
  taxonomy: (name: string) => `@generated/taxonomy/${name}`,
  term: (taxonomy: string, slug: string) => `@generated/term/${taxonomy}/${slug}`,
} as const;

export function isGeneratedId(id: string): boolean {
  return id.startsWith("@generated/");
}

function defaultSlug(shape: SourceShape): string {
  if (shape.kind === "page") return shape.stem;
  return shape.dirs[shape.dirs.length - 1] ?? "";
}

export interface ContentPageInput {
  readonly doc: ParsedDocument;
  readonly shape: SourceShape;
  readonly kind: PageKind;
  readonly section: string;
  readonly tags: readonly TaxonomyTerm[];
  readonly categories: readonly TaxonomyTerm[];
  readonly aliases: readonly string[];
}

export function contentPage(input: ContentPageInput, config: SiteConfig): Page {
  const { doc, shape } = input;
  const fm = doc.frontMatter;
  const url = pageUrl(doc.path, fm, config);
  const page: Page = {
    kind: input.kind,
    id: doc.path,
    sourcePath: doc.path,
    title: fm.title ?? titleFromFileName(doc.path),
    date: fm.date ?? null,
    lastmod: fm.lastmod ?? fm.date ?? null,
    draft: fm.draft === true,
    tags: input.tags,
    categories: input.categories,
    description: fm.description ?? "",
    slug: fm.slug ?? defaultSlug(shape),
    url,
    permalink: absoluteUrl(config.site.baseurl, url),
    outputPath: outputPathFor(url, config.build.pretty_urls),
    aliases: input.aliases,
    weight: fm.weight ?? 0,
    layout: fm.layout ?? null,
    layoutRange: doc.keyRanges.layout ?? null,
    type: fm.type ?? null,
    toc: fm.toc ?? true,
    params: fm.params,
    section: input.section,
    body: "",
    bodyLine: doc.bodyLine,
    ...(doc.bodyKey === undefined ? {} : { bodyKey: doc.bodyKey }),
    summary: fm.summary ?? null,
  };
  return withBodyOf(page, doc);
}

/**
 * The document's body, without reading it when the document reads it on first use (a cached
 * document, `cache/doc-cache.ts`): a rebuild needs only the few bodies it renders.
 */
function withBodyOf(page: Page, doc: ParsedDocument): Page {
  if (Object.getOwnPropertyDescriptor(doc, "body")?.get) {
    Object.defineProperty(page, "body", { get: () => doc.body, enumerable: true, configurable: true });
  } else (page as { body: string }).body = doc.body;
  return page;
}

export interface GeneratedPageInput {
  readonly kind: PageKind;
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly section: string;
  readonly slug: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly weight?: number;
}

export function generatedPage(input: GeneratedPageInput, config: SiteConfig): Page {
  return {
    kind: input.kind,
    id: input.id,
    sourcePath: null,
    title: input.title,
    date: null,
    lastmod: null,
    draft: false,
    tags: [],
    categories: [],
    description: "",
    slug: input.slug,
    url: input.url,
    permalink: absoluteUrl(config.site.baseurl, input.url),
    outputPath: outputPathFor(input.url, config.build.pretty_urls),
    aliases: [],
    weight: input.weight ?? 0,
    layout: null,
    layoutRange: null,
    type: null,
    toc: false,
    params: input.params ?? {},
    section: input.section,
    body: "",
    bodyLine: 0,
    summary: null,
  };
}
