/** A file of `assets/` (theme or site), processed by the asset pipeline. */
export interface AssetFile {
  /** Path under the assets folder, POSIX (`css/style.css`). */
  readonly rel: string;
  /** Absolute path of the file that wins for `rel`. */
  readonly source: string;
  readonly origin: "theme" | "site";
}

/** A file of `static/` (theme or site), copied as is to the output root. */
export interface StaticFile {
  readonly rel: string;
  readonly source: string;
}

/** Every input file of a site, found once and sorted, so later stages never list folders. */
export interface SiteFiles {
  /** Site-relative Markdown pages (`content/blog/hello.md`). */
  readonly content: readonly string[];
  /** Site-relative non-Markdown files under `content/` (bundle images, downloads). */
  readonly resources: readonly string[];
  /** Theme assets first, then site assets; a site file replaces the theme file of the same `rel`. */
  readonly assets: readonly AssetFile[];
  /** Same order and override rule as `assets`. */
  readonly static: readonly StaticFile[];
  /** Site layouts relative to `templates/` (`page.tsx`, `partials/nav.tsx`). */
  readonly templates: readonly string[];
  /** Absolute folder of the theme in use: `themes/<name>` of the site, or the built-in theme. */
  readonly themeDir: string;
  /** Theme layouts relative to the theme's `templates/`. */
  readonly themeTemplates: readonly string[];
}
