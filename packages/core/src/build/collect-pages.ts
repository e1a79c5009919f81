import { LazyMap } from "../cache/lazy-map.ts";
import type { HtmlFacts } from "../links/html-links.ts";
import type { LinkPrints } from "../links/link-prints.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { LinkRef, RenderedMarkdown } from "../model/render.ts";
import type { PageFacts, PageGroupResult } from "../render/page-render.ts";
import type { PooledResult } from "../render/worker-output.ts";

export interface CollectedPages {
  /** Page outputs written during rendering. */
  readonly written: Set<string>;
  /** Reused pages' facts are decoded from the cache only when a feed or a link check asks. */
  readonly rendered: LazyMap<string, RenderedMarkdown>;
  readonly links: Array<{ readonly sourcePath: string; readonly links: LinkRef[] }>;
  readonly anchors: LazyMap<string, ReadonlySet<string>>;
  readonly diagnostics: Diagnostic[];
  /** Outputs not written this time that must stay: reused from the cache, or whose layout failed. */
  readonly kept: Set<string>;
  /** Links and ids of every page output, rendered now or reused. */
  readonly htmlFacts: LazyMap<string, HtmlFacts>;
  /** The link check's prints of the outputs rendered now (`TargetOutput.prints`). */
  readonly prints: Map<string, LinkPrints>;
}

// Per facts object: the dev server reuses the same cached facts build after build.
const anchorSets = new WeakMap<RenderedMarkdown, ReadonlySet<string>>();
const linkLists = new WeakMap<PageFacts, LinkRef[]>();

function anchorSet(rendered: RenderedMarkdown): ReadonlySet<string> {
  let set = anchorSets.get(rendered);
  if (!set) {
    set = new Set(rendered.anchors);
    anchorSets.set(rendered, set);
  }
  return set;
}

function linkList(facts: PageFacts): LinkRef[] {
  let list = linkLists.get(facts);
  if (!list) {
    list = [...facts.links];
    linkLists.set(facts, list);
  }
  return list;
}

/**
 * Turns per-page render results into what post-processing and the writer take. Results a worker
 * `stored` carry no link facts: `storedFacts` reads an output's from the cache, when a check asks.
 */
export function collectPages(
  results: readonly PooledResult[],
  reused: readonly PageGroupResult[],
  sourceOf: (pageId: string) => string | null,
  storedFacts?: (outputPath: string) => HtmlFacts,
): CollectedPages {
  const out: CollectedPages = {
    written: new Set(),
    rendered: new LazyMap(),
    links: [],
    anchors: new LazyMap(),
    diagnostics: [],
    kept: new Set(),
    htmlFacts: new LazyMap(),
    prints: new Map(),
  };
  const seen = new Set<string>();
  const report = (d: Diagnostic) => {
    const key = `${d.code}\0${d.file}\0${d.range.start.line}:${d.range.start.character}\0${d.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.diagnostics.push(d);
  };
  const isReused = new Set(reused);
  const fromStore = (path: string): HtmlFacts => {
    if (!storedFacts) throw new Error(`the link facts of ${path} were stored, and nothing reads them back`);
    return storedFacts(path);
  };
  for (const group of [...results, ...reused]) {
    const facts = group.facts;
    const stored = (group as PooledResult).stored === true;
    if (facts) {
      if (isReused.has(group)) {
        out.rendered.setLazy(group.pageId, () => facts.rendered);
        out.anchors.setLazy(group.pageId, () => anchorSet(facts.rendered));
      } else {
        out.rendered.set(group.pageId, facts.rendered);
        out.anchors.set(group.pageId, anchorSet(facts.rendered));
      }
      const sourcePath = sourceOf(group.pageId);
      if (sourcePath !== null)
        out.links.push({
          sourcePath,
          get links() {
            return linkList(facts);
          },
        });
      for (const d of facts.diagnostics) report(d);
    }
    for (const target of group.targets) {
      for (const d of target.diagnostics) report(d);
      // A reused output's link facts, and those a worker stored, are read from the cache only
      // if a check asks for them.
      const path = target.outputPath;
      if (isReused.has(group)) out.htmlFacts.setLazy(path, () => target.htmlFacts!);
      else if (stored && target.html !== null) out.htmlFacts.setLazy(path, () => fromStore(path));
      else if (target.htmlFacts) out.htmlFacts.set(path, target.htmlFacts);
      if (target.prints && !isReused.has(group)) out.prints.set(path, target.prints);
      if (target.html === null) out.kept.add(target.outputPath);
      else out.written.add(target.outputPath);
    }
  }
  return out;
}
