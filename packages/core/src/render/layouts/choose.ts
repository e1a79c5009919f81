import { diagnostic } from "../../diagnostics/create.ts";
import { join } from "../../host/path.ts";
import type { Diagnostic } from "../../model/diagnostic.ts";
import type { Page, PageKind } from "../../model/page.ts";
import type { Range } from "../../model/range.ts";
import { didYouMean } from "./did-you-mean.ts";

/** Runtime-neutral layout choice: the engine renders with it, the language server checks `layout` with it. */
export interface LayoutChoice {
  readonly name: string;
  /** `layout.not-found` when the page asked for a layout that does not exist (`name` is then the fallback). */
  readonly diagnostic: Diagnostic | null;
}

const KIND_DEFAULTS: Record<PageKind, readonly string[]> = {
  home: ["home", "section", "page"],
  section: ["section", "page"],
  taxonomy: ["taxonomy", "section", "page"],
  term: ["term", "section", "page"],
  "404": ["404", "page"],
  page: ["page"],
};

/** Folders searched for layouts, first wins: the site's `templates/`, then each theme's (built-in last). */
export function layoutTemplateDirs(siteRoot: string, themeDirs: readonly string[]): string[] {
  const dirs = [join(siteRoot, "templates"), ...themeDirs.map((d) => join(d, "templates"))];
  return [...new Set(dirs)];
}

/**
 * Front matter `layout` > `type` > the kind's default, among `names` (all layout names). A missing
 * explicit `layout` yields `layout.not-found` (at `layoutRange` when given) and the kind's default.
 */
export function chooseLayout(page: Page, names: readonly string[], layoutRange?: Range): LayoutChoice {
  const exists = (name: string): boolean => names.includes(name);
  const defaults = KIND_DEFAULTS[page.kind] ?? KIND_DEFAULTS.page;
  const fallback = defaults.find(exists) ?? defaults[defaults.length - 1]!;
  if (page.layout) {
    if (exists(page.layout)) return { name: page.layout, diagnostic: null };
    const available = names.filter((n) => !n.startsWith("partials/"));
    const guess = didYouMean(page.layout, available);
    const found = diagnostic("layout.not-found", {
      file: page.sourcePath ?? page.id,
      ...(layoutRange ? { range: layoutRange } : {}),
      message: `layout "${page.layout}" does not exist; using "${fallback}"`,
      hint: `${guess ? `Did you mean "${guess}"? ` : ""}Available layouts: ${available.join(", ")}.`,
    });
    return { name: fallback, diagnostic: found };
  }
  return { name: page.type && exists(page.type) ? page.type : fallback, diagnostic: null };
}
