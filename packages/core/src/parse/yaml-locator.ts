import { type Document, isMap, isScalar, isSeq, type Node } from "yaml";
import type { Range } from "../model/range.ts";
import type { KeyPath, SourceLocator } from "./locator.ts";
import { createLineIndex } from "./positions.ts";

/** Ranges from the `yaml` package's node offsets; `text` is what `doc` was parsed from. */
export function locateYaml(doc: Document, text: string): SourceLocator {
  const index = createLineIndex(text);
  const find = (path: KeyPath): { key: Node | null; value: Node | null } | null => {
    let node: unknown = doc.contents;
    let key: Node | null = null;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return null;
        key = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        node = node.items[seg];
        key = (node as Node | undefined) ?? null;
      } else {
        return null;
      }
    }
    return { key, value: (node as Node | null) ?? null };
  };
  const toRange = (node: Node | null | undefined): Range | null => {
    const r = node?.range;
    if (!r) return null;
    let end = r[1];
    // Block collections end after their last line break; squiggles should not.
    while (end > r[0] && /\s/.test(text[end - 1]!)) end--;
    return index.rangeAt(r[0], end);
  };
  return {
    value: (path) => {
      const found = find(path);
      if (!found) return null;
      return toRange(found.value) ?? toRange(found.key);
    },
    key: (path) => toRange(find(path)?.key),
  };
}
