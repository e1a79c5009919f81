import { isGeneratedId } from "../content/pages.ts";
import { diagnostic } from "../diagnostics/create.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { LinkRef } from "../model/render.ts";
import type { SiteIndex } from "../model/site.ts";
import { type FileExists, resolveLink } from "./resolve.ts";
import { suggestAnchor, suggestPage } from "./suggest.ts";

export interface CheckLinksInput {
  readonly index: SiteIndex;
  readonly pages: ReadonlyArray<{ readonly sourcePath: string; readonly links: readonly LinkRef[] }>;
  /** Ids present in each rendered page, by page id; a page missing here is not anchor-checked. */
  readonly anchors: ReadonlyMap<string, ReadonlySet<string>>;
  readonly files: FileExists;
}

function hasAnchor(ids: ReadonlySet<string>, fragment: string): boolean {
  return ids.has(fragment) || ids.has(encodeURIComponent(fragment));
}

/** "did you mean" for a missing page: a source path for `.md` links, else a URL. */
function suggestion(index: SiteIndex, from: string, path: string): string | undefined {
  const hit = suggestPage(index, from, path);
  return hit ? `Did you mean ${hit}?` : undefined;
}

function anchorSuggestion(ids: ReadonlySet<string>, fragment: string): string | undefined {
  const id = suggestAnchor(ids, fragment);
  return id ? `Did you mean #${id}?` : undefined;
}

/**
 * The link check pass over a finished index: one function for `bengal build` and the
 * language server. Diagnostics point at each link's destination in its source file.
 */
export function checkLinks(input: CheckLinksInput): Diagnostic[] {
  const { index, anchors, files } = input;
  const out: Diagnostic[] = [];
  for (const page of input.pages) {
    const file = page.sourcePath;
    const ownId = index.bySource.get(file) ?? file;
    for (const link of page.links) {
      const href = link.href.trim();
      if (href === "") continue;
      const target = resolveLink(index, file, href, files);
      const range = link.range;
      switch (target.kind) {
        case "external":
        case "file":
          break;
        case "anchor-only": {
          const ids = anchors.get(ownId);
          if (target.fragment === "" || !ids || hasAnchor(ids, target.fragment)) break;
          out.push(
            diagnostic("link.no-such-anchor", {
              message: `No heading or element with id "${target.fragment}" on this page (link "${href}")`,
              file,
              range,
              ...hintOf(anchorSuggestion(ids, target.fragment)),
            }),
          );
          break;
        }
        case "page": {
          if (target.fragment === null || target.fragment === "" || isGeneratedId(target.pageId)) break;
          const ids = anchors.get(target.pageId);
          if (!ids || hasAnchor(ids, target.fragment)) break;
          out.push(
            diagnostic("link.no-such-anchor", {
              message: `${target.url} has no heading or element with id "${target.fragment}" (link "${href}")`,
              file,
              range,
              ...hintOf(anchorSuggestion(ids, target.fragment)),
            }),
          );
          break;
        }
        case "missing-page":
          if (target.draftSource !== undefined) {
            out.push(
              diagnostic("link.draft-page", {
                message: `"${href}" links to ${target.draftSource}, a draft left out of this build`,
                file,
                range,
                hint: "Publish the page (draft: false) or build with --drafts; the link is broken on the live site.",
              }),
            );
            break;
          }
          out.push(
            diagnostic("link.no-such-page", {
              message: `No page for "${href}" (looked for ${target.path})`,
              file,
              range,
              ...hintOf(suggestion(index, file, target.path)),
            }),
          );
          break;
        case "missing-file":
          out.push(
            diagnostic("link.no-such-file", {
              message: `No file for "${href}" (looked for ${describeFile(target.path)})`,
              file,
              range,
            }),
          );
          break;
      }
    }
  }
  return out;
}

function describeFile(path: string): string {
  return path.startsWith("/") ? `static${path} and assets${path}` : path;
}

function hintOf(hint: string | undefined): { hint?: string } {
  return hint ? { hint } : {};
}
