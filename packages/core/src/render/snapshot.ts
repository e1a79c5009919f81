import type { SiteConfig } from "../model/config.ts";
import type { SiteIndex } from "../model/site.ts";

/**
 * Everything page rendering needs, as plain data, so that a worker thread can rebuild the
 * same render context the main thread has and produce the same bytes.
 */
export interface RenderSnapshot {
  readonly root: string;
  readonly config: SiteConfig;
  readonly index: SiteIndex;
  readonly themeDirs: readonly string[];
  /** Asset rel → output path (fingerprinted), from the asset stage. */
  readonly assetManifest: Readonly<Record<string, string>>;
  /** Site-relative paths of non-page files links may point at (`static/x.png`, `assets/y.css`, `content/b/img.png`). */
  readonly files: readonly string[];
  readonly buildDate: number;
  readonly generator: string;
  /** The cache database holding highlighted blocks, or null when the build runs without a cache. */
  readonly cachePath: string | null;
  /** Source pages come without bodies: read them from the cache's documents table (`snapshot-bodies.ts`). */
  readonly bodiesInCache?: boolean;
}
