import type { MenuEntry, SiteConfig } from "../model/config.ts";

/** Every default of the site config. Nothing else in Bengal invents config values. */
export const DEFAULT_CONFIG: SiteConfig = {
  site: {
    title: "Bengal Site",
    baseurl: "",
    description: "",
    language: "en",
    author: "",
  },
  build: {
    output_dir: "public",
    parallel: true,
    max_workers: null,
    pretty_urls: true,
    minify_assets: true,
    fingerprint_assets: true,
    optimize_assets: false,
    generate_sitemap: true,
    generate_rss: true,
    validate_links: true,
    strict_mode: false,
    drafts: false,
  },
  pagination: { per_page: 10 },
  feeds: { limit: 20, full_content: false },
  markdown: {
    highlight: { light: "github-light", dark: "github-dark", enabled: true, line_numbers: false },
    reading_speed: 200,
    toc_min_level: 2,
    toc_max_level: 4,
  },
  content: { require_title: false },
  menu: { main: [] },
  theme: "default",
  validate: {},
  params: {},
};

/** Fields a `[[menu.main]]` entry may leave out. */
export const MENU_ENTRY_DEFAULTS: Pick<MenuEntry, "weight"> = { weight: 0 };

/** Looked for in this order in the site root when no `--config` is given. */
export const CONFIG_FILE_NAMES = ["bengal.toml", "bengal.yaml", "bengal.yml"] as const;
