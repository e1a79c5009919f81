import type { Severity } from "../model/diagnostic.ts";

export interface DiagnosticRule {
  readonly severity: Severity;
  readonly title: string;
  /** Default hint shown with the diagnostic when the reporter gives none. */
  readonly hint?: string;
}

/**
 * Every diagnostic code Bengal emits. Codes are permanent: editors, CI scripts and
 * `[validate]` tables refer to them. Add new ones; never rename.
 */
export const CATALOG = {
  "config.invalid-toml": { severity: "error", title: "The config file is not valid TOML" },
  "config.invalid-yaml": { severity: "error", title: "The config file is not valid YAML" },
  "config.invalid-type": { severity: "error", title: "A config value has the wrong type" },
  "config.invalid-value": { severity: "error", title: "A config value is out of range" },
  "config.unknown-key": { severity: "warning", title: "Unknown config key" },
  "config.not-found": {
    severity: "info",
    title: "No config file",
    hint: "Create bengal.toml to set the title and baseurl; defaults are used meanwhile.",
  },
  "config.unreadable": { severity: "error", title: "The config file cannot be read" },

  "frontmatter.invalid-yaml": { severity: "error", title: "Front matter is not valid YAML" },
  "frontmatter.invalid-toml": { severity: "error", title: "Front matter is not valid TOML" },
  "frontmatter.unclosed": {
    severity: "error",
    title: "Front matter is never closed",
    hint: "End the front matter with a line holding only `---` (or `+++` for TOML).",
  },
  "frontmatter.not-a-map": { severity: "error", title: "Front matter must be a map of keys to values" },
  "frontmatter.invalid-type": { severity: "error", title: "A front matter field has the wrong type" },
  "frontmatter.invalid-date": {
    severity: "error",
    title: "A date in front matter cannot be read",
    hint: "Write dates as 2025-10-01, 2025-10-01T09:30:00 or 2025-10-01T09:30:00+02:00.",
  },
  "frontmatter.unknown-key": { severity: "info", title: "Unknown front matter key (kept in page.params)" },
  "frontmatter.missing-title": { severity: "warning", title: "The page has no title" },

  "theme.not-found": {
    severity: "warning",
    title: "The configured theme does not exist",
    hint: "Create themes/<name>/ in the site, or remove `theme` to use the built-in theme.",
  },

  "content.unreadable": { severity: "error", title: "A content file cannot be read" },
  "content.not-utf8": {
    severity: "error",
    title: "A content file is not UTF-8",
    hint: "Re-save the file as UTF-8.",
  },
  "content.duplicate-url": { severity: "error", title: "Two pages have the same URL" },
  "content.alias-collision": { severity: "error", title: "An alias collides with a page URL" },

  "layout.not-found": { severity: "error", title: "The layout does not exist" },
  "layout.failed": { severity: "error", title: "A layout threw while rendering" },
  "layout.invalid": { severity: "error", title: "A layout file cannot be loaded" },

  "markdown.unknown-language": {
    severity: "warning",
    title: "Unknown code block language",
    hint: "Use a language shiki knows (https://shiki.style/languages); the block is shown as plain text.",
  },

  "link.no-such-page": { severity: "error", title: "The link points to a page that does not exist" },
  "link.no-such-anchor": { severity: "warning", title: "The link points to a heading that does not exist" },
  "link.no-such-file": { severity: "error", title: "The link points to a file that does not exist" },
  "link.draft-page": { severity: "warning", title: "The link points to a draft page" },
  "link.external-broken": {
    severity: "warning",
    title: "An external link answers with an HTTP error",
    hint: "Checked only with --check-external; answers are cached for 24 hours in .bengal/external-links.json.",
  },
  "link.external-unreachable": {
    severity: "warning",
    title: "An external link could not be reached (network error or timeout)",
    hint: 'Network failures stay warnings unless [validate] "link.external-unreachable" = "error".',
  },
  "asset.not-found": { severity: "error", title: "The asset does not exist" },
  "asset.failed": { severity: "error", title: "An asset could not be processed" },

  "cache.unreadable": {
    severity: "warning",
    title: "The build cache could not be read",
    hint: "Nothing to do: the build ran in full and wrote a new cache.",
  },
  "postprocess.failed": { severity: "error", title: "A post-processing task failed" },
  "build.internal": { severity: "error", title: "Internal error" },
} as const satisfies Record<string, DiagnosticRule>;

export type DiagnosticCode = keyof typeof CATALOG;

export function rule(code: string): DiagnosticRule {
  return (CATALOG as Record<string, DiagnosticRule>)[code] ?? CATALOG["build.internal"];
}
