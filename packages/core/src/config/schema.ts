import { CATALOG } from "../diagnostics/catalog.ts";

/** The declarative description of `bengal.toml`; validation walks it and nothing else. */
export type SchemaNode =
  | { readonly type: "string" }
  | { readonly type: "boolean" }
  | { readonly type: "integer"; readonly min?: number; readonly max?: number }
  | { readonly type: "enum"; readonly values: readonly string[] }
  | {
      readonly type: "table";
      readonly fields: Readonly<Record<string, SchemaNode>>;
      readonly required?: readonly string[];
    }
  | { readonly type: "array"; readonly items: SchemaNode }
  /** A table whose keys come from a fixed list (unknown keys warn) and share one value schema. */
  | { readonly type: "record"; readonly keys: readonly string[]; readonly values: SchemaNode }
  /** Anything goes (`[params]`). */
  | { readonly type: "any" };

const string = { type: "string" } as const;
const boolean = { type: "boolean" } as const;

const menuEntry: SchemaNode = {
  type: "table",
  fields: {
    name: string,
    url: string,
    weight: { type: "integer" },
    identifier: string,
    parent: string,
  },
  required: ["name", "url"],
};

export const CONFIG_SCHEMA: SchemaNode = {
  type: "table",
  fields: {
    site: {
      type: "table",
      fields: {
        title: string,
        baseurl: string,
        description: string,
        language: string,
        author: string,
        /** Accepted for sites written for Python Bengal, which put `theme` in `[site]`. */
        theme: string,
      },
    },
    theme: string,
    build: {
      type: "table",
      fields: {
        output_dir: string,
        parallel: boolean,
        max_workers: { type: "integer", min: 1 },
        pretty_urls: boolean,
        minify_assets: boolean,
        fingerprint_assets: boolean,
        optimize_assets: boolean,
        generate_sitemap: boolean,
        generate_rss: boolean,
        validate_links: boolean,
        strict_mode: boolean,
        drafts: boolean,
      },
    },
    pagination: { type: "table", fields: { per_page: { type: "integer", min: 1 } } },
    feeds: { type: "table", fields: { limit: { type: "integer", min: 1 }, full_content: boolean } },
    markdown: {
      type: "table",
      fields: {
        reading_speed: { type: "integer", min: 1 },
        toc_min_level: { type: "integer", min: 1, max: 6 },
        toc_max_level: { type: "integer", min: 1, max: 6 },
        highlight: {
          type: "table",
          fields: { light: string, dark: string, enabled: boolean, line_numbers: boolean },
        },
      },
    },
    content: { type: "table", fields: { require_title: boolean } },
    menu: { type: "table", fields: { main: { type: "array", items: menuEntry } } },
    validate: {
      type: "record",
      keys: Object.keys(CATALOG),
      values: { type: "enum", values: ["error", "warning", "info", "off"] },
    },
    params: { type: "any" },
  },
};
