import { DEFAULT_CONFIG } from "../config/defaults.ts";
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
    ...DEFAULT_CONFIG,
    site: { ...DEFAULT_CONFIG.site, title: "Test", ...over.site },
    build: {
      ...DEFAULT_CONFIG.build,
      parallel: false,
      minify_assets: false,
      fingerprint_assets: false,
      ...over.build,
    },
    pagination: { per_page: over.per_page ?? 10 },
    menu: { main: over.menu ?? [] },
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
