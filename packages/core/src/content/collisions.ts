import { diagnostic } from "../diagnostics/create.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Page, ParsedDocument } from "../model/page.ts";
import { type Range, ZERO_RANGE } from "../model/range.ts";
import type { Alias } from "../model/site.ts";
import { compareText } from "./order.ts";
import { outputPathFor } from "./urls.ts";

/** The front matter key that decided the URL, so the error points where the user can fix it. */
function urlKeyRange(doc: ParsedDocument | undefined): Range {
  return doc?.keyRanges.url ?? doc?.keyRanges.slug ?? ZERO_RANGE;
}

function describeGenerated(page: Page): string {
  switch (page.kind) {
    case "home":
      return "the generated home page";
    case "section":
      return `the generated list page of section content/${page.section}/`;
    default:
      return `the generated ${page.kind} page`;
  }
}

export interface Placement {
  /** URL → id of the page that owns it. */
  readonly byUrl: Map<string, string>;
  /** Pages that lost their URL to another page: kept in the index, not written. */
  readonly skipped: Set<string>;
  readonly diagnostics: Diagnostic[];
}

/**
 * Gives every URL one owner. Content pages go first in source-path order (the first keeps the
 * URL, both files are told); a generated page never displaces a content page.
 */
export function placePages(
  contentPages: readonly Page[],
  generated: readonly Page[],
  docs: ReadonlyMap<string, ParsedDocument>,
): Placement {
  const byUrl = new Map<string, string>();
  const owners = new Map<string, Page>();
  const skipped = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const ordered = [...contentPages].sort((a, b) => compareText(a.sourcePath ?? a.id, b.sourcePath ?? b.id));
  for (const page of ordered) {
    const owner = owners.get(page.url);
    if (!owner) {
      owners.set(page.url, page);
      byUrl.set(page.url, page.id);
      continue;
    }
    skipped.add(page.id);
    const ownerPath = owner.sourcePath!;
    const pagePath = page.sourcePath!;
    diagnostics.push(
      diagnostic("content.duplicate-url", {
        message: `${ownerPath} has the URL ${page.url}, which ${pagePath} also has`,
        file: ownerPath,
        range: urlKeyRange(docs.get(ownerPath)),
        hint: `Change the slug or url of one of them; ${pagePath} is not written until then.`,
      }),
      diagnostic("content.duplicate-url", {
        message: `${pagePath} has the URL ${page.url}, which ${ownerPath} already has`,
        file: pagePath,
        range: urlKeyRange(docs.get(pagePath)),
        hint: "Change the slug or url of one of them; this page is not written until then.",
      }),
    );
  }
  for (const page of generated) {
    const owner = owners.get(page.url);
    if (!owner) {
      owners.set(page.url, page);
      byUrl.set(page.url, page.id);
      continue;
    }
    skipped.add(page.id);
    if (owner.sourcePath === null) continue;
    const hint =
      page.kind === "section"
        ? `Move ${owner.sourcePath} to content/${page.section}/_index.md to make it the section's page.`
        : "Change this page's slug or url.";
    diagnostics.push(
      diagnostic("content.duplicate-url", {
        message: `${owner.sourcePath} has the URL ${page.url}, which is also ${describeGenerated(page)}`,
        file: owner.sourcePath,
        range: urlKeyRange(docs.get(owner.sourcePath)),
        hint,
      }),
    );
  }
  return { byUrl, skipped, diagnostics };
}

/** Redirect pages from `aliases`; an alias may not take a page's URL or another alias's. */
export function collectAliases(
  contentPages: readonly Page[],
  byUrl: ReadonlyMap<string, string>,
  docs: ReadonlyMap<string, ParsedDocument>,
): { aliases: Alias[]; diagnostics: Diagnostic[] } {
  const aliases: Alias[] = [];
  const taken = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const page of contentPages) {
    const sourcePath = page.sourcePath!;
    const doc = docs.get(sourcePath);
    page.aliases.forEach((url, i) => {
      const range = doc?.keyRanges[`aliases.${i}`] ?? doc?.keyRanges.aliases ?? ZERO_RANGE;
      const pageOwner = byUrl.get(url);
      const aliasOwner = taken.get(url);
      if (pageOwner !== undefined || aliasOwner !== undefined) {
        const other = pageOwner ?? aliasOwner!;
        const what = pageOwner !== undefined ? `the URL of ${other}` : `already an alias of ${other}`;
        diagnostics.push(
          diagnostic("content.alias-collision", {
            message: `The alias ${url} is ${what}`,
            file: sourcePath,
            range,
            hint: "Remove the alias or pick another URL; no redirect is written for it.",
          }),
        );
        return;
      }
      taken.set(url, sourcePath);
      aliases.push({ url, outputPath: outputPathFor(url), targetId: page.id, sourcePath });
    });
  }
  aliases.sort((a, b) => compareText(a.url, b.url));
  return { aliases, diagnostics };
}
