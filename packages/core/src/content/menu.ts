import type { MenuEntry } from "../model/config.ts";
import type { Page, Section } from "../model/page.ts";
import type { MenuItem } from "../model/site.ts";
import { compareText } from "./order.ts";

function byWeightThenName(a: MenuItem, b: MenuItem): number {
  return a.weight - b.weight || compareText(a.name, b.name) || compareText(a.url, b.url);
}

/**
 * `[[menu.main]]` as a tree: an entry's `parent` names another entry's `identifier` (or its
 * `name` when it has none). Entries whose parent is unknown, or that would form a cycle, stay top-level.
 */
export function menuFromConfig(entries: readonly MenuEntry[]): MenuItem[] {
  const keyOf = (e: MenuEntry) => e.identifier ?? e.name;
  const known = new Set(entries.map(keyOf));
  const childrenOf = new Map<string, MenuEntry[]>();
  const roots: MenuEntry[] = [];
  for (const e of entries) {
    if (e.parent !== undefined && e.parent !== keyOf(e) && known.has(e.parent)) {
      const list = childrenOf.get(e.parent) ?? [];
      list.push(e);
      childrenOf.set(e.parent, list);
    } else {
      roots.push(e);
    }
  }
  const placed = new Set<MenuEntry>();
  const build = (e: MenuEntry, path: ReadonlySet<string>): MenuItem => {
    placed.add(e);
    const key = keyOf(e);
    const next = new Set(path).add(key);
    const children = (childrenOf.get(key) ?? [])
      .filter((c) => !next.has(keyOf(c)))
      .map((c) => build(c, next));
    return { ...e, children: children.sort(byWeightThenName) };
  };
  const items = roots.map((e) => build(e, new Set()));
  // Entries only reachable through a parent cycle would vanish; show them at the top instead.
  for (const e of entries) if (!placed.has(e)) items.push(build(e, new Set()));
  return items.sort(byWeightThenName);
}

/** Without a configured menu: the top-level sections, by weight then title. */
export function menuFromSections(
  sections: ReadonlyMap<string, Section>,
  pages: ReadonlyMap<string, Page>,
): MenuItem[] {
  const items: MenuItem[] = [];
  for (const section of sections.values()) {
    if (section.parent !== "") continue;
    const page = pages.get(section.indexPageId);
    items.push({
      name: section.title,
      url: page?.url ?? section.url,
      weight: section.weight,
      identifier: section.key,
      children: [],
    });
  }
  return items.sort(
    (a, b) => a.weight - b.weight || compareText(a.name, b.name) || compareText(a.url, b.url),
  );
}
