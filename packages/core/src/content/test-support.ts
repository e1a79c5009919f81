import type { SiteConfig } from "../model/config.ts";
import type { FrontMatter, KeyRanges, ParsedDocument } from "../model/page.ts";
import { pointRange } from "../model/range.ts";

/** Test-only builders: a default config and hand-made parsed documents. */
export function testConfig(
  over: {
    site?: Partial<SiteConfig["site"]>;
    build?: Partial<SiteConfig["build"]>;
    per_page?: number;
    menu?: SiteConfig["menu"]["main"];
  } = {},
): SiteConfig {
  return {
    site: { title: "Test", baseurl: "", description: "", language: "en", author: "", ...over.site },
    build: {
      output_dir: "public",
      parallel: false,
      max_workers: null,
      pretty_urls: true,
      minify_assets: false,
      fingerprint_assets: false,
      optimize_assets: false,
      generate_sitemap: true,
      generate_rss: true,
      validate_links: true,
      strict_mode: false,
      drafts: false,
      ...over.build,
    },
    pagination: { per_page: over.per_page ?? 10 },
    feeds: { limit: 20, full_content: false },
    markdown: {
      highlight: { light: "github-light", dark: "github-dark", enabled: true, line_numbers: false },
      reading_speed: 200,
      toc_min_level: 2,
      toc_max_level: 4,
    },
    content: { require_title: false },
    menu: { main: over.menu ?? [] },
    theme: "default",
    validate: {},
    params: {},
  };
}

/** A parsed document; each front matter key gets a range on its own line (key `k` on line i+1). */
export function doc(
  path: string,
  fm: Omit<Partial<FrontMatter>, "params"> = {},
  extra: { keyRanges?: KeyRanges; body?: string } = {},
): ParsedDocument {
  const keyRanges: Record<string, ReturnType<typeof pointRange>> = {};
  Object.keys(fm).forEach((k, i) => {
    keyRanges[k] = pointRange(i + 1, k.length + 2, 5);
  });
  return {
    path,
    frontMatter: { ...fm, params: {} },
    keyRanges: { ...keyRanges, ...extra.keyRanges },
    format: "yaml",
    body: extra.body ?? "",
    bodyLine: Object.keys(fm).length + 2,
  };
}
