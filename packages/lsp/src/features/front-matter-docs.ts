import { FRONT_MATTER_FIELDS } from "@bengal/core/analysis";

export interface FieldDoc {
  readonly type: string;
  readonly doc: string;
}

type FieldName = keyof typeof FRONT_MATTER_FIELDS;

/** What each front matter field means, shown in completion and hover. The list of fields is core's. */
export const FRONT_MATTER_DOCS: Readonly<Record<string, FieldDoc>> = {
  title: {
    type: "string",
    doc: "Page title; defaults to the file name (`getting-started.md` → Getting Started).",
  },
  date: {
    type: "date",
    doc: "Publication date: `2025-10-01`, `2025-10-01T09:30:00` (UTC) or `2025-10-01T09:30:00+02:00`.",
  },
  lastmod: { type: "date", doc: "Last change, for the sitemap; defaults to `date`." },
  draft: {
    type: "boolean",
    doc: "Left out of the build unless `--drafts`; links to it warn (`link.draft-page`).",
  },
  tags: { type: "list of strings", doc: "Taxonomy terms, listed at `/tags/<slug>/`." },
  categories: { type: "list of strings", doc: "Taxonomy terms, listed at `/categories/<slug>/`." },
  description: { type: "string", doc: "Meta description; shown in lists and the feed." },
  summary: { type: "string", doc: "Text for lists instead of an excerpt of the body." },
  slug: { type: "string", doc: "Replaces the last segment of the page's URL." },
  url: { type: "string", doc: "Replaces the page's whole URL (`/about/me/`)." },
  aliases: { type: "list of strings", doc: "Old URLs; each gets a redirect page to this one." },
  weight: { type: "number", doc: "Order within a section, lower first (after date)." },
  layout: { type: "string", doc: "Layout to render with, by name (`page`, or one in `templates/`)." },
  type: { type: "string", doc: "Content type; picks the layout of that name when one exists." },
  toc: { type: "boolean", doc: "`false` hides the table of contents (default `true`)." },
} satisfies Record<FieldName, FieldDoc>;

export const FIELD_NAMES = Object.keys(FRONT_MATTER_FIELDS) as FieldName[];
