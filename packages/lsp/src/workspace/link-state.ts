import {
  checkLinks,
  type Diagnostic,
  type FileExists,
  resolveLink,
  type SiteIndex,
} from "@bengal/core/analysis";
import type { DocState } from "./doc-state.ts";

export interface LinkContext {
  readonly index: SiteIndex;
  readonly files: FileExists;
  /** Ids on each page, by source path (= the page id of content pages). */
  readonly anchors: ReadonlyMap<string, ReadonlySet<string>>;
  readonly validate: boolean;
}

/**
 * Link diagnostics per file and the reverse link graph (target source → files linking to it), so
 * an edit re-checks only the files that can be affected by it.
 */
export class LinkState {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly targetsOf = new Map<string, Set<string>>();
  private readonly linkers = new Map<string, Set<string>>();

  /** Files whose links reach `path` (a page source, or a draft they would reach). */
  linkersOf(path: string): ReadonlySet<string> {
    return this.linkers.get(path) ?? new Set();
  }

  forget(path: string): void {
    for (const t of this.targetsOf.get(path) ?? []) this.linkers.get(t)?.delete(path);
    this.targetsOf.delete(path);
    this.diagnostics.delete(path);
  }

  /** Re-resolves the links of one file: the build checks only pages in the index (not excluded drafts). */
  check(ctx: LinkContext, doc: DocState | undefined): void {
    const path = doc?.path;
    if (path === undefined) return;
    this.forget(path);
    if (!ctx.index.bySource.has(path)) return;
    const targets = new Set<string>();
    for (const link of doc!.analysis.links) {
      const t = resolveLink(ctx.index, path, link.href, ctx.files);
      if (t.kind === "page") {
        const source = ctx.index.pages.get(t.pageId)?.sourcePath;
        if (source) targets.add(source);
      } else if (t.kind === "missing-page" && t.draftSource !== undefined) targets.add(t.draftSource);
    }
    this.targetsOf.set(path, targets);
    for (const t of targets) {
      let set = this.linkers.get(t);
      if (!set) {
        set = new Set();
        this.linkers.set(t, set);
      }
      set.add(path);
    }
    if (!ctx.validate) return;
    const found = checkLinks({
      index: ctx.index,
      pages: [{ sourcePath: path, links: doc!.analysis.links }],
      anchors: ctx.anchors,
      files: ctx.files,
    });
    if (found.length > 0) this.diagnostics.set(path, found);
  }
}
