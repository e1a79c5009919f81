import type { Page, Section } from "../model/page.ts";
import { compareText, sortIdsBySiteOrder } from "./order.ts";
import type { SourceShape } from "./urls.ts";

/**
 * Which folders are sections. A folder holding `index.md` (and no `_index.md`) is a leaf
 * bundle, not a section: its page and any sibling pages belong to the nearest section above.
 * Every ancestor of a section is a section too, so parent chains and breadcrumbs never break.
 */
export class SectionPlan {
  readonly keys: readonly string[];
  private readonly bundles: ReadonlySet<string>;

  constructor(shapes: readonly SourceShape[]) {
    const listed = new Set<string>();
    const bundleDirs = new Set<string>();
    for (const s of shapes) {
      const key = s.dirs.join("/");
      if (s.kind === "section") listed.add(key);
      if (s.kind === "bundle") bundleDirs.add(key);
    }
    for (const key of listed) bundleDirs.delete(key);
    this.bundles = bundleDirs;

    const keys = new Set<string>([""]);
    for (const s of shapes) {
      let key: string | null = this.sectionOf(s);
      while (key !== null && !keys.has(key)) {
        keys.add(key);
        key = this.parentOf(key);
      }
    }
    this.keys = [...keys].sort(compareText);
  }

  /** The section a page belongs to; a section page belongs to the section it represents. */
  sectionOf(shape: SourceShape): string {
    if (shape.kind === "home") return "";
    if (shape.kind === "section") return shape.dirs.join("/");
    const dirs = shape.kind === "bundle" ? shape.dirs.slice(0, -1) : shape.dirs;
    // Most sites have no leaf bundle above a page: no folder to step out of.
    if (this.bundles.size === 0) return dirs.join("/");
    const out = [...dirs];
    while (out.length > 0 && this.bundles.has(out.join("/"))) out.pop();
    return out.join("/");
  }

  /** The nearest enclosing section key, `null` for the root. */
  parentOf(key: string): string | null {
    if (key === "") return null;
    const dirs = key.split("/");
    dirs.pop();
    while (dirs.length > 0 && this.bundles.has(dirs.join("/"))) dirs.pop();
    return dirs.join("/");
  }
}

export function assembleSections(
  plan: SectionPlan,
  indexPages: ReadonlyMap<string, Page>,
  regularBySection: ReadonlyMap<string, readonly string[]>,
  pages: ReadonlyMap<string, Page>,
): Map<string, Section> {
  const children = new Map<string, string[]>();
  for (const key of plan.keys) {
    const parent = plan.parentOf(key);
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(key);
    children.set(parent, list);
  }
  const sections = new Map<string, Section>();
  for (const key of plan.keys) {
    const index = indexPages.get(key);
    if (!index) continue;
    const subs = (children.get(key) ?? []).filter((k) => indexPages.has(k));
    subs.sort((a, b) => {
      const pa = indexPages.get(a)!;
      const pb = indexPages.get(b)!;
      return pa.weight - pb.weight || compareText(pa.title, pb.title) || compareText(a, b);
    });
    sections.set(key, {
      key,
      title: index.title,
      url: index.url,
      indexPageId: index.id,
      parent: plan.parentOf(key),
      pageIds: sortIdsBySiteOrder(regularBySection.get(key) ?? [], pages),
      subsectionKeys: subs,
      weight: index.weight,
    });
  }
  return sections;
}
