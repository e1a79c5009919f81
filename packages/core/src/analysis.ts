// What the language server may load: runtime-neutral analysis code only (no Bun APIs,
// no shiki, no layouts, no worker pool). Keep this a plain list of re-exports.
export { siteFileSet } from "./build/file-set.ts";
export * from "./config/defaults.ts";
export * from "./config/load-config.ts";
export * from "./config/parse-config.ts";
export * from "./config/schema.ts";
export { type BuildIndexOptions, buildSiteIndex } from "./content/index-builder.ts";
export { GENERATED, isGeneratedId } from "./content/pages.ts";
export { paginate } from "./content/paginate.ts";
export {
  absoluteUrl,
  baseurlPath,
  isContentFile,
  joinBaseurl,
  normalizeSiteUrl,
  outputPathFor,
  pagerUrl,
  pageUrl,
  type SourceShape,
  sourceShape,
  termSlug,
} from "./content/urls.ts";
export * from "./diagnostics/catalog.ts";
export * from "./diagnostics/create.ts";
export * from "./diagnostics/suggest.ts";
export * from "./discover/discover-site.ts";
export * from "./discover/theme-dir.ts";
export type * from "./discover/types.ts";
export * from "./host/host.ts";
export * from "./host/memory-host.ts";
export * from "./host/node-host.ts";
export * from "./host/path.ts";
export { type CheckLinksInput, checkLinks } from "./links/check.ts";
export { resourceUrl } from "./links/lookup.ts";
export { type FileExists, type LinkTarget, resolveLink, rewriteHref } from "./links/resolve.ts";
export { suggestAnchor, suggestPage } from "./links/suggest.ts";
export * from "./model/index.ts";
export * from "./parse/dates.ts";
export { FRONT_MATTER_FIELDS } from "./parse/fields.ts";
export { type FrontMatterBlock, findFrontMatter } from "./parse/front-matter.ts";
export * from "./parse/locator.ts";
export * from "./parse/parse-document.ts";
export * from "./parse/positions.ts";
export * from "./parse/title.ts";
export { chooseLayout, type LayoutChoice, layoutTemplateDirs } from "./render/layouts/choose.ts";
export { indexLayoutFiles, LAYOUT_EXTENSIONS } from "./render/layouts/layout-files.ts";
export { analyzeMarkdown, type HeadingRange, type MarkdownAnalysis } from "./render/markdown/analyze.ts";
export { createSlugger, type Slugger, slugify } from "./render/markdown/slug.ts";
